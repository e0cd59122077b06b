"""The programme week a date falls in, and which session of a week to show first."""

from datetime import date

import pytest

from planner.schedule import current_session, programme_week

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("today", "week"),
    [
        (date(2026, 1, 5), 1),
        (date(2026, 1, 11), 1),
        (date(2026, 1, 12), 2),
        (date(2026, 2, 2), 5),
        (date(2025, 12, 25), 1),
        (date(2040, 1, 1), 520),
    ],
)
def test_programme_week_counts_whole_weeks_from_the_start(today, week):
    """Days 0-6 are week 1, day 7 starts week 2; before the start is week 1; ten years at most."""
    assert programme_week(START, today) == week


MON, WED, FRI = date(2026, 1, 5), date(2026, 1, 7), date(2026, 1, 9)


@pytest.mark.parametrize(
    ("today", "shown"),
    [
        (date(2026, 1, 1), MON),  # before the week: its first session
        (MON, MON),  # a session day: today's
        (date(2026, 1, 6), WED),  # a rest day: the next session
        (FRI, FRI),
        (date(2026, 1, 10), FRI),  # the week is over: its last session
        (date(2026, 3, 1), FRI),
    ],
)
def test_the_session_shown_first_is_todays_or_the_next_or_the_weeks_last(today, shown):
    """Today's session, else the next one; after the week, its last (the one left to log)."""
    dates = [MON, WED, FRI]
    assert dates[current_session(dates, today)] == shown
