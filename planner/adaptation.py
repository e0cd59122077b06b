"""Next week from the log: step up, hold or step down one rung, and say which rule applied.

Rules (planner/guidelines.py): step down when pain reached 7+, rose by 2 points or more (a
meaningful change, Ostelo 2008), or sessions left pain 2+ points higher; hold when fewer than 80% of
sessions were done, pain rose a little, or nothing was logged; otherwise step up. From week 12 the
dose only holds or steps down (maintenance). Two step-downs running: see a clinician.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import mean

from planner import guidelines as g
from planner.log_entry import LogEntry

MAX_RUNG = 6  # the longest dose ladder's top rung; each exercise clamps to its own


@dataclass(frozen=True)
class WeekReview:
    """How one logged week went and what it means for the next."""

    week: int
    step: int  # +1 up, 0 hold, -1 down
    rule: str  # a key in data/plan_notes.toml
    values: dict = field(default_factory=dict)  # numbers quoted in the note


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
        return WeekReview(week, -1, "step_down_pain_high", values)
    if rise >= g.MEANINGFUL_PAIN_CHANGE:
        return WeekReview(week, -1, "step_down_pain_rise", values)
    if diffs and mean(diffs) >= g.MEANINGFUL_PAIN_CHANGE:
        values["rise"] = round(mean(diffs), 1)
        return WeekReview(week, -1, "step_down_sessions_hurt", values)
    if done < g.STEP_UP_ADHERENCE:
        return WeekReview(week, 0, "hold_middling", values)
    if rise >= 1:
        return WeekReview(week, 0, "hold_pain_up", values)
    if week >= g.PROGRESSION_WEEKS:
        return WeekReview(week, 0, "maintenance_hold", values)
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


def adapted_rung(start: int, reviews: Sequence[WeekReview]) -> int:
    """The rung after applying each week's step, never below 0 or above the top."""
    rung = start
    for review in reviews:
        rung = max(0, min(MAX_RUNG, rung + review.step))
    return rung


def needs_clinician(reviews: Sequence[WeekReview]) -> bool:
    """Two step-down weeks running at the end of the log."""
    tail = reviews[-g.BAD_WEEKS_BEFORE_CLINICIAN :]
    return len(tail) == g.BAD_WEEKS_BEFORE_CLINICIAN and all(r.step < 0 for r in tail)
