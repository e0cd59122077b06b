"""Benchmarks for the planner core and the PDF sheet. Prints figures against the targets.

Run with `make bench-all` (`make bench` prints the same rows in its table). Targets (issue 11):
build_plan under 1 ms, at least 5,000 plans/s over 10,000 varied profiles with each plan's JSON
written, a warm weekly PDF under 50 ms.
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner import build_plan
from planner.profile import CONDITIONS, RED_FLAGS

ONE = {
    "age": 52, "sex": "male", "height_cm": 178, "weight_kg": 88, "sitting_hours": 7,
    "active_days": 2, "lifting": "often", "posture": "fair", "core_strength": "weak",
    "water_l": 1.4, "stress": 6, "pain": 5, "pain_weeks": 3, "recent_trauma": False,
    "conditions": ["high_blood_pressure"], "red_flags": [], "days_per_week": 4,
    "minutes_per_day": 20, "name": "Bench Mark", "start_date": "2026-11-30",
}  # fmt: skip
BUSY = ONE | {"days_per_week": 7, "minutes_per_day": 40}


def varied_profiles(n: int, seed: int = 7) -> list[dict]:
    """n different valid profiles; about 1 in 10 has a red flag."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(
            ONE
            | {
                "age": rng.randint(18, 95),
                "sex": rng.choice(["female", "male", "other"]),
                "weight_kg": rng.randint(45, 160),
                "pain": rng.randint(0, 10),
                "core_strength": rng.choice(["weak", "average", "strong"]),
                "lifting": rng.choice(["never", "sometimes", "often"]),
                "conditions": rng.sample(CONDITIONS, rng.randint(0, 2)),
                "red_flags": rng.sample(RED_FLAGS, 1) if rng.random() < 0.1 else [],
                "days_per_week": rng.randint(1, 7),
                "minutes_per_day": rng.randint(10, 60),
            }
        )
    return out


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plans_per_second(n: int = 10_000) -> float:
    """n varied profiles, each validated, built (weeks 1-6) and written as JSON: plans/s."""
    from planner.exports.json_plan import plan_json

    profiles = varied_profiles(n)
    start = time.perf_counter()
    for i, profile in enumerate(profiles):
        plan_json(build_plan(profile, week=1 + i % 6))
    return n / (time.perf_counter() - start)


def warm_sheet_ms(repeat: int = 30) -> float:
    """The median time of the weekly PDF sheet of a busy week (7 days, 40 minutes), warm."""
    from planner.exports.pdf_sheet import plan_pdf

    plan = build_plan(BUSY, week=2)
    plan_pdf(plan)
    return median_ms(lambda: plan_pdf(plan), repeat=repeat)


def report(label: str, value: float, unit: str, target: str, ok: bool) -> None:
    print(f"{label:<44} {value:>10.3f} {unit:<8} target {target:<10} {'OK' if ok else 'MISSED'}")


def main() -> None:
    build_plan(ONE)  # load data files once
    single = median_ms(lambda: build_plan(ONE, week=2), repeat=2000)
    report("build_plan, one profile (median)", single, "ms", "< 1 ms", single < 1)
    rate = plans_per_second()
    report("plans/s with JSON, 10,000 varied profiles", rate, "plans/s", ">= 5,000", rate >= 5000)
    sheet = warm_sheet_ms()
    report("weekly PDF sheet, busy week, warm (median)", sheet, "ms", "< 50 ms", sheet < 50)


if __name__ == "__main__":
    main()
