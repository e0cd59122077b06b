"""Next week from the log: step up, hold or step down, and say which rule applied.

Rules (planner/guidelines.py): pain reaching 7+/10 swaps at once to a flare-up routine (the easiest
variants, two exercises a session, the lowest doses) with advice to see a physiotherapist or doctor
now (NHS: do not wait); a step down when pain rose by 2 points or more (a meaningful change, Ostelo
2008) or sessions left pain 2+ points higher; hold when fewer than 80% of sessions were done, pain
rose a little, or nothing was logged; otherwise step up. At the maintenance level (the top of the
path, week 12 for a person whose weeks all went well, later after a step down or a gentle start)
the dose only holds or steps down. Two step-downs running: see a clinician.

Levels: positions on the week-by-week dose path (planner.weeks: each level is the week after
one more step up, below week 1 an ascent from the bottom rungs), then below them the
flare-up routine (FLARE) and a pause (PAUSE). A step down always changes the sessions: it goes down
as many levels as it takes, then to the flare-up routine (pain rising at the easiest level), then
to a pause (pain still too high on the flare-up routine). A step up goes to the next level that
changes the sessions; one that would change nothing, or add more than 30% to the week's load,
holds instead and says so. Pain numbers come from each week's log, so the plan follows the pain the
person has now (a gentle start is grown out of once the pain falls).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from statistics import mean

from planner import guidelines as g
from planner.log_entry import LogEntry

MAX_LEVEL = 40  # how far a step up looks for a level that changes the sessions
FLARE, PAUSE = -1, -2  # the levels below the dose ladders
CLAIM_A_CHANGE = {"step_up", "pain_eased"}  # notes of a step up or hold that say the week changed

# The sessions of a week at a level and pain: (week, level, pain) -> each day's prescriptions.
Sessions = Callable[[int, int, int], tuple]


@dataclass(frozen=True)
class WeekReview:
    """How one logged week went and what it means for the next."""

    week: int
    step: int  # +1 up, 0 hold, -1 down
    rule: str  # a key in data/plan_notes.toml
    values: dict = field(default_factory=dict)  # numbers quoted in the note


@dataclass(frozen=True)
class Course:
    """Where the log leaves the plan for a week: its level, the pain it follows, and why."""

    level: int  # a rung, FLARE or PAUSE
    pain: int  # the pain the plan follows: the last logged week's, else the profile's
    review: WeekReview | None  # last week's review, its rule saying what actually changed
    see_clinician: bool  # two step-down weeks running


def _pain_values(entries: Sequence[LogEntry]) -> list[int]:
    return [p for e in entries for p in (e.pain_before, e.pain_after) if p is not None]


def review_week(
    week: int, entries: Sequence[LogEntry], planned: int, reference: float
) -> WeekReview:
    """Apply the rules to one week's entries; `reference` is the pain level before that week."""
    if not entries:
        return WeekReview(week, 0, "hold_nothing_logged")
    credit = sum(g.STATUS_CREDIT[e.status] for e in entries)
    done = min(1.0, credit / planned)
    pains = _pain_values(entries)
    level = mean(pains) if pains else reference
    rise = round(level - reference, 1)
    diffs = [
        e.pain_after - e.pain_before for e in entries if None not in (e.pain_after, e.pain_before)
    ]
    values = {
        "done_pct": round(done * 100),
        "pain_from": round(reference, 1),
        "pain_to": round(level, 1),
        "pain_max": max(pains, default=0),
        "rise": rise,
        "pain_word": "falling" if rise <= -1 else "steady",
    }
    if pains and max(pains) >= g.HIGH_PAIN:
        return WeekReview(week, -1, "flare_pain_high", values)
    if rise >= g.MEANINGFUL_PAIN_CHANGE:
        return WeekReview(week, -1, "step_down_pain_rise", values)
    if diffs and mean(diffs) >= g.MEANINGFUL_PAIN_CHANGE:
        values["rise"] = round(mean(diffs), 1)
        return WeekReview(week, -1, "step_down_sessions_hurt", values)
    if done < g.STEP_UP_ADHERENCE:
        return WeekReview(week, 0, "hold_middling", values)
    if rise >= 1:
        return WeekReview(week, 0, "hold_pain_up", values)
    return WeekReview(week, 1, "step_up", values)


def review_log(
    log: Sequence[LogEntry], weeks: int, planned: int, start_pain: int
) -> list[WeekReview]:
    """Reviews of weeks 1..weeks, each judged against the pain level of the week before."""
    reviews, reference = [], float(start_pain)
    for week in range(1, weeks + 1):
        entries = [e for e in log if e.week == week]
        review = review_week(week, entries, planned, reference)
        reviews.append(review)
        pains = _pain_values(entries)
        reference = mean(pains) if pains else reference
    return reviews


