"""build_plan: profile in, the week's plan out. Pure and deterministic: no clock, no I/O."""

import tomllib
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from planner import guidelines as g
from planner.adaptation import (
    FLARE,
    FLARE_EXERCISES_PER_SESSION,
    PAUSE,
    Course,
    follow_log,
    review_log,
)
from planner.body import bmi, bmi_band, water_target_l
from planner.data_files import DATA_DIR, Exercise, citation, safety_rules
from planner.dosing import is_older, prescribe, rung_for_week, start_rung, top_rung
from planner.log_entry import LogEntry, parse_log
from planner.plan import Day, Note, Prescription, WeekPlan
from planner.profile import Profile, parse_profile
from planner.risk import assess_risk
from planner.safety import pause_stop, screen
from planner.schedule import WEEKDAYS, exercises_per_session, families_per_session, session_days
from planner.selection import families_for
from planner.tips import tips_for


@cache
def _note_texts() -> dict[str, dict]:
    with (DATA_DIR / "plan_notes.toml").open("rb") as f:
        return tomllib.load(f)


def _note(key: str, **values: Any) -> Note:
    text = _note_texts()[key]
    return Note(id=key, text=text["text"].format(**values), source=citation(text["source"]))


def is_gentle(profile: Profile) -> bool:
    return profile.pain >= g.HIGH_PAIN


def core_emphasis(profile: Profile) -> str | None:
    """Why core work goes in every session (weak abdominals, heavy lifting), or None."""
    reasons = []
    if profile.core_strength == "weak":
        reasons.append("you described your core muscles as weak")
    if profile.lifting == "often":
        reasons.append("you often lift heavy things")
    return " and ".join(reasons) or None


def day_labels(profile: Profile, week: int) -> list[tuple[str, date | None]]:
    """Day names and dates: real weekdays from start_date, else 'Day 1' to 'Day 7'."""
    if profile.start_date is None:
        return [(f"Day {i + 1}", None) for i in range(7)]
    first = profile.start_date + timedelta(weeks=week - 1)
    days = [first + timedelta(days=i) for i in range(7)]
    return [(WEEKDAYS[d.weekday()], d) for d in days]


def fit_to_budget(items: list[tuple[Exercise, int]], profile: Profile) -> list[Prescription]:
    """Step the longest exercises down their ladders until the session fits the minutes given."""
    budget = profile.minutes_per_day * 60
    rungs = [min(r, top_rung(e, profile)) for e, r in items]
    while True:
        done = [prescribe(e, r, profile) for (e, _), r in zip(items, rungs, strict=True)]
        if sum(p.seconds for p in done) <= budget:
            return done
        movable = [i for i, r in enumerate(rungs) if r > 0]
        if not movable:  # even the lowest doses do not fit: drop the last exercise
            items, rungs = items[:-1], rungs[:-1]
            continue
        longest = max(movable, key=lambda i: done[i].seconds)
        rungs[longest] -= 1


def build_days(
    profile: Profile,
    week: int,
    rung: int,
    options: dict[str, list[Exercise]],
    limit: int | None = None,
) -> list[Day]:
    """The seven days, with each session's exercises dosed at `rung` and fitted to the time;
    `limit` caps the exercises a session holds (the flare-up routine)."""
    per_session = exercises_per_session(
        profile.days_per_week, len(options), is_gentle(profile), profile.minutes_per_day
    )
    per_session = min(per_session, limit or per_session)
    plan = families_per_session(
        list(options), profile.days_per_week, per_session, core_emphasis(profile) is not None
    )
    seen = dict.fromkeys(options, 0)
    sessions = {}
    for day, families in zip(session_days(profile.days_per_week), plan, strict=True):
        items = []
        for family in families:
            # Alternate between the two best core variants for variety; one variant elsewhere.
            pool = options[family][:2] if family == "core" else options[family][:1]
            items.append((pool[seen[family] % len(pool)], rung))
            seen[family] += 1
        sessions[day] = tuple(fit_to_budget(items, profile))
    labels = day_labels(profile, week)
    return [Day(day=n, date=d, exercises=sessions.get(i, ())) for i, (n, d) in enumerate(labels)]


