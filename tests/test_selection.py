"""Which exercises are safe for a profile: the pregnancy rules (clinical-facts.md section 3)."""

import json
from pathlib import Path

import pytest

from planner import build_plan
from planner.data_files import exercises_by_id
from planner.guidelines import PROGRESSION_WEEKS
from planner.profile import parse_profile
from planner.selection import families_for, safe_exercises
from tests.conftest import make_profile

PERSONAS = Path(__file__).resolve().parents[2] / "shared" / "personas"


@pytest.mark.parametrize(
    "profile",
    [
        json.loads((PERSONAS / "05_pregnant_30.json").read_text("utf-8")),
        make_profile(conditions=["pregnancy"], core_strength="strong", pain=0, days_per_week=5),
    ],
)
def test_pregnancy_never_gets_a_level_3_core_variant_in_any_week(profile):
    """Moderate intensity in pregnancy (ACOG 804): no full side plank or other level-3 variant,
    in week 1 or by stepping up (persona 05 reached the full side plank by week 3)."""
    for week in range(1, PROGRESSION_WEEKS + 1):
        plan = build_plan(profile, week)
        levels = {exercises_by_id()[p.id].level for d in plan.days for p in d.exercises}
        assert 3 not in levels, week


def test_pregnancy_keeps_level_1_and_2_core_work_and_says_why_level_3_is_left_out():
    profile = parse_profile(make_profile(conditions=["pregnancy"], core_strength="strong", pain=0))
    options, removed = families_for(profile)
    assert {e.level for e in options["core"]} == {1, 2} and not removed
    plan = build_plan(profile)
    note = next(n for n in plan.notes if n.id == "condition_pregnancy")
    assert "moderate" in note.text and "ACOG" in note.source


def test_level_3_variants_stay_open_to_a_fit_person_who_is_not_pregnant():
    profile = parse_profile(make_profile(core_strength="strong", pain=0))
    assert any(e.level == 3 for e in safe_exercises(profile))
