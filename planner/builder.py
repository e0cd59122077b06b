"""build_plan: profile in, the week's plan out. Pure and deterministic: no clock, no I/O."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from planner import guidelines as g
from planner.adaptation import FLARE, PAUSE, Course, follow_log, review_log
from planner.body import bmi, bmi_band, water_target_l
from planner.data_files import exercises_by_id, note_texts, safety_rules
from planner.dosing import prescribe
from planner.log_entry import LogEntry, parse_log
from planner.notes import dropped_notes, fewer_notes, note, plan_notes
from planner.overload import Week
from planner.plan import Day, WeekPlan
from planner.profile import Profile, parse_profile
from planner.risk import assess_risk
from planner.safety import pause_stop, screen
from planner.schedule import WEEKDAYS, session_days
from planner.selection import daily_extras, families_for
from planner.session_time import desk_breaks_for, walk_minutes, warm_up_for
from planner.tips import tips_for
from planner.weeks import (
    core_emphasis,
    doses_at,
    every_session_families,
    flare_week,
    start_level,
    top_level,
)

BY_ID = exercises_by_id()


@dataclass(frozen=True)
class WalkLoad:
    """A day's walk in the log's course: a longer walk is a step up of its own (walkback), but
    not exercise volume, which the 30% cap measures."""

    minutes: int
    volume: int = 0


def day_labels(profile: Profile, week: int) -> list[tuple[str, date | None]]:
    """Day names and dates: real weekdays from start_date, else 'Day 1' to 'Day 7'."""
    if profile.start_date is None:
        return [(f"Day {i + 1}", None) for i in range(7)]
    first = profile.start_date + timedelta(weeks=week - 1)
    days = [first + timedelta(days=i) for i in range(7)]
    return [(WEEKDAYS[d.weekday()], d) for d in days]


def build_days(profile: Profile, week: int, doses: Week, level: int) -> list[Day]:
    """The seven days: sessions with warm-up, exercises and walk on the spread-out days. The
    flare-up routine gets the short warm-up and no walk."""
    sessions = dict(zip(session_days(profile.days_per_week), doses, strict=True))
    flare = level == FLARE
    warm_up = warm_up_for(profile, g.FLARE_WARM_UP if flare else None)
    days = []
    for i, (name, when) in enumerate(day_labels(profile, week)):
        if i not in sessions:
            days.append(Day(day=name, date=when, exercises=()))
            continue
        exercises = tuple(prescribe(e, r, profile) for e, r in sessions[i])
        day = Day(day=name, date=when, exercises=exercises, warm_up=warm_up)
        walked = max(0, level - start_level())  # weeks stepped up so far: the walk builds
        walk = 0 if flare else walk_minutes(profile, walked, day.exercise_minutes)
        days.append(Day(day=name, date=when, exercises=exercises, warm_up=warm_up, walk_min=walk))
    return days


def week_days(profile: Profile, week: int, level: int, pain: int) -> list[Day]:
    """The week at a level of the log's course (a place on the dose path, the flare-up routine,
    or a pause with no sessions), for the pain the person has now."""
    if level == PAUSE:
        return [Day(day=n, date=d, exercises=()) for n, d in day_labels(profile, week)]
    now = profile.model_copy(update={"pain": pain})
    doses = flare_week(now) if level == FLARE else doses_at(now, level)
    return build_days(now, week, doses, level)


def progression(profile: Profile, week: int, log: Sequence[LogEntry] | None) -> Course:
    """The week's level and the pain it follows, from the log (its entries counted by date).

    Without a log the plan assumes each week went well and steps up a level a week to the
    maintenance level.
    """
    if log is None:
        level = start_level() + min(week, g.PROGRESSION_WEEKS) - 1
        return Course(level, profile.pain, None, False)
    reviews = review_log(log, week - 1, profile.days_per_week, profile.pain)
    seen: dict[tuple[int, int], tuple] = {}

    def sessions(week: int, level: int, pain: int) -> tuple:
        # the exercises do not depend on the week's dates: one build per level and pain
        if (level, pain) not in seen:
            days = week_days(profile, 1, level, pain)
            seen[level, pain] = tuple((*d.exercises, WalkLoad(d.walk_min)) for d in days)
        return seen[level, pain]

    return follow_log(reviews, start_level(), profile.pain, sessions, top_level())


def log_advice(course: Course) -> tuple[str, ...]:
    """See a clinician now in a flare-up, or after two step-down weeks running."""
    texts = safety_rules().advice
    if course.level == FLARE:
        return (texts["see_clinician_now"].text,)
    return (texts["two_bad_weeks"].text,) if course.see_clinician else ()


def build_plan(
    profile: Profile | dict, week: int = 1, log: Sequence[LogEntry | dict] | None = None
) -> WeekPlan:
    """The personalised plan for one week of the programme (week 1 onwards).

    With a `log` (the session log so far: LogEntry objects or dicts as in the JSON export), each
    week steps up, holds, steps down or swaps to a flare-up routine from how the weeks before went;
    with a start_date each entry counts in its date's week. Raises ProfileError for an invalid
    profile, LogEntryError for a bad log entry, ValueError for a bad week.
    """
    profile = parse_profile(profile)
    if not isinstance(week, int) or isinstance(week, bool) or not 1 <= week <= g.MAX_WEEK:
        raise ValueError(f"week: must be a whole number from 1 to {g.MAX_WEEK}")
    if log is not None:
        log = parse_log(log, profile.start_date)
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
        "stops": safety.stops,
    }
    if not safety.safe_to_exercise:
        days = tuple(Day(day=n, date=d, exercises=()) for n, d in day_labels(profile, week))
        return WeekPlan(safe_to_exercise=False, days=days, **common)
    course = progression(profile, week, log)
    review = course.review
    adapted = note(review.rule, **review.values) if review else None
    days = week_days(profile, week, course.level, course.pain)
    if course.level == PAUSE:
        stop = pause_stop()
        common |= {"urgency": stop.urgency, "stop_reasons": (str(stop),), "stops": (stop,)}
        return WeekPlan(safe_to_exercise=False, days=tuple(days), progression=adapted, **common)
    now = profile.model_copy(update={"pain": course.pain})
    return WeekPlan(
        safe_to_exercise=True,
        days=tuple(days),
        notes=week_notes(now, week, days, course.level),
        progression=adapted,
        advice=log_advice(course) + safety.advice,
        removed_families=removed_notes(now, days, course.level),
        desk_breaks=desk_breaks_for(profile),
        **common,
    )


def week_notes(now: Profile, week: int, days: list[Day], level: int) -> tuple:
    """Why the week looks as it does; the flare-up routine says so first."""
    options, _ = families_for(now)
    fixed = every_session_families(now, options)
    notes = plan_notes(now, week, days, fixed, core_emphasis(now))
    if level == FLARE:
        daily = note_texts()["flare_daily"].text if daily_extras(now) else ""
        return (note("flare_routine", daily=daily), *notes)
    return (*notes, *fewer_notes(now, days, list(options)))


def removed_notes(now: Profile, days: list[Day], level: int) -> tuple:
    """Families left out for a condition, and (outside a flare-up routine, which is short on
    purpose) families the time did not fit."""
    options, removed = families_for(now)
    if level == FLARE:
        return removed
    present = {p.category for d in days for p in d.exercises if not BY_ID[p.id].daily_for}
    return (*removed, *dropped_notes(now, [f for f in options if f not in present]))
