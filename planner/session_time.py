"""How a session uses the time offered: a warm-up, the exercises with their rests, then a walk."""

from planner import guidelines as g
from planner.data_files import dose_data
from planner.plan import DeskBreak, WarmUp
from planner.profile import Profile


def is_gentle(profile: Profile) -> bool:
    return profile.pain >= g.HIGH_PAIN


def warm_up_for(profile: Profile, kind: str | None = None) -> tuple[WarmUp, ...]:
    """2-5 minutes of light movement, longer when more time is offered (or the `kind` asked)."""
    kind = kind or next(k for lo, k in g.WARM_UP_BY_MINUTES if profile.minutes_per_day >= lo)
    items = dose_data().warm_up[kind]
    return tuple(WarmUp(**item.model_dump()) for item in items)


def warm_up_minutes(profile: Profile) -> int:
    return sum(w.minutes for w in warm_up_for(profile))


def exercise_budget_s(profile: Profile) -> int:
    """Seconds for the exercises: the time after the warm-up, up to 10-15 minutes (less for high
    pain: shorter, gentler sessions)."""
    cap = g.GENTLE_EXERCISE_MINUTES_MAX if is_gentle(profile) else g.EXERCISE_MINUTES_MAX
    return 60 * min(profile.minutes_per_day - warm_up_minutes(profile), cap)


def walk_minutes(profile: Profile, level: int, exercise_minutes: int) -> int:
    """The walk after the exercises: from about 25 minutes offered, the time left over, built up
    gradually (`level` is how many weeks have stepped up so far)."""
    if profile.minutes_per_day < g.WALK_FROM_MINUTES:
        return 0
    ladder = dose_data().walk_minutes
    left = profile.minutes_per_day - warm_up_minutes(profile) - exercise_minutes
    walk = min(ladder[min(level, len(ladder) - 1)], left)
    return walk if walk >= g.MIN_WALK_MINUTES else 0


def desk_breaks_for(profile: Profile) -> tuple[DeskBreak, ...]:
    """'Every hour' movements for people who sit for long."""
    if profile.sitting_hours < g.DESK_BREAK_SITTING_HOURS:
        return ()
    return tuple(
        DeskBreak(name=b.name, every=b.every, instructions=b.instructions)
        for b in dose_data().desk_breaks
    )
