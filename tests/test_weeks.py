"""The dose path (no level it cannot climb on from within the 30% cap, an easiest level on the
bottom rungs) and the flare-up routine: the easiest variants, the lowest doses, and the daily
exercises a condition needs."""

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings

from planner import build_plan
from planner.data_files import exercises_by_id
from planner.dosing import prescribe
from planner.guidelines import MAX_WEEKLY_VOLUME_INCREASE
from planner.overload import week_volume
from planner.profile import parse_profile
from planner.selection import daily_extras
from planner.weeks import doses_at, flare_week, start_level, top_level
from tests.conftest import make_profile
from tests.plan_strategies import shaping_profiles


def _path(answers: dict, pain: int) -> tuple:
    profile = parse_profile({**answers, "pain": pain})
    return profile, [doses_at(profile, level) for level in range(top_level() + 1)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=shaping_profiles)
def test_from_every_level_the_next_different_one_adds_at_most_30_percent(answers):
    """No trap: a person who steps down, or whose pain eases, can always climb on."""
    for pain in range(11):
        profile, path = _path(answers, pain)
        for level, week in enumerate(path):
            higher = next((w for w in path[level + 1 :] if w != week), None)
            if higher is not None:
                limit = week_volume(week, profile) * (1 + MAX_WEEKLY_VOLUME_INCREASE)
                assert week_volume(higher, profile) <= limit, (pain, level)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=shaping_profiles)
def test_the_easiest_level_is_week_ones_exercises_on_their_bottom_rungs(answers):
    """The levels below week 1 climb from the bottom rungs to week 1, never past its doses."""
    for pain in range(11):
        _, path = _path(answers, pain)
        week_one = path[start_level()]
        assert path[0] == tuple(tuple((e, 0) for e, _ in s) for s in week_one), pain
        for lower, higher in pairwise(path[: start_level() + 1]):
            assert all(
                r <= s <= w
                for a, b, c in zip(lower, higher, week_one, strict=True)
                for (_, r), (_, s), (_, w) in zip(a, b, c, strict=True)
            )


@pytest.mark.parametrize(
    "changes",
    [
        {"conditions": ["pregnancy"], "days_per_week": 4},
        {"conditions": ["ankylosing_spondylitis"], "days_per_week": 5},
        {"conditions": ["pregnancy", "ankylosing_spondylitis", "hip_replacement"]},
    ],
)
def test_a_flare_up_routine_keeps_the_daily_exercises_a_condition_needs(changes):
    """Pelvic floor training in pregnancy (NICE NG210) and daily mobility in ankylosing
    spondylitis (ASAS-EULAR) go on in a flare-up, beside its two easiest exercises."""
    profile = parse_profile(make_profile(pain=8, **changes))
    extras = {e.id for e in daily_extras(profile)}
    assert extras
    for session in flare_week(profile):
        ids = [e.id for e, _ in session]
        assert extras <= set(ids)
        assert len([i for i in ids if i not in extras]) <= 2
        assert all(rung == 0 for _, rung in session)


def test_a_pregnant_persons_flare_up_week_keeps_pelvic_floor_training_every_session_and_says_so():
    """Pain at 7/10 swaps to the flare-up routine at once; the daily squeezes go on (NICE NG210)."""
    profile = make_profile(conditions=["pregnancy"], pain=5, days_per_week=4)
    log = [
        {"day": f"2026-12-0{i}", "week": 1, "status": "done", "pain_before": 7, "pain_after": 7}
        for i in (1, 3, 5, 7)
    ]
    plan = build_plan(profile, 2, log=log)
    assert plan.notes[0].id == "flare_routine"
    assert "needs every day" in plan.notes[0].text
    for day in plan.sessions:
        assert "pelvic_floor_squeeze" in {p.id for p in day.exercises}
    assert any(n.id == "pelvic_floor_daily" for n in plan.notes)


def test_a_flare_up_routine_without_daily_exercises_does_not_mention_them():
    profile = make_profile(pain=5, days_per_week=3)
    log = [
        {"day": f"2026-12-0{i}", "week": 1, "status": "done", "pain_before": 7, "pain_after": 7}
        for i in (1, 3, 5)
    ]
    plan = build_plan(profile, 2, log=log)
    assert plan.notes[0].id == "flare_routine" and "every day" not in plan.notes[0].text


def test_an_inactive_person_with_heart_or_kidney_disease_starts_light():
    """Clearance first, then a light start (ACSM screening): week 1 at the bottom rungs and
    not filled towards the time offered; an active person with the same disease starts as usual."""
    light = make_profile(conditions=["heart_or_kidney_disease"], active_days=1, pain=2)
    usual = make_profile(conditions=["heart_or_kidney_disease"], active_days=4, pain=2)
    first, profile = build_plan(light, 1), parse_profile(light)
    for item in {p for d in first.days for p in d.exercises}:
        assert item == prescribe(exercises_by_id()[item.id], 0, profile), item.name
    assert first.volume < build_plan(usual, 1).volume
    assert "heart_kidney_clearance" in {n.id for n in first.notes}
    assert build_plan(light, 4).volume > first.volume  # and it still builds up
