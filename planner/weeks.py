"""The weeks a person's plan can be at: the dose path (week 1, then one step up a week to the
maintenance level, and below week 1 an ascent from the bottom rungs up to it) and the flare-up
routine.

Levels index the path (adaptation.py walks them from the log); week 1 is at start_level(), so the
same level means the same place on the path whatever the pain. From every level the next one that
changes the sessions adds about 20% to the week's volume, never over the 30% cap, so a person who
steps down, or whose pain eases, can always climb on. Pure and deterministic.
"""

from collections import Counter
from functools import lru_cache

from planner import guidelines as g
from planner.data_files import Exercise
from planner.dosing import is_older, needs_clearance, start_rung, volume_at
from planner.memo import Memo
from planner.overload import Week, fill, fit, one_dose_each, step_up, week_ids, week_volume
from planner.pace import harder_allowed, slow_progression, week_one_options
from planner.profile import Profile
from planner.schedule import exercises_per_session, families_per_session
from planner.selection import daily_extras, families_for, safe_exercises
from planner.session_time import exercise_budget_s, is_gentle

Options = dict[str, list[Exercise]]

# Levels below week 1: room for the ascent from the bottom rungs to week 1 (at most 5 levels over
# 7,000 generated profiles; tests/test_weeks.py checks the bottom is reached; a longer ascent
# would keep its top levels).
LEVELS_BELOW_WEEK_ONE = 6


def start_level() -> int:
    """Week 1's level: the ascent from the bottom rungs lies below it."""
    return LEVELS_BELOW_WEEK_ONE


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


def deal(options: Options, layout: list[list[str]], extras: list[Exercise], rung: int) -> Week:
    """Each session's families as exercises at `rung`, variants in rotation, extras on top."""
    seen = dict.fromkeys(options, 0)
    sessions = []
    for families in layout:
        slots = []
        for family in families:
            pool = options[family][: g.VARIANTS_IN_ROTATION.get(family, 1)]
            slots.append((pool[seen[family] % len(pool)], rung))
            seen[family] += 1
        sessions.append((*slots, *((e, rung) for e in extras)))
    return tuple(sessions)


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
    week = deal(options, layout, extras, start_rung(profile))
    week = one_dose_each(tuple(fit(s, profile, budget, frozenset(fixed)) for s in week))
    if is_gentle(profile) or needs_clearance(profile):  # start low: high pain, or start light
        return week
    return fill(week, profile, int(budget * g.FIRST_WEEK_FILL))


def flare_week(profile: Profile) -> Week:
    """The flare-up routine: the easiest variants, two exercises a session, the lowest doses, and
    the daily extras a condition needs (pelvic floor training in pregnancy) at their lowest too."""
    options, _ = families_for(profile)
    easiest = {f: sorted(found, key=lambda e: e.level) for f, found in options.items()}
    layout = families_per_session(
        list(easiest), profile.days_per_week, min(g.FLARE_EXERCISES_PER_SESSION, len(easiest)), []
    )
    week = deal(easiest, layout, daily_extras(profile), 0)
    return tuple(fit(s, profile, exercise_budget_s(profile), frozenset()) for s in week)


@lru_cache(maxsize=256)
def dose_path(profile_json: str) -> tuple[Week, ...]:
    """Every level's doses, lowest first: the ascent from the bottom rungs, week 1 at
    start_level(), then each week assumed to go well up to the maintenance level, harder variants
    at the person's pace (pace.py) (cached: every page, export and log walk asks for the same
    person's weeks)."""
    profile = Profile.model_validate_json(profile_json)
    options, _ = families_for(profile)
    budget = exercise_budget_s(profile)
    safe_ids = frozenset(e.id for e in safe_exercises(profile))
    return climb(first_week(profile, week_one_options(options, profile)), profile, budget, safe_ids)


_paths: Memo[tuple[Week, ...]] = Memo(4096)


def climb(week: Week, profile: Profile, budget: int, safe_ids: frozenset[str]) -> tuple[Week, ...]:
    """The path around week 1: below it an ascent from its bottom rungs (padded with the bottom
    week), above it a step up a week to maintenance. It depends on the person only through
    week 1, the older-adult ladders, whether harder variants come slowly, the time and the safe
    exercises: people who share those share it (remembered)."""

    def walk() -> tuple[Week, ...]:
        below = ascent(week, profile)[-start_level() :]
        path = [below[0]] * (start_level() - len(below)) + below + [week]
        for number in range(2, g.PROGRESSION_WEEKS + 1):
            allowed = harder_allowed(profile, number, path[-1], safe_ids)
            path.append(step_up(path[-1], profile, budget, allowed))
        return tuple(path)

    slow = slow_progression(profile) is not None
    return _paths.get((week_ids(week), is_older(profile), slow, budget, safe_ids), walk)


def bottom(week: Week) -> Week:
    """The week's exercises on their bottom rungs: the easiest level of the path."""
    return tuple(tuple((e, 0) for e, _ in session) for session in week)


def rise(week: Week, target: Week, profile: Profile) -> Week:
    """One step up towards `target` (the same exercises, rungs as high or higher): the lowest
    rungs first, each exercise one rung at most and on every day it comes, within about +20% of
    the week's volume; when no rung fits in that, the cheapest alone, so the ascent never stalls."""
    ceiling = {e.id: r for session in target for e, r in session}
    rungs = {e.id: (e, r) for session in week for e, r in session}
    places = Counter(e.id for session in week for e, _ in session)

    def gain(i: str) -> int:
        exercise, rung = rungs[i]
        more = volume_at(exercise, rung + 1, profile) - volume_at(exercise, rung, profile)
        return more * places[i]

    movable = sorted((i for i in rungs if rungs[i][1] < ceiling[i]), key=lambda i: rungs[i][1])
    room, raised = week_volume(week, profile) * g.WEEKLY_STEP, set()
    for i in movable:
        if gain(i) <= room:
            raised.add(i)
            room -= gain(i)
    raised = raised or {min(movable, key=gain)}
    return tuple(tuple((e, r + (e.id in raised)) for e, r in session) for session in week)


def ascent(week: Week, profile: Profile) -> list[Week]:
    """The levels below week 1: from its exercises on their bottom rungs, one rise at a time
    (week 1 alone when it is on them already)."""
    path = [bottom(week)]
    while path[-1] != week:
        path.append(rise(path[-1], week, profile))
    return path[:-1] or [week]


def doses_at(profile: Profile, level: int) -> Week:
    """The doses at a level of the path (clamped to it)."""
    path = dose_path(profile.model_dump_json())
    return path[max(0, min(level, len(path) - 1))]


def top_level() -> int:
    """The maintenance level: the path's last."""
    return start_level() + g.PROGRESSION_WEEKS - 1
