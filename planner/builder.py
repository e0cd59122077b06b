"""build_plan: profile in, the week's plan out. Pure and deterministic: no clock, no I/O."""

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from planner import guidelines as g
from planner.adaptation import needs_clinician, review_log
from planner.body import bmi, bmi_band, water_target_l
from planner.data_files import Exercise, exercises_by_id, safety_rules
from planner.dosing import is_older, prescribe, start_rung
from planner.log_entry import LogEntry
from planner.notes import dropped_notes, fewer_notes, note, plan_notes
from planner.overload import Week, fill, fit, step_down, step_up
from planner.plan import Day, Note, WeekPlan
from planner.profile import Profile, parse_profile
from planner.risk import assess_risk
from planner.safety import screen
from planner.schedule import WEEKDAYS, exercises_per_session, families_per_session, session_days
from planner.selection import daily_extras, families_for, safe_exercises
from planner.session_time import (
    desk_breaks_for,
    exercise_budget_s,
    is_gentle,
    walk_minutes,
    warm_up_for,
)
from planner.tips import tips_for

Options = dict[str, list[Exercise]]
BY_ID = exercises_by_id()


def core_emphasis(profile: Profile) -> str | None:
    """Why core work goes in every session (weak abdominals, heavy lifting), or None."""
    reasons = []
    if profile.core_strength == "weak":
        reasons.append("you described your core muscles as weak")
    if profile.lifting == "often":
        reasons.append("you often lift heavy things")
    return " and ".join(reasons) or None


def needs_balance_work(profile: Profile) -> bool:
    """Older adults and people with osteoporosis: strength and balance 3+ days a week."""
    return is_older(profile) or "osteoporosis" in profile.conditions


def every_session_families(profile: Profile, options: Options) -> list[str]:
    fixed = ["core"] if core_emphasis(profile) else []
    fixed += ["strength_balance"] if needs_balance_work(profile) else []
    return [f for f in fixed if f in options]


def usual_exercises(profile: Profile) -> int:
    if is_gentle(profile):
        return g.GENTLE_EXERCISES_PER_SESSION
    if profile.minutes_per_day >= g.FULL_SESSION_MINUTES:
        return g.MAX_EXERCISES_PER_SESSION
    return g.SHORT_EXERCISES_PER_SESSION


def day_labels(profile: Profile, week: int) -> list[tuple[str, date | None]]:
    """Day names and dates: real weekdays from start_date, else 'Day 1' to 'Day 7'."""
    if profile.start_date is None:
        return [(f"Day {i + 1}", None) for i in range(7)]
    first = profile.start_date + timedelta(weeks=week - 1)
    days = [first + timedelta(days=i) for i in range(7)]
    return [(WEEKDAYS[d.weekday()], d) for d in days]


def first_week(profile: Profile, options: Options) -> Week:
    """Week 1: each session's families (variants in rotation) and daily extras at the start
    rung, fitted to the time; then filled to about 80% of it unless pain is high."""
    extras = daily_extras(profile)
    fixed = every_session_families(profile, options)
    per_session = exercises_per_session(
        profile.days_per_week, len(options), len(fixed), usual_exercises(profile), len(extras)
    )
    layout = families_per_session(list(options), profile.days_per_week, per_session, fixed)
    budget = exercise_budget_s(profile)
    start = start_rung(profile)
    seen = dict.fromkeys(options, 0)
    sessions = []
    for families in layout:
        slots = []
        for family in families:
            pool = options[family][: g.VARIANTS_IN_ROTATION.get(family, 1)]
            slots.append((pool[seen[family] % len(pool)], start))
            seen[family] += 1
        session = (*slots, *((e, start) for e in extras))
        sessions.append(fit(session, profile, budget, frozenset(fixed)))
    week = tuple(sessions)
    if is_gentle(profile):
        return week
    return fill(week, profile, int(budget * g.FIRST_WEEK_FILL))


def log_steps(
    profile: Profile, week: int, log: Sequence[LogEntry]
) -> tuple[list[int], Note | None, bool]:
    """Each logged week's step (+1, 0, -1), the note on the last one, and whether to see a
    clinician."""
    reviews = review_log(log, week - 1, profile.days_per_week, profile.pain)
    if not reviews:
        return [], None, False
    last = reviews[-1]
    return [r.step for r in reviews], note(last.rule, **last.values), needs_clinician(reviews)


