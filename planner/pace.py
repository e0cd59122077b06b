"""How fast harder variants come: older adults, osteoporosis and weak core muscles progress in
ACSM's order, one step at a time (more repetitions, then more sets, then a harder variant once the
ladder is climbed), and the hardest (level-3) variants wait until SLOW_LEVEL_3_FROM_WEEK
(clinical-facts.md sections 2 and 3). Pure and deterministic."""

from planner import guidelines as g
from planner.data_files import Exercise, exercises_by_id
from planner.dosing import is_older, top_rung
from planner.overload import Week
from planner.profile import Profile

Options = dict[str, list[Exercise]]


def slow_progression(profile: Profile) -> str | None:
    """Why harder variants come slowly for this person, in words, or None."""
    reasons = [f"you are {profile.age}"] if is_older(profile) else []
    if "osteoporosis" in profile.conditions:
        reasons.append("you have osteoporosis")
    if profile.core_strength == "weak":
        reasons.append("you described your core muscles as weak")
    if len(reasons) > 1:
        return ", ".join(reasons[:-1]) + " and " + reasons[-1]
    return reasons[0] if reasons else None


def is_early(exercise: Exercise, profile: Profile, week: int) -> bool:
    """A level-3 variant before its week, for someone who progresses slowly."""
    too_soon = week < g.SLOW_LEVEL_3_FROM_WEEK and exercise.level == 3
    return too_soon and slow_progression(profile) is not None


def week_one_options(options: Options, profile: Profile) -> Options:
    """Week 1's variants without the ones that come later. Every level-3 variant has an easier
    one with the same contraindications, so no family empties (tests/test_pace.py checks)."""
    return {f: [e for e in found if not is_early(e, profile, 1)] for f, found in options.items()}


def harder_allowed(
    profile: Profile, week: int, current: Week, safe_ids: frozenset[str]
) -> frozenset[str]:
    """The exercises a step up to `week` may swap to: for a slow progression, not the harder
    variant of an exercise still below the top of its ladder, and no level-3 variant too early."""
    if slow_progression(profile) is None:
        return safe_ids
    by_id = exercises_by_id()
    climbing = {e.harder for s in current for e, r in s if r < top_rung(e, profile)}
    early = {i for i in safe_ids if is_early(by_id[i], profile, week)}
    return safe_ids - climbing - early
