"""build_plan: profile in, the week's plan out. Pure and deterministic: no clock, no I/O."""

import tomllib
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from planner import guidelines as g
from planner.adaptation import adapted_rung, needs_clinician, review_log
from planner.body import bmi, bmi_band, water_target_l
from planner.data_files import DATA_DIR, Exercise, citation, safety_rules
from planner.dosing import is_older, prescribe, rung_for_week, start_rung, top_rung
from planner.log_entry import LogEntry
from planner.plan import Day, Note, Prescription, WeekPlan
from planner.profile import Profile, parse_profile
from planner.risk import assess_risk
from planner.safety import screen
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
    profile: Profile, week: int, rung: int, options: dict[str, list[Exercise]]
) -> list[Day]:
    """The seven days, with each session's exercises dosed at `rung` and fitted to the time."""
    per_session = exercises_per_session(
        profile.days_per_week, len(options), is_gentle(profile), profile.minutes_per_day
    )
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


def progression(
    profile: Profile, week: int, log: Sequence[LogEntry] | None
) -> tuple[int, Note | None, bool]:
    """The week's rung, the note saying which log rule set it, and whether to see a clinician.

    Without a log the plan assumes each week went well and climbs a rung a week to week 4.
    """
    if log is None:
        return rung_for_week(profile, week), None, False
    reviews = review_log(log, week - 1, profile.days_per_week, profile.pain)
    rung = adapted_rung(start_rung(profile), reviews)
    if not reviews:
        return rung, None, False
    last = reviews[-1]
    return rung, _note(last.rule, **last.values), needs_clinician(reviews)


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
    rung, adapted, see_clinician = progression(profile, week, log)
    days = build_days(profile, week, rung, options)
    advice = safety.advice
    if see_clinician:
        advice = (safety_rules().advice["two_bad_weeks"].text, *advice)
    return WeekPlan(
        safe_to_exercise=True,
        days=tuple(days),
        notes=tuple(plan_notes(profile, week, days)),
        progression=adapted,
        advice=advice,
        removed_families=removed,
        **common,
    )
