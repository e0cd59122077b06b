"""The numbers behind the progress page: sessions per week, pain scores, and whether pain has
fallen by a meaningful amount.

A meaningful change on a 0-10 pain scale is a drop of 2 points or 30% (Ostelo et al., Spine 2008;
planner/guidelines.py); BackPlan asks for whichever of the two is the bigger drop, so the target
is never easier than either. "Pain now" is the average of the pain scores (before and after) of
the latest logged week that has any, the same measure the weekly adaptation uses.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import mean

from planner import guidelines as g
from planner.log_entry import LogEntry


@dataclass(frozen=True)
class WeekRow:
    """One programme week of the log: sessions by status, and the sessions planned."""

    week: int
    done: int
    partly: int
    skipped: int
    planned: int


@dataclass(frozen=True)
class PainPoint:
    """One pain score for the chart: the day, its week, 'Before' or 'After', and the score."""

    day: date
    week: int
    when: str
    pain: int


@dataclass(frozen=True)
class PainChange:
    """Pain at the start and now, the drop in points and percent, and the meaningful target."""

    baseline: float
    latest: float
    points: float  # the drop: positive when pain went down
    percent: float | None  # None when the baseline was 0
    target: float  # pain at or below this (after a drop) is a meaningful change
    meaningful: bool
    text: str


def weekly_summary(
    log: Sequence[LogEntry], days_per_week: int, through_week: int = 0
) -> list[WeekRow]:
    """A row for every week from 1 to the last logged week, `through_week` or the end of the
    programme, whichever is latest (weeks with nothing logged count 0)."""
    last = max([entry.week for entry in log] + [through_week, g.PROGRAMME_WEEKS])
    rows = []
    for week in range(1, last + 1):
        statuses = [entry.status for entry in log if entry.week == week]
        rows.append(
            WeekRow(
                week=week,
                done=statuses.count("done"),
                partly=statuses.count("partly"),
                skipped=statuses.count("skipped"),
                planned=days_per_week,
            )
        )
    return rows


def pain_points(log: Sequence[LogEntry]) -> list[PainPoint]:
    """Every pain score in the log, oldest day first, before then after."""
    points = []
    for entry in sorted(log, key=lambda e: e.day):
        for when, pain in (("Before", entry.pain_before), ("After", entry.pain_after)):
            if pain is not None:
                points.append(PainPoint(entry.day, entry.week, when, pain))
    return points


def meaningful_target(baseline: float) -> float:
    """The pain level that is a meaningful drop from `baseline`; never below 0, so from a low
    baseline, reaching no pain at all counts."""
    drop = max(g.MEANINGFUL_PAIN_CHANGE, baseline * g.MEANINGFUL_PAIN_CHANGE_SHARE)
    return max(0.0, round(baseline - drop, 1))


def latest_pain(log: Sequence[LogEntry]) -> float | None:
    """The average pain score of the latest logged week that has any (None without scores)."""
    points = pain_points(log)
    if not points:
        return None
    week = max(p.week for p in points)
    return round(mean(p.pain for p in points if p.week == week), 1)


def pain_change(log: Sequence[LogEntry], baseline: int | None = None) -> PainChange | None:
    """How pain has changed since the start; `baseline` defaults to the first logged score.

    None when the log has no pain scores yet.
    """
    points = pain_points(log)
    latest = latest_pain(log)
    if latest is None:
        return None
    start = float(points[0].pain if baseline is None else baseline)
    drop = round(start - latest, 1)
    target = meaningful_target(start)
    meaningful = drop > 0 and latest <= target
    percent = round(100 * drop / start) if start else None
    return PainChange(start, latest, drop, percent, target, meaningful, _text(start, latest, drop))


def _text(start: float, latest: float, drop: float) -> str:
    """The one-sentence summary the progress page shows."""
    numbers = f"(from {start:g} to {latest:g} out of 10)"
    if drop > 0:
        needed = round(start - meaningful_target(start), 1)
        verdict = (
            "a meaningful change."
            if latest <= meaningful_target(start)
            else f"not yet a meaningful change (that takes a drop of {_points(needed)})."
        )
        return f"Your pain is down {_points(drop)} since you started {numbers}: {verdict}"
    if drop < 0:
        return (
            f"Your pain is up {_points(-drop)} since you started {numbers}. If it keeps rising, "
            "see a doctor or physiotherapist."
        )
    return (
        f"Your pain is the same as when you started ({start:g} out of 10): "
        "not yet a meaningful change."
    )


def _points(value: float) -> str:
    return f"{value:g} point{'' if value == 1 else 's'}"
