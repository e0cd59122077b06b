"""A programme booklet (usually four weeks) as one PDF: cover, one sheet per week, how to do each
exercise, and tips.

The cover names the person, sums up their profile and risk, and says why the plan looks as it does.
Each week page is the weekly sheet of pdf_sheet. templates/booklet.typ flows the instructions and
tips over as many pages as they need, never splitting a block. Every page carries the clinic header
(when given), the sources and "Page N of M". A red-flag plan gives the one-page see-a-doctor sheet
only. Pure: the same plans give the same bytes.
"""

from collections.abc import Sequence

from planner.clinic import ClinicHeader
from planner.data_files import FAMILIES, Exercise, exercises_by_id, safety_rules
from planner.exports import pdf_style as s
from planner.exports.pdf_render import render
from planner.exports.pdf_sheet import picture_path, plan_pdf, week_page
from planner.plan import WeekPlan
from planner.profile import Profile

USE = (
    "There is one page for each week: tick a box for each exercise you do and write down your "
    "pain after each session. How to do each exercise, and everyday tips, are at the back."
)
COVER_TITLE = "BackPlan - your programme"
STEPS_TITLE = "How to do each exercise"
STEPS_INTRO = (
    "The pictures show the starting position. Move slowly, breathe out on the effort, and stop "
    "if pain spreads down a leg or gets clearly worse."
)


def booklet_pdf(
    plans: Sequence[WeekPlan],
    paper: str = "a4",
    clinic: ClinicHeader | None = None,
    profile: Profile | None = None,
) -> bytes:
    """The weeks' plans as one booklet PDF; with `profile`, the cover also shows age, pain and
    conditions. A red-flag plan gives the one-page see-a-doctor sheet instead."""
    if not plans:
        raise ValueError("plans: give at least one week")
    first = plans[0]
    if not first.safe_to_exercise:
        return plan_pdf(first, paper=paper, clinic=clinic)
    title = f"BackPlan - {weeks_label(plans).lower()} programme"
    frame = s.frame(first, paper, clinic, title=title, page_numbers=True)
    return render({"kind": "booklet", "frame": frame, "page": booklet_data(plans, profile)})


def booklet_data(plans: Sequence[WeekPlan], profile: Profile | None) -> dict:
    """The data of templates/booklet.typ."""
    first = plans[0]
    dates = s.span([d.date for plan in plans for d in plan.days if d.date])
    stop = [t.text for t in first.tips if t.topic == "see_a_doctor"]
    return {
        "name": s.one_line(first.name or ""),
        "subtitle": f"{weeks_label(plans)}{': ' + dates if dates else ''}",
        "cover-title": COVER_TITLE,
        "use": USE,
        "summary": [_summary_row(label, lines) for label, lines in summary(plans, profile)],
        "reasons": [n.text for n in (*first.notes, *first.removed_families)],
        # the tips have their own pages at the back, so a week's page leaves them out
        "weeks": [week_page(plan) | {"tips": []} for plan in plans],
        "steps-title": STEPS_TITLE,
        "steps-intro": STEPS_INTRO,
        "exercises": [_exercise(e) for e in programme_exercises(plans)],
        "topics": tip_topics(first),
        "stop": " ".join(stop),
        "advice": list(first.advice),
    }


def weeks_label(plans: Sequence[WeekPlan]) -> str:
    """'Weeks 1-4', or 'Week 3' for a single week."""
    low, high = plans[0].week, plans[-1].week
    return f"Week {low}" if low == high else f"Weeks {low}-{high}"


def _summary_row(label: str, lines: list[str]) -> dict:
    """A line starting with '- ' is a bullet."""
    plain = [line for line in lines if not line.startswith("- ")]
    return {"label": label, "lines": plain, "bullets": [b[2:] for b in lines if b not in plain]}


def summary(plans: Sequence[WeekPlan], profile: Profile | None) -> list[tuple[str, list[str]]]:
    """The cover's 'About you' rows as (label, lines)."""
    first = plans[0]
    longest = max(d.minutes for plan in plans for d in plan.days)
    rows: list[tuple[str, list[str]]] = []
    if profile is not None:
        rows.append(("Age", [f"{profile.age} years"]))
    rows.append(("Body mass index", [f"{first.bmi:.1f} ({first.bmi_band})"]))
    if profile is not None:
        weeks = f"{profile.pain_weeks} week{'s' * (profile.pain_weeks != 1)}"
        rows.append(("Pain now", [f"{profile.pain} out of 10; this episode: {weeks}"]))
    sessions = len(first.sessions)
    rows.append(("Sessions", [f"{sessions} a week, up to {longest} minutes each"]))
    if profile is not None:
        labels = [safety_rules().conditions[c].label for c in profile.conditions]
        rows.append(("Conditions", ["; ".join(labels) or "None given"]))
    factors = [f"- {f.reason}" for f in first.risk.factors]
    rows.append(("Back-pain risk", [first.risk.level.capitalize(), *factors]))
    return rows


def programme_exercises(plans: Sequence[WeekPlan]) -> list[Exercise]:
    """Every distinct exercise of the programme, in family order, then first appearance."""
    seen: dict[str, int] = {}
    for plan in plans:
        for day in plan.days:
            for item in day.exercises:
                seen.setdefault(item.id, len(seen))
    catalogue = exercises_by_id()
    order = {f: i for i, f in enumerate(FAMILIES)}
    ids = sorted(seen, key=lambda i: (order.get(catalogue[i].family, 99), seen[i]))
    return [catalogue[i] for i in ids]


def _exercise(exercise: Exercise) -> dict:
    return {
        "name": exercise.name,
        "picture": picture_path(exercise.id),
        "steps": list(exercise.steps),
        "cautions": list(exercise.cautions),
    }


def tip_topics(plan: WeekPlan) -> list[dict]:
    """Every tip but the see-a-doctor ones, grouped by topic in the plan's order."""
    topics: dict[str, list[str]] = {}
    for tip in plan.tips:
        if tip.topic != "see_a_doctor":
            topics.setdefault(tip.topic, []).append(tip.text)
    return [{"label": s.topic_label(t), "texts": texts} for t, texts in topics.items()]