def needs_clinician(reviews: Sequence[WeekReview]) -> bool:
    """Two step-down weeks running at the end of the log."""
    tail = reviews[-g.BAD_WEEKS_BEFORE_CLINICIAN :]
    return len(tail) == g.BAD_WEEKS_BEFORE_CLINICIAN and all(r.step < 0 for r in tail)


def volume(sessions: tuple) -> int:
    """Seconds under exercise in a week's sessions."""
    return sum(p.volume for day in sessions for p in day)


def _step_down(review: WeekReview, level: int, pain: int, before: tuple, at) -> tuple[int, str]:
    """The highest lower level whose sessions differ from last week's, and the rule that says so."""
    rungs = range(level - 1, -1, -1) if review.rule != "flare_pain_high" else ()
    for lower in rungs:
        if at(lower, pain) != before:
            return lower, review.rule
    flare_rule = "flare_pain_high" if review.rule == "flare_pain_high" else "flare_pain_rising"
    if level > FLARE and at(FLARE, pain) != before:
        return FLARE, flare_rule
    return PAUSE, "pause_pain" if level > PAUSE else "pause_held"


def _held(review: WeekReview, level: int, top: int) -> str:
    """Why a good week holds when no higher level changes the sessions: the maintenance level
    (its sessions reached, from week 12 or at the top), else the most the time holds."""
    at_maintenance = level >= top or review.week >= g.PROGRESSION_WEEKS
    return "maintenance_hold" if at_maintenance else "hold_top"


def _step_up_or_hold(
    review: WeekReview, level: int, pains: tuple[int, int], before: tuple, at, top: int
) -> tuple[int, int, str]:
    """The level and pain for a step up or a hold that adds at most 30% to the week's load: for
    the pain now first (lower levels too, to grow out of a gentle start once the cap allows), else
    on last week's pain's own path (which always has a next level within the cap).
    A step up that would change nothing holds and says so. Back from a flare-up or pause the plan
    returns one level, for the higher of the two pains: levels already done, so no cap applies."""
    now, last = pains
    if level < 0:
        return level + max(review.step, 0), max(now, last), review.rule

    def climbed(pain: int) -> tuple[int, str]:
        """The next level that changes the sessions at this pain (a step up), and its rule."""
        if review.step <= 0:
            return level, review.rule
        same = at(level, pain)
        up = next((lv for lv in range(level + 1, top + 1) if at(lv, pain) != same), level)
        return up, review.rule if up > level else _held(review, level, top)

    (up, rule), (up_last, rule_last) = climbed(now), climbed(last)
    options = [(up, now, rule)]
    if now < last:
        options += [(lower, now, "pain_eased") for lower in range(up - 1, -1, -1)]
    if now != last:
        options.append((up_last, last, rule_last))
    options.append((level, last, "hold_cap" if up_last > level else rule_last))
    limit = volume(before) * (1 + g.MAX_WEEKLY_VOLUME_INCREASE)

    def honest(option: tuple[int, int, str]) -> bool:
        """Within the cap, and a change where the note says so."""
        found = at(option[0], option[1])
        return volume(found) <= limit and (found != before or option[2] not in CLAIM_A_CHANGE)

    return next(o for o in options if o == options[-1] or honest(o))


def _restart(review: WeekReview) -> WeekReview:
    """In a pause no sessions are planned, so only the pain counts: once it is logged below 7/10
    and not rising, the plan restarts (with the flare-up routine)."""
    settled = review.step == 0 and review.values and review.values["pain_max"] < g.HIGH_PAIN
    return replace(review, step=1, rule="pause_over") if settled else review


def follow_log(
    reviews: Sequence[WeekReview],
    start_level: int,
    start_pain: int,
    sessions: Sessions,
    top: int = MAX_LEVEL,
) -> Course:
    """Walk the reviewed weeks in order; each review sets the next week's level (at most `top`)
    and pain."""
    level, pain, last = start_level, start_pain, None
    for review in reviews:
        week = review.week + 1
        before = sessions(review.week, level, pain)

        def at(lv: int, p: int, week: int = week) -> tuple:
            return sessions(week, lv, p)

        review = _restart(review) if level == PAUSE else review
        now = int(review.values.get("pain_to", pain) + 0.5)  # round half up
        if review.step < 0:  # the higher of the two pains: a step down never loads more
            pain = max(now, pain)
            level, rule = _step_down(review, level, pain, before, at)
        else:
            level, pain, rule = _step_up_or_hold(review, level, (now, pain), before, at, top)
        last = replace(review, rule=rule)
    return Course(level, pain, last, needs_clinician(reviews))
