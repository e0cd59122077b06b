"""Progress numbers: sessions per week, pain scores for the chart, and meaningful change."""

from datetime import date, timedelta

import pytest

from planner.log_entry import LogEntry
from planner.progress_summary import (
    PainPoint,
    WeekRow,
    latest_pain,
    meaningful_target,
    pain_change,
    pain_points,
    weekly_summary,
)

START = date(2026, 1, 5)


def entry(day: int, week: int, status: str = "done", before=None, after=None) -> LogEntry:
    """A log entry `day` days after START."""
    return LogEntry(
        day=START + timedelta(days=day),
        week=week,
        status=status,
        pain_before=before,
        pain_after=after,
    )


def test_weekly_summary_counts_each_status_and_fills_weeks_with_nothing_logged():
    """Week 2 had no entries: it still gets a row of zeros, with the sessions planned."""
    log = [entry(0, 1), entry(2, 1, "partly"), entry(4, 1, "skipped"), entry(14, 3)]
    assert weekly_summary(log, days_per_week=3)[:3] == [
        WeekRow(week=1, done=1, partly=1, skipped=1, planned=3),
        WeekRow(week=2, done=0, partly=0, skipped=0, planned=3),
        WeekRow(week=3, done=1, partly=0, skipped=0, planned=3),
    ]


@pytest.mark.parametrize(
    ("logged_weeks", "through_week", "weeks"),
    [((), 0, 4), ((1,), 2, 4), ((1, 6), 0, 6), ((1,), 9, 9)],
)
def test_weekly_summary_covers_the_programme_this_week_and_every_logged_week(
    logged_weeks, through_week, weeks
):
    """At least the four programme weeks, and as far as this week or the last logged week."""
    log = [entry(7 * (week - 1), week) for week in logged_weeks]
    rows = weekly_summary(log, days_per_week=2, through_week=through_week)
    assert [row.week for row in rows] == list(range(1, weeks + 1))
    assert {row.planned for row in rows} == {2}


def test_pain_points_list_before_and_after_by_day_and_leave_out_missing_scores():
    """Entries come out oldest first; a missing score is simply not plotted."""
    log = [entry(2, 1, before=5), entry(0, 1, before=6, after=4)]
    assert pain_points(log) == [
        PainPoint(START, 1, "Before", 6),
        PainPoint(START, 1, "After", 4),
        PainPoint(START + timedelta(days=2), 1, "Before", 5),
    ]


@pytest.mark.parametrize(
    ("baseline", "target"),
    [(5, 3.0), (8, 5.6), (10, 7.0), (6, 4.0), (1, 0.0), (0, 0.0)],
)
def test_the_meaningful_target_is_the_bigger_drop_of_2_points_or_30_percent(baseline, target):
    """From 5 the 2-point drop is bigger; from 8 and 10 the 30% drop is; never below 0."""
    assert meaningful_target(baseline) == target


def test_latest_pain_averages_the_last_week_with_scores():
    """Week 3 has no scores, so 'now' is week 2's average of before and after scores."""
    log = [entry(0, 1, before=7), entry(7, 2, before=5, after=3), entry(9, 2, before=4)]
    log.append(entry(14, 3))
    assert latest_pain(log) == 4.0


@pytest.mark.parametrize(
    ("baseline", "scores", "points", "meaningful", "text"),
    [
        (
            6,
            (3, 3),
            3.0,
            True,
            "Your pain is down 3 points since you started (from 6 to 3 out of 10): "
            "a meaningful change.",
        ),
        (
            5,
            (4, 4),
            1.0,
            False,
            "Your pain is down 1 point since you started (from 5 to 4 out of 10): "
            "not yet a meaningful change (that takes a drop of 2 points).",
        ),
        (
            8,
            (6, 6),
            2.0,
            False,
            "Your pain is down 2 points since you started (from 8 to 6 out of 10): "
            "not yet a meaningful change (that takes a drop of 2.4 points).",
        ),
        (
            4,
            (6, 6),
            -2.0,
            False,
            "Your pain is up 2 points since you started (from 4 to 6 out of 10). If it keeps "
            "rising, see a doctor or physiotherapist.",
        ),
        (
            5,
            (5, 5),
            0.0,
            False,
            "Your pain is the same as when you started (5 out of 10): not yet a meaningful change.",
        ),
    ],
)
def test_pain_change_says_whether_the_drop_is_meaningful(
    baseline, scores, points, meaningful, text
):
    """A drop of 3 from 6 is meaningful; 1 from 5 and 2 from 8 are not yet; a rise is a rise."""
    before, after = scores
    change = pain_change([entry(0, 1, before=before, after=after)], baseline=baseline)
    assert (change.points, change.meaningful, change.text) == (points, meaningful, text)


def test_pain_change_without_a_baseline_starts_from_the_first_logged_score():
    """First score 7 (week 1), last week's average 4.5: down 2.5 points, 36%."""
    log = [entry(0, 1, before=7, after=6), entry(7, 2, before=5, after=4)]
    change = pain_change(log)
    assert (change.baseline, change.latest, change.points, change.percent) == (7.0, 4.5, 2.5, 36)
    assert change.target == 4.9
    assert change.meaningful


def test_pain_change_is_none_until_a_pain_score_is_logged():
    """Sessions logged without any pain score give nothing to compare."""
    assert pain_change([entry(0, 1, "done")], baseline=5) is None