def plan_notes(profile: Profile, week: int, days: list[Day]) -> list[Note]:
    """Why the plan looks as it does, in plain words with sources."""
    notes = [_note("gentle_start", pain=profile.pain)] if is_gentle(profile) else []
    if not notes:
        low = profile.pain <= g.LOW_PAIN
        notes.append(_note("low_pain_start", pain=profile.pain) if low else _note("standard_start"))
    if week > g.PROGRAMME_WEEKS:
        notes.append(_note("maintenance", week=week))
    if why := core_emphasis(profile):
        notes.append(_note("core_every_session", why=why))
    if is_older(profile):
        notes += [_note("older_adult", age=profile.age), _note("balance_support")]
    rules = safety_rules().conditions
    for condition in profile.conditions:
        rule = rules[condition]
        if rule.forbids:
            text = f"Because of {rule.label.lower()}, {rule.reason}."
            notes.append(Note(id=f"condition_{condition}", text=text, source=citation(rule.source)))
    if "high_blood_pressure" in profile.conditions:
        notes.append(_note("breathing"))
    if profile.days_per_week == 1:
        notes.append(_note("one_day"))
    longest = max(d.minutes for d in days)
    notes.append(_note("time_used", longest=longest, minutes_per_day=profile.minutes_per_day))
    return notes


def week_days(profile: Profile, week: int, level: int, pain: int) -> list[Day]:
    """The week at a level of the log's course (a dose rung, the flare-up routine of the easiest
    variants, or a pause with no sessions), for the pain the person has now."""
    if level == PAUSE:
        return [Day(day=n, date=d, exercises=()) for n, d in day_labels(profile, week)]
    now = profile.model_copy(update={"pain": pain})
    options, _ = families_for(now)
    if level == FLARE:
        easiest = {f: sorted(found, key=lambda e: e.level) for f, found in options.items()}
        return build_days(now, week, 0, easiest, FLARE_EXERCISES_PER_SESSION)
    return build_days(now, week, level, options)


def progression(profile: Profile, week: int, log: Sequence[LogEntry] | None) -> Course:
    """The week's level and the pain it follows, from the log (its entries counted by date).

    Without a log the plan assumes each week went well and climbs a rung a week to week 4.
    """
    if log is None:
        return Course(rung_for_week(profile, week), profile.pain, None, False)
    reviews = review_log(log, week - 1, profile.days_per_week, profile.pain)
    seen: dict[tuple[int, int, int], tuple] = {}

    def sessions(week: int, level: int, pain: int) -> tuple:
        if (week, level, pain) not in seen:
            days = week_days(profile, week, level, pain)
            seen[week, level, pain] = tuple(d.exercises for d in days)
        return seen[week, level, pain]

    return follow_log(reviews, start_rung(profile), profile.pain, sessions)


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
    profile, LogError (a ProfileError) for a bad log entry, ValueError for a bad week.
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
    adapted = _note(review.rule, **review.values) if review else None
    days = week_days(profile, week, course.level, course.pain)
    if course.level == PAUSE:
        stop = pause_stop()
        common |= {"urgency": stop.urgency, "stop_reasons": (str(stop),), "stops": (stop,)}
        return WeekPlan(safe_to_exercise=False, days=tuple(days), progression=adapted, **common)
    now = profile.model_copy(update={"pain": course.pain})
    flare = [_note("flare_routine")] if course.level == FLARE else []
    return WeekPlan(
        safe_to_exercise=True,
        days=tuple(days),
        notes=(*flare, *plan_notes(now, week, days)),
        progression=adapted,
        advice=log_advice(course) + safety.advice,
        removed_families=families_for(now)[1],
        **common,
    )
