"""The one-page weekly exercise sheet (A4 or US Letter portrait) as PDF bytes, for the fridge.

The sheet lists, as a physiotherapist's home-exercise sheet does, the warm-up, the week's distinct
exercises (same exercise, same dose: one row) with a picture, the dose and the key step, and the
walk, each with a tick box on each day it is scheduled; then the time and a pain score per session
with the pain rule beside it, the desk breaks, key tips, when to stop and get help, the disclaimer
and sources. templates/sheet.typ lays it out, choosing the richest layout that fits one page. A
red-flag plan gets the "see a doctor" sheet of pdf_stop_sheet instead. Pure: the same plan always
gives the same bytes.
"""

import re

from planner.clinic import ClinicHeader
from planner.data_files import FAMILIES, exercises_by_id
from planner.exports import pdf_style as s
from planner.exports.pdf_render import ROOT, render
from planner.exports.pdf_stop_sheet import stop_document
from planner.plan import Day, Prescription, WeekPlan

TITLE = "BackPlan - weekly plan"
FALLBACK_STOP = (
    "Stop and get emergency care now if you get numbness between your legs or new bladder or "
    "bowel problems. See a doctor soon if you get new weakness or numbness in a leg, or a fever."
)
# A step naming one of these is where the person sets up their support: the step to print.
SUPPORTS = re.compile(r"\b(chair|wall|counter|banister|table|bed|step|stair)s?\b", re.IGNORECASE)
PAIN_NOTE = "pain_rule"  # plan_notes.toml: how much pain is acceptable during exercise


def plan_pdf(plan: WeekPlan, paper: str = "a4", clinic: ClinicHeader | None = None) -> bytes:
    """The plan as a one-page PDF; paper is 'a4' or 'letter' (ValueError otherwise); an optional
    clinic header prints at the top."""
    return render(sheet_document(plan, paper, clinic))


def sheet_document(plan: WeekPlan, paper: str = "a4", clinic: ClinicHeader | None = None) -> dict:
    """The data of the one-page sheet: the week's sheet, or the see-a-doctor sheet of a red-flag
    plan."""
    if not plan.safe_to_exercise:
        return stop_document(plan, paper, clinic)
    frame = s.frame(plan, paper, clinic, title=f"{TITLE}, week {plan.week}")
    return {"kind": "week", "frame": frame, "page": week_page(plan)}


def week_page(plan: WeekPlan) -> dict:
    """The data of templates/sheet.typ for one week."""
    sessions = len(plan.sessions)
    longest = max((d.minutes for d in plan.days), default=0)
    subtitle = (
        f"Back-pain risk: {plan.risk.level}. {sessions} session{'s' * (sessions != 1)} this week, "
        f"up to {longest} minutes each."
    )
    stop = next((t.text for t in plan.tips if t.topic == "see_a_doctor"), FALLBACK_STOP)
    return {
        "title": TITLE,
        "right": s.week_label(plan),
        "name": s.one_line(plan.name or ""),
        "subtitle": subtitle,
        "days": [_day(i, day) for i, day in enumerate(plan.days)],
        "warm-up": [_line(text, on) for text, on in grouped(plan, warm_up_text)],
        "rows": week_rows(plan),
        "walk": [_line(text, on) for text, on in grouped(plan, walk_text)],
        "desk": desk_text(plan),
        "pain-rule": next((n.text for n in plan.notes if n.id == PAIN_NOTE), ""),
        "tips": s.pick_tips(plan, s.SHEET_TIPS),
        "notes": [n.text for n in plan.notes if n.id != PAIN_NOTE],
        "stop": stop,
        "advice": list(plan.advice),
    }


def _day(index: int, day) -> dict:
    top, bottom = (day.day[:3], str(day.date.day)) if day.date else ("Day", str(index + 1))
    return {"top": top, "bottom": bottom, "session": day.is_session, "minutes": str(day.minutes)}


def week_rows(plan: WeekPlan) -> list[dict]:
    """The distinct exercises of the week in family order, each with the days it is on; a
    missing picture is an error."""
    days: dict[Prescription, set[int]] = {}
    for i, day in enumerate(plan.days):
        for item in day.exercises:
            days.setdefault(item, set()).add(i)
    order = {f: i for i, f in enumerate(FAMILIES)}
    items = sorted(days, key=lambda p: (order.get(p.category, 99), min(days[p])))
    return [_row(item, days[item], len(plan.days)) for item in items]


def grouped(plan: WeekPlan, text_of) -> list[tuple[str, list[bool]]]:
    """Each distinct non-empty `text_of(day)` of the week, with the days it is on."""
    days: dict[str, set[int]] = {}
    for i, day in enumerate(plan.days):
        if text := text_of(day):
            days.setdefault(text, set()).add(i)
    return [(text, [i in on for i in range(len(plan.days))]) for text, on in days.items()]


def _line(text: str, on: list[bool]) -> dict:
    return {"text": text, "on": on}


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def warm_up_text(day: Day) -> str:
    """'Warm-up 3 min: marching on the spot, pelvic and shoulder circles', or ''."""
    if not day.warm_up:
        return ""
    minutes = sum(w.minutes for w in day.warm_up)
    return f"Warm-up {minutes} min: " + ", ".join(_lower_first(w.name) for w in day.warm_up)


def walk_text(day: Day) -> str:
    """'Walk 15 min', or '' on a day without a walk."""
    return f"Walk {day.walk_min} min" if day.walk_min else ""


def desk_text(plan: WeekPlan) -> str:
    """The desk breaks in one paragraph ("Every hour of sitting. Standing back extension: Stand
    up, ..."), or ''."""
    by_every: dict[str, list[str]] = {}
    for b in plan.desk_breaks:
        by_every.setdefault(b.every, []).append(f"{b.name}: {b.instructions}")
    return " ".join(
        f"{every[:1].upper()}{every[1:]}. {' '.join(items)}" for every, items in by_every.items()
    )


def key_step(steps: tuple[str, ...] | list[str]) -> str:
    """The step to print when only one fits: the first that names the support or position
    (a chair, a wall, a counter...), else the main step (the second of three or more)."""
    support = next((step for step in steps if SUPPORTS.search(step)), None)
    if support:
        return support
    return steps[1] if len(steps) > 1 else (steps[0] if steps else "")


def _row(item: Prescription, on: set[int], count: int) -> dict:
    return {
        "name": item.name,
        "dose": item.dose_text,
        "step": key_step(item.instructions),
        "picture": picture_path(item.id),
        "on": [i in on for i in range(count)],
    }


def picture_path(exercise_id: str) -> str:
    """The exercise's picture as a path from the repo root, as Typst reads it."""
    picture = exercises_by_id()[exercise_id].image_path
    if not picture.is_file():
        raise FileNotFoundError(f"exercise picture missing: {picture}")
    return "/" + picture.resolve().relative_to(ROOT).as_posix()