def apply_steps(profile: Profile, start: Week, steps: Sequence[int]) -> list[Week]:
    """The doses after each step. A step down goes back to the doses before the last step up
    (below the first week: every exercise one rung down)."""
    budget = exercise_budget_s(profile)
    safe_ids = frozenset(e.id for e in safe_exercises(profile))
    history = [start]
    for step in steps:
        if step > 0:
            history.append(step_up(history[-1], profile, budget, safe_ids))
        elif step < 0 and len(history) > 1:
            history.pop()
        elif step < 0:
            history[-1] = step_down(history[-1])
    return history


@lru_cache(maxsize=256)
def planned_weeks(profile_json: str) -> tuple[Week, ...]:
    """Without a log: each week assumed to go well, up to the maintenance level (cached: every
    page and export asks for the same person's weeks)."""
    profile = Profile.model_validate_json(profile_json)
    options, _ = families_for(profile)
    steps = [1] * (g.PROGRESSION_WEEKS - 1)
    return tuple(apply_steps(profile, first_week(profile, options), steps))


def progression(
    profile: Profile, week: int, log: Sequence[LogEntry] | None
) -> tuple[Week, int, Note | None, bool]:
    """The week's doses, how many weeks have stepped up (for the walk), the note saying which log
    rule set them, and whether to see a clinician."""
    if log is None:
        level = min(week, g.PROGRESSION_WEEKS) - 1
        return planned_weeks(profile.model_dump_json())[level], level, None, False
    steps, note_, clinician = log_steps(profile, week, log)
    options, _ = families_for(profile)
    history = apply_steps(profile, first_week(profile, options), steps)
    return history[-1], len(history) - 1, note_, clinician


def build_days(profile: Profile, week: int, doses: Week, level: int) -> list[Day]:
    """The seven days: sessions with warm-up, exercises and walk on the spread-out days."""
    sessions = dict(zip(session_days(profile.days_per_week), doses, strict=True))
    warm_up = warm_up_for(profile)
    days = []
    for i, (name, when) in enumerate(day_labels(profile, week)):
        if i not in sessions:
            days.append(Day(day=name, date=when, exercises=()))
            continue
        exercises = tuple(prescribe(e, r, profile) for e, r in sessions[i])
        day = Day(day=name, date=when, exercises=exercises, warm_up=warm_up)
        walk = walk_minutes(profile, level, day.exercise_minutes)
        days.append(Day(day=name, date=when, exercises=exercises, warm_up=warm_up, walk_min=walk))
    return days


def build_plan(
    profile: Profile | dict, week: int = 1, log: Sequence[LogEntry] | None = None
) -> WeekPlan:
    """The personalised plan for one week of the programme (week 1 onwards).

    With a `log` (the session log so far), each week steps up, holds or steps down from how the
    weeks before went. Raises ProfileError for an invalid profile, ValueError for a bad week.
    """
    profile = parse_profile(profile)
    if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= g.MAX_WEEK:
        raise ValueError(f"week: must be a whole number from 1 to {g.MAX_WEEK}")
    safety = screen(profile)
    body_mass = bmi(profile)
    common = {
        "risk": assess_risk(profile),
        "week": week,
        "tips": tips_for(profile),
        "bmi": body_mass,
        "bmi_band": bmi_band(body_mass),
        "water_target_l": water_target_l(profile),
        "name": profile.name,
        "urgency": safety.urgency,
        "stop_reasons": safety.stop_reasons,
    }
    if not safety.safe_to_exercise:
        days = tuple(Day(day=n, date=d, exercises=()) for n, d in day_labels(profile, week))
        return WeekPlan(safe_to_exercise=False, days=days, **common)
    options, removed = families_for(profile)
    doses, level, adapted, see_clinician = progression(profile, week, log)
    days = build_days(profile, week, doses, level)
    present = {p.category for d in days for p in d.exercises if not BY_ID[p.id].daily_for}
    dropped = [f for f in options if f not in present]
    advice = safety.advice
    if see_clinician:
        advice = (safety_rules().advice["two_bad_weeks"].text, *advice)
    fixed = every_session_families(profile, options)
    return WeekPlan(
        safe_to_exercise=True,
        days=tuple(days),
        notes=(
            *plan_notes(profile, week, days, fixed, core_emphasis(profile)),
            *fewer_notes(profile, days, list(options)),
        ),
        progression=adapted,
        advice=advice,
        removed_families=(*removed, *dropped_notes(profile, dropped)),
        desk_breaks=desk_breaks_for(profile),
        **common,
    )
