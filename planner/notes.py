"""Why the plan looks as it does: plain-words notes, each with its source."""

from typing import Any

from planner import guidelines as g
from planner.data_files import catalogue, citation, note_texts, safety_rules
from planner.dosing import is_older, needs_clearance
from planner.pace import slow_progression
from planner.plan import Day, Note
from planner.profile import Profile
from planner.selection import FAMILY_NAMES
from planner.session_time import is_gentle

LIFTING_PRACTICE = {"hip_hinge_practice", "squat_to_chair", "carry_practice"}


def note(key: str, **values: Any) -> Note:
    text = note_texts()[key]
    return Note(id=key, text=text.text.format(**values), source=citation(text.source))


def start_note(profile: Profile, week: int) -> list[Note]:
    if is_gentle(profile):
        notes = [note("gentle_start", pain=profile.pain)]
    elif profile.pain <= g.LOW_PAIN:
        notes = [note("low_pain_start", pain=profile.pain)]
    else:
        notes = [note("standard_start")]
    if week > g.PROGRESSION_WEEKS:
        notes.append(note("maintenance", week=week))
    elif week > g.PROGRAMME_WEEKS:
        notes.append(note("progressing", week=week))
    return notes


def condition_notes(profile: Profile, exercise_ids: set[str]) -> list[Note]:
    """Each condition's rule, and what it adds to the plan."""
    rules = safety_rules().conditions
    notes = []
    for condition in profile.conditions:
        rule = rules[condition]
        if rule.forbids:
            text = f"Because of {rule.label.lower()}, {rule.reason}."
            notes.append(Note(id=f"condition_{condition}", text=text, source=citation(rule.source)))
    conditions = set(profile.conditions)
    if "ankylosing_spondylitis" in conditions:
        notes.append(note("as_mobility"))
    if "pregnancy" in conditions and "pelvic_floor_squeeze" in exercise_ids:
        notes.append(note("pelvic_floor_daily"))
    if "heart_or_kidney_disease" in conditions:
        if needs_clearance(profile):
            notes.append(note("heart_kidney_clearance"))
        notes.append(note("heart_kidney_stop"))
    if "high_blood_pressure" in conditions:
        notes.append(note("breathing"))
    return notes


def time_note(profile: Profile, days: list[Day]) -> Note:
    """How much of the offered time the sessions use ("about 13-14 minutes": true of every day's
    card), and why when clearly less."""
    shortest, longest = min(d.minutes for d in days), max(d.minutes for d in days)
    minutes = f"{shortest}" if shortest == longest else f"{shortest}-{longest}"
    values = {"minutes": minutes, "minutes_per_day": profile.minutes_per_day}
    if is_gentle(profile):
        return note("time_short_gentle", pain=profile.pain, **values)
    if longest < g.SHORT_SESSION_SHARE * profile.minutes_per_day:
        return note("time_short_capped", **values)
    walk_part = ", then a walk" if any(d.walk_min for d in days) else ""
    return note("time_used", walk_part=walk_part, **values)


def plan_notes(
    profile: Profile, week: int, days: list[Day], every_session: list[str], why_core: str | None
) -> list[Note]:
    """Why the plan looks as it does, in plain words with sources."""
    sessions = [d for d in days if d.exercises]
    ids = {p.id for d in sessions for p in d.exercises}
    notes = start_note(profile, week)
    if why_core:
        notes.append(note("core_every_session", why=why_core))
    if why_slow := slow_progression(profile):
        notes.append(note("slow_progression", why=why_slow, week=g.SLOW_LEVEL_3_FROM_WEEK))
    if "strength_balance" in every_session:
        why = "of your age" if is_older(profile) else "of osteoporosis"
        notes.append(note("balance_work", sessions=len(sessions), why=why))
    if profile.lifting == "often" and ids & LIFTING_PRACTICE:
        notes.append(note("lifting_strength"))
    if is_older(profile):
        notes += [note("older_adult", age=profile.age), note("balance_support")]
    if profile.floor == "hard":
        notes.append(note("floor_hard"))
    notes += condition_notes(profile, ids)
    if profile.pain_weeks >= g.LONG_PAIN_WEEKS and profile.stress >= g.HIGH_STRESS:
        notes.append(note("pacing", pain_weeks=profile.pain_weeks))
    if profile.days_per_week == 1:
        notes.append(note("one_day"))
    if walk := max(d.walk_min for d in sessions):
        notes.append(note("walk", walk_min=walk))
    if profile.sitting_hours >= g.DESK_BREAK_SITTING_HOURS:
        notes.append(note("desk_breaks", hours=profile.sitting_hours))
    return [*notes, note("pain_rule"), time_note(profile, sessions)]


def dropped_notes(profile: Profile, dropped: list[str]) -> list[Note]:
    """Families that did not fit the time: said, not hidden."""
    notes, minutes = [], profile.minutes_per_day
    for family in dropped:
        n = note("time_dropped", family=FAMILY_NAMES[family], minutes_per_day=minutes)
        notes.append(Note(id=f"removed_{family}", text=n.text, source=n.source))
    return notes


def fewer_notes(profile: Profile, days: list[Day], families: list[str]) -> list[Note]:
    """Families that come less often than planned (twice a week from 4 sessions) for lack of
    time: said, not hidden. Families missing altogether get a removal note instead."""
    wanted = g.MIN_FAMILY_SESSIONS_FROM_4_DAYS if profile.days_per_week >= 4 else 1
    extras = {e.id for e in catalogue().exercise if e.daily_for}
    counts = {
        f: sum(p.category == f and p.id not in extras for d in days for p in d.exercises)
        for f in families
    }
    return [
        note(
            "time_fewer",
            family=FAMILY_NAMES[f],
            count=n,
            wanted=wanted,
            minutes_per_day=profile.minutes_per_day,
        )
        for f, n in counts.items()
        if 0 < n < wanted
    ]
