"""Progressive overload: week by week each exercise steps up its ladder (more repetitions, then
more sets) and, at the top, swaps to its harder variant, while every session stays within its time
and the week's volume rises by about 10-20%, never more than 30% (clinical-facts.md section 2).

A week is a tuple of sessions; a session is a tuple of (exercise, rung) slots. Pure and
deterministic: the same week in gives the same week out.
"""

from planner import guidelines as g
from planner.data_files import Exercise, exercises_by_id
from planner.dosing import is_older, ladder_for, seconds_at, top_rung, volume_at
from planner.memo import Memo
from planner.profile import Profile

Slot = tuple[Exercise, int]
Session = tuple[Slot, ...]
Week = tuple[Session, ...]


def session_seconds(session: Session, profile: Profile) -> int:
    return sum(seconds_at(e, r, profile) for e, r in session)


def week_volume(week: Week, profile: Profile) -> int:
    return sum(volume_at(e, r, profile) for session in week for e, r in session)


def drop_order(slots: list[Slot], keep: frozenset[str]) -> int:
    """Which exercise to leave out when time is short: the last rotating family first, then a
    daily extra, and the families kept in every session last."""
    rotating = [i for i, (e, _) in enumerate(slots) if e.family not in keep and not e.daily_for]
    extras = [i for i, (e, _) in enumerate(slots) if e.daily_for]
    return (rotating or extras or [len(slots) - 1])[-1]


def fit(session: Session, profile: Profile, budget_s: int, keep: frozenset[str]) -> Session:
    """Step the longest exercises down their ladders until the session fits its time; when even
    the lowest doses do not fit, leave an exercise out (see drop_order)."""
    slots = list(session)
    while slots and session_seconds(tuple(slots), profile) > budget_s:
        movable = [i for i, (_, r) in enumerate(slots) if r > 0]
        if not movable:
            slots.pop(drop_order(slots, keep))
            continue
        longest = max(movable, key=lambda i: seconds_at(*slots[i], profile))
        slots[longest] = (slots[longest][0], slots[longest][1] - 1)
    return tuple(slots)


def one_dose_each(week: Week) -> Week:
    """Each exercise at the same rung on every day it comes (its lowest): sessions fitted to
    their time one by one can trim a daily exercise differently, and a week's sheet gives one
    dose per exercise, as a physiotherapist's does. Lowering a rung never breaks a session's time.
    """
    lowest: dict[str, int] = {}
    for session in week:
        for e, r in session:
            lowest[e.id] = min(r, lowest.get(e.id, r))
    return tuple(tuple((e, lowest[e.id]) for e, _ in session) for session in week)


def harder_variant(exercise: Exercise, safe_ids: frozenset[str]) -> Exercise | None:
    """The exercise's harder variant when it is safe for the person and in the same family."""
    harder = exercises_by_id().get(exercise.harder or "")
    if harder is None or harder.id not in safe_ids or harder.family != exercise.family:
        return None
    return harder


def harder_slot(slot: Slot, profile: Profile, safe_ids: frozenset[str]) -> Slot | None:
    """The harder variant at the highest rung with no more volume than now (else its first)."""
    exercise, rung = slot
    harder = harder_variant(exercise, safe_ids)
    if harder is None:
        return None
    now = volume_at(exercise, rung, profile)
    rungs = range(top_rung(harder, profile) + 1)
    return harder, max((r for r in rungs if volume_at(harder, r, profile) <= now), default=0)


def next_slots(
    slot: Slot, profile: Profile, safe_ids: frozenset[str], first_week: bool = False
) -> list[Slot]:
    """One step up, in the order to try: the next rung, else (at the top of the ladder, or when
    the next rung does not fit the time) the harder variant. Filling week 1 keeps the variant
    and stops at the ladder's first-week top."""
    exercise, rung = slot
    top = (
        ladder_for(exercise, profile).first_week_top if first_week else top_rung(exercise, profile)
    )
    steps = [(exercise, rung + 1)] if rung < top else []
    harder = None if first_week else harder_slot(slot, profile, safe_ids)
    return steps + ([harder] if harder else [])


def _slots_by_dose(week: Week) -> list[tuple[Slot, list[tuple[int, int]]]]:
    """Where each exercise-and-rung sits: (session, position) lists, lowest rungs first."""
    where: dict[tuple[str, int], list[tuple[int, int]]] = {}
    slots: dict[tuple[str, int], Slot] = {}
    for i, session in enumerate(week):
        for j, (exercise, rung) in enumerate(session):
            where.setdefault((exercise.id, rung), []).append((i, j))
            slots[exercise.id, rung] = (exercise, rung)
    order = sorted(where, key=lambda key: (key[1], where[key][0]))
    return [(slots[key], where[key]) for key in order]


_steps: Memo[Week] = Memo(8192)


def step_up(
    week: Week, profile: Profile, budget_s: int, safe_ids: frozenset[str], first_week: bool = False
) -> Week:
    """Next week: exercises on the lowest rungs first, each one step at most and the same step
    on every day it comes, within each session's time and about +20% volume.

    Remembered: a step depends on the person only through the older-adult ladders, so people
    with the same week, time and safe exercises share it (most of a batch does)."""
    key = (week_ids(week), is_older(profile), budget_s, safe_ids, first_week)
    return _steps.get(key, lambda: _step_up(week, profile, budget_s, safe_ids, first_week))


def week_ids(week: Week) -> tuple:
    """The week as exercise ids and rungs: what it is, cheap to compare and remember."""
    return tuple(tuple((e.id, r) for e, r in session) for session in week)


def _step_up(
    week: Week, profile: Profile, budget_s: int, safe_ids: frozenset[str], first_week: bool
) -> Week:
    total = week_volume(week, profile)
    limit = total * (1 + g.WEEKLY_STEP)
    seconds = [session_seconds(s, profile) for s in week]
    sessions = [list(s) for s in week]
    for slot, places in _slots_by_dose(week):
        days: dict[int, int] = {}  # an exercise can come twice in one session
        for i, _ in places:
            days[i] = days.get(i, 0) + 1
        for new in next_slots(slot, profile, safe_ids, first_week):
            gain = (volume_at(*new, profile) - volume_at(*slot, profile)) * len(places)
            longer = seconds_at(*new, profile) - seconds_at(*slot, profile)
            fits = all(seconds[i] + longer * n <= budget_s for i, n in days.items())
            if total + gain <= limit and fits:
                for i, j in places:
                    sessions[i][j] = new
                for i, n in days.items():
                    seconds[i] += longer * n
                total += gain
                break
            if fits and new[0] is slot[0]:
                break  # ACSM's order: the harder variant waits for the ladder, not the week's cap
    return one_dose_each(tuple(tuple(s) for s in sessions))  # a harder variant may be there already


def fill(week: Week, profile: Profile, budget_s: int) -> Week:
    """Step up from the start doses, keeping each exercise's variant, until the sessions use about
    `budget_s` (week 1: start low, but a person who offers 15 minutes gets about 15 minutes)."""
    while (next_week := step_up(week, profile, budget_s, frozenset(), first_week=True)) != week:
        week = next_week
    return week
