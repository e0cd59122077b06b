"""The programme week a date falls in."""

from datetime import date

import pytest

from planner.schedule import programme_week

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
