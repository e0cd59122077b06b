"""Why this plan: the notes say things that are true of the plan they explain."""

import re

import pytest

from planner import build_plan
from tests.conftest import make_profile

TIME_NOTES = {"time_used", "time_short_gentle", "time_short_capped"}


@pytest.mark.parametrize(
    "changes",
    [
        {"age": 72, "conditions": ["osteoporosis"], "core_strength": "weak", "minutes_per_day": 20},
        {"days_per_week": 5, "minutes_per_day": 15},
        {"days_per_week": 3, "minutes_per_day": 40},
        {"days_per_week": 5, "pain": 8, "minutes_per_day": 20},
        {"days_per_week": 1, "minutes_per_day": 20},
    ],
)
@pytest.mark.parametrize("week", [1, 4, 12])
def test_the_time_note_gives_minutes_that_hold_for_every_session_day(changes, week):
    """ "About 13-14 minutes" when the days differ, "about 14 minutes" when they do not: the same
    minutes as each day's card (Day.minutes), not only the longest day's."""
    plan = build_plan(make_profile(**changes), week)
    minutes = sorted({d.minutes for d in plan.sessions})
    said = next(n.text for n in plan.notes if n.id in TIME_NOTES)
    low, high = re.search(r"Sessions take about (\d+)(?:-(\d+))? minutes", said).groups()
    assert (int(low), int(high or low)) == (minutes[0], minutes[-1])
