"""The personas' plans in numbers: week 1 and week 4 session minutes and work seconds, and what is
personal to each person.

Run from the project root:
    .venv/bin/python bench/persona_table.py                       # plain text
    .venv/bin/python bench/persona_table.py --markdown            # the table in docs/personas.md
    .venv/bin/python bench/persona_table.py --json > before.json  # rows, to compare later
    .venv/bin/python bench/persona_table.py --markdown --before before.json
    .venv/bin/python bench/persona_table.py --before docs/personas-before.json \
        --update docs/personas.md                                 # the table inside the doc

Work seconds follow ../shared/tools/review_plans.py: sets x reps x max(hold, 3) x sides, plus
60 x (warm-up minutes + walk minutes), averaged over the week's sessions. "Personal" lists what
this person's week 4 has that the plain desk worker's (persona 01) does not: exercises, notes and
families left out.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner import build_plan

PERSONAS = Path(__file__).resolve().parent.parent.parent / "shared" / "personas"
if not PERSONAS.is_dir():
    PERSONAS = Path("/work/shared/personas")
BASELINE = "01_desk_worker"


def work_seconds(day: dict) -> int:
    """Seconds of work in one day, by review_plans.py's rule."""
    exercises = sum(
        e["sets"] * e["reps"] * max(e["hold_s"] or 0, 3) * (e["sides"] or 1)
        for e in day["exercises"]
    )
    extra = sum(w["minutes"] for w in day.get("warm_up") or []) + (day.get("walk_min") or 0)
    return int(exercises + 60 * extra)


def week_numbers(plan: dict) -> dict:
    """Session minutes (lowest-highest) and mean work seconds of one week's sessions."""
    sessions = [d for d in plan["days"] if d["exercises"]]
    if not sessions:
        return {"minutes": "-", "work_s": "-"}
    minutes = sorted({d["minutes"] for d in sessions})
    shown = f"{minutes[0]}" if len(minutes) == 1 else f"{minutes[0]}-{minutes[-1]}"
    work = round(sum(work_seconds(d) for d in sessions) / len(sessions))
    return {"minutes": shown, "work_s": work}


def _content(plan: dict) -> tuple[set[str], set[str]]:
    exercises = {e["id"] for d in plan["days"] for e in d["exercises"]}
    notes = {n["id"] for n in plan.get("notes") or []}
    return exercises, notes


def personal(plan: dict, baseline: dict) -> str:
    """What this plan holds that the baseline plan does not, in one line."""
    if not plan["safe_to_exercise"]:
        why = "; ".join(stop["label"].lower() for stop in plan["stops"])
        return f"stop ({plan['urgency']}): no exercises; {why}"
    exercises, notes = _content(plan)
    base_ex, base_notes = _content(baseline)
    parts = []
    if extra := sorted(exercises - base_ex):
        parts.append("exercises: " + ", ".join(extra))
    if extra := sorted(notes - base_notes):
        parts.append("notes: " + ", ".join(extra))
    if removed := [n["id"].removeprefix("removed_") for n in plan.get("removed_families") or []]:
        parts.append("left out: " + ", ".join(removed))
    return "; ".join(parts) or "the baseline plan"


def rows() -> list[dict]:
    """One row per persona: its week 1 and week 4 numbers and what is personal."""
    profiles = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(PERSONAS.glob("*.json"))}
    baseline = build_plan(profiles[BASELINE], week=4).to_dict()
    out = []
    for name, profile in profiles.items():
        week1 = build_plan(profile, week=1).to_dict()
        week4 = build_plan(profile, week=4).to_dict()
        out.append(
            {
                "persona": name,
                "offered": profile["minutes_per_day"],
                "week1": week_numbers(week1),
                "week4": week_numbers(week4),
                "personal": personal(week4, baseline),
            }
        )
    return out


def markdown(table: list[dict], before: dict[str, dict] | None) -> str:
    """The rows as a Markdown table, with the "before" numbers beside them when given."""
    head = ["Persona", "Offered min", "Wk 1 min", "Wk 1 work s", "Wk 4 min", "Wk 4 work s"]
    if before:
        head[2:2] = [f"Before {h}" for h in head[2:6]]
    head.append("Personal to this person (week 4)")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in table:
        cells = [r["persona"], str(r["offered"])]
        if before:
            b = before.get(r["persona"])
            for week in ("week1", "week4"):
                cells += [str(b[week]["minutes"]), str(b[week]["work_s"])] if b else ["", ""]
        for week in ("week1", "week4"):
            cells += [str(r[week]["minutes"]), str(r[week]["work_s"])]
        cells.append(r["personal"])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def update(path: Path, table: str) -> None:
    """Replace the Markdown table in `path` (its lines from "| Persona |" on) with `table`."""
    lines = path.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Persona |"))
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("|")), len(lines))
    path.write_text("\n".join([*lines[:start], table, *lines[end:]]) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--before", type=Path, help="rows saved earlier with --json, to compare")
    parser.add_argument("--update", type=Path, help="replace the Markdown table in this file")
    args = parser.parse_args()
    table = rows()
    if args.json:
        print(json.dumps(table, indent=1))
        return
    before = None
    if args.before:
        before = {r["persona"]: r for r in json.loads(args.before.read_text("utf-8"))}
    if args.update:
        update(args.update, markdown(table, before))
        return
    if args.markdown:
        print(markdown(table, before))
        return
    for r in table:
        w1, w4 = r["week1"], r["week4"]
        print(
            f"{r['persona']:28} offered {r['offered']:2} | "
            f"wk1 {w1['minutes']:>5} min {w1['work_s']:>5} s | "
            f"wk4 {w4['minutes']:>5} min {w4['work_s']:>5} s | {r['personal']}"
        )


if __name__ == "__main__":
    main()
