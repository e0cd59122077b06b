"""How a session uses the time offered: warm-up, exercises with rests, a walk, honest minutes."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import build_plan
from planner.data_files import dose_data
from planner.profile import parse_profile
from planner.session_time import desk_breaks_for, walk_minutes, warm_up_for
from tests.conftest import make_profile


@pytest.mark.parametrize("days", [3, 5])
def test_a_person_offering_15_minutes_gets_a_session_of_12_to_15_minutes(days):
    plan = build_plan(make_profile(minutes_per_day=15, days_per_week=days, pain=4))
    assert all(12 <= d.minutes <= 15 for d in plan.sessions), [d.minutes for d in plan.sessions]


@settings(max_examples=200, deadline=None)
@given(minutes=st.integers(10, 60), days=st.integers(1, 7), pain=st.integers(0, 10))
def test_every_session_opens_with_a_two_to_five_minute_warm_up_and_stays_within_the_time(
    minutes, days, pain
):
    """Minutes count warm-up, exercises, rests and walk, and never exceed the time offered."""
    profile = make_profile(minutes_per_day=minutes, days_per_week=days, pain=pain)
    for week in (1, 4, 9):
        for day in build_plan(profile, week).sessions:
            assert 2 <= sum(w.minutes for w in day.warm_up) <= 5
            assert day.minutes <= minutes
            warm = sum(w.minutes for w in day.warm_up)
            assert day.minutes == warm + day.exercise_minutes + day.walk_min


def test_the_warm_up_is_light_movement_with_named_steps():
    items = warm_up_for(parse_profile(make_profile(minutes_per_day=20)))
    assert items[0].id == "march_on_the_spot"
    assert all(i.name and i.instructions and i.minutes >= 1 for i in items)


def test_no_walk_is_added_under_25_minutes():
    plan = build_plan(make_profile(minutes_per_day=20, pain=2), week=8)
    assert all(d.walk_min == 0 for d in plan.sessions)


def test_the_walk_uses_the_time_left_over_and_builds_up_gradually():
    """WalkBack: from about 25 minutes offered, walks start short and grow towards 30 minutes."""
    profile = make_profile(minutes_per_day=60, days_per_week=3, pain=2)
    walks = [build_plan(profile, week).sessions[0].walk_min for week in range(1, 13)]
    assert walks[0] == dose_data().walk_minutes[0]
    assert walks == sorted(walks) and walks[-1] == 30
    assert all(b <= a * 1.30 for a, b in itertools.pairwise(walks))


def test_a_walk_never_takes_the_session_over_the_time_offered():
    profile = parse_profile(make_profile(minutes_per_day=30))
    assert walk_minutes(profile, level=20, exercise_minutes=15) == 30 - 5 - 15
    assert walk_minutes(profile, level=20, exercise_minutes=22) == 0, "under 5 minutes: no walk"


def test_high_pain_gives_shorter_gentler_sessions_and_says_why():
    plan = build_plan(make_profile(pain=8, minutes_per_day=30))
    assert max(d.minutes for d in plan.sessions) < 0.8 * 30
    assert plan.notes[-1].id == "time_short_gentle" and "8/10" in plan.notes[-1].text


def test_a_session_clearly_shorter_than_offered_says_why():
    plan = build_plan(make_profile(pain=2, minutes_per_day=60, days_per_week=3))
    assert plan.notes[-1].id == "time_short_capped"
    assert "10-15 minutes of exercise" in plan.notes[-1].text


def test_every_plan_states_the_pain_rule_with_its_source():
    """Pain-monitoring model: up to about 3-5/10 that settles by next morning is acceptable."""
    plan = build_plan(make_profile())
    rule = next(n for n in plan.notes if n.id == "pain_rule")
    assert "3-5 out of 10" in rule.text and "next morning" in rule.text
    assert "Silbernagel" in rule.source


def test_people_who_sit_a_lot_get_hourly_desk_breaks_and_others_do_not():
    sitter = parse_profile(make_profile(sitting_hours=8))
    breaks = desk_breaks_for(sitter)
    assert [b.name for b in breaks] == ["Standing back extension", "A short walk"]
    assert all(b.every == "every hour of sitting" for b in breaks)
    assert desk_breaks_for(parse_profile(make_profile(sitting_hours=2))) == ()
    assert build_plan(make_profile(sitting_hours=8)).to_dict()["desk_breaks"][0]["name"]
