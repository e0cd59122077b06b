"""The flare-up routine: the easiest variants, the lowest doses, and the daily exercises a
condition needs."""

import pytest

from planner import build_plan
from planner.profile import parse_profile
from planner.selection import daily_extras
from planner.weeks import flare_week
from tests.conftest import make_profile


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
