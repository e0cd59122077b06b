"""Doses: an exercise at a rung of its ladder for a profile, and an honest time estimate."""

from functools import cache

from planner import guidelines as g
from planner.data_files import Exercise, Ladder, catalogue, exercises_by_id
from planner.plan import Prescription
from planner.profile import Profile

BREATHING_CUE = "Keep breathing: breathe out as you tighten or lift, and never hold your breath."


def is_older(profile: Profile) -> bool:
    return profile.age >= g.OLDER_ADULT_AGE


def ladder_for(exercise: Exercise, profile: Profile) -> Ladder:
    """The exercise's dose ladder, using the older-adult ladder where one exists."""
    ladders = catalogue().ladders
    older = f"{exercise.ladder}_older"
    return ladders[older] if is_older(profile) and older in ladders else ladders[exercise.ladder]


def needs_clearance(profile: Profile) -> bool:
    """Heart or kidney disease with little regular activity: a doctor's go-ahead first, then a
    light start (ACSM pre-participation screening, Riebe 2015)."""
    inactive = profile.active_days < g.INACTIVE_BELOW_DAYS
    return inactive and "heart_or_kidney_disease" in profile.conditions


def start_rung(profile: Profile) -> int:
    """Week 1's rung: the bottom rung, one up when pain is low (not for a light start)."""
    return 1 if profile.pain <= g.LOW_PAIN and not needs_clearance(profile) else 0


def top_rung(exercise: Exercise, profile: Profile) -> int:
    return len(ladder_for(exercise, profile).rungs) - 1


def dose(exercise: Exercise, rung: int, profile: Profile) -> tuple[int, int, int]:
    """(sets, reps, hold_s) at a rung, clamped to the ladder."""
    rungs = ladder_for(exercise, profile).rungs
    return rungs[max(0, min(rung, len(rungs) - 1))]


def exercise_seconds(sets: int, reps: int, hold_s: int, sides: int) -> int:
    """Time one exercise takes: holds or reps, the pauses between them, rests and set-up."""
    rep = max(hold_s, g.SECONDS_PER_REP_MIN) + g.SECONDS_BETWEEN_REPS
    one_side = sets * reps * rep + (sets - 1) * g.SECONDS_BETWEEN_SETS
    return g.SECONDS_SETUP + sides * one_side + (sides - 1) * g.SECONDS_CHANGE_SIDES


@cache
def _timing(exercise_id: str, rung: int, older: bool) -> tuple[int, int]:
    """(seconds, volume) of an exercise at a rung: the planner asks for these many times."""
    exercise = exercises_by_id()[exercise_id]
    rungs = catalogue().ladders[exercise.ladder].rungs
    if older and f"{exercise.ladder}_older" in catalogue().ladders:
        rungs = catalogue().ladders[f"{exercise.ladder}_older"].rungs
    sets, reps, hold_s = rungs[max(0, min(rung, len(rungs) - 1))]
    volume = sets * reps * exercise.sides * max(hold_s, g.SECONDS_PER_REP_MIN)
    return exercise_seconds(sets, reps, hold_s, exercise.sides), volume


def seconds_at(exercise: Exercise, rung: int, profile: Profile) -> int:
    return _timing(exercise.id, rung, is_older(profile))[0]


def volume_at(exercise: Exercise, rung: int, profile: Profile) -> int:
    """Seconds under exercise at a rung (Prescription.volume without building one)."""
    return _timing(exercise.id, rung, is_older(profile))[1]


def prescribe(exercise: Exercise, rung: int, profile: Profile) -> Prescription:
    """The exercise at a rung of its ladder (clamped to the ladder), with cues for the profile."""
    sets, reps, hold_s = dose(exercise, rung, profile)
    steps = exercise.steps
    if "high_blood_pressure" in profile.conditions:
        steps = (*steps, BREATHING_CUE)
    return Prescription(
        id=exercise.id,
        category=exercise.family,
        name=exercise.name,
        position=exercise.position,
        sets=sets,
        reps=reps,
        hold_s=hold_s,
        sides=exercise.sides,
        instructions=steps,
        seconds=exercise_seconds(sets, reps, hold_s, exercise.sides),
    )
