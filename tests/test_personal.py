"""Personalisation beyond filtering: strength and balance, level-3 work, conditions, the floor."""

import pytest

from planner import build_plan
from planner.data_files import exercises_by_id
from tests.conftest import make_profile

LIFTING_PRACTICE = {"hip_hinge_practice", "squat_to_chair", "carry_practice"}
FLOOR = {"supine", "prone", "side_lying", "quadruped"}


def ids(plan) -> set[str]:
    return {p.id for d in plan.days for p in d.exercises}


def days_with(plan, category: str) -> int:
    return sum(any(p.category == category for p in d.exercises) for d in plan.sessions)


def test_an_older_adult_with_osteoporosis_gets_balance_work_on_three_days():
    plan = build_plan(make_profile(age=72, conditions=["osteoporosis"], days_per_week=3))
    assert days_with(plan, "strength_balance") == 3
    assert any(n.id == "balance_work" for n in plan.notes)
    balance = {p.id for d in plan.days for p in d.exercises if p.category == "strength_balance"}
    assert balance & {"single_leg_stand_supported", "heel_to_toe_stand", "heel_raise_supported"}


def test_osteoporosis_keeps_its_spine_sparing_rules_and_carries_nothing():
    plan = build_plan(make_profile(conditions=["osteoporosis"], lifting="often", days_per_week=5))
    assert not ids(plan) & {"carry_practice", "seated_rotation", "standing_side_bend", "cat_cow"}


def test_every_plan_keeps_the_five_families_and_adds_strength_and_balance():
    plan = build_plan(make_profile(days_per_week=3, minutes_per_day=20))
    categories = {p.category for d in plan.days for p in d.exercises}
    assert categories == {
        "pelvic_tilt", "knee_to_chest", "lower_back_stretch", "hamstring_stretch", "core",
        "strength_balance",
    }  # fmt: skip


def test_people_who_lift_often_practise_hinge_squat_and_carry_as_honestly_labelled_strength():
    plan = build_plan(make_profile(lifting="often", days_per_week=3, minutes_per_day=20))
    assert ids(plan) & LIFTING_PRACTICE
    note = next(n for n in plan.notes if n.id == "lifting_strength")
    assert "not proven to prevent back pain" in note.text and "Verbeek" in note.source


def test_a_fit_and_strong_person_gets_level_three_core_work():
    plan = build_plan(make_profile(core_strength="strong", pain=0, days_per_week=4))
    levels = {exercises_by_id()[i].level for i in ids(plan)}
    assert 3 in levels


def test_ankylosing_spondylitis_gets_mobility_in_every_direction_and_deep_breathing_daily():
    plan = build_plan(make_profile(conditions=["ankylosing_spondylitis"], days_per_week=5))
    for day in plan.sessions:
        assert {"seated_rotation", "standing_side_bend", "chest_expansion_breathing"} <= {
            p.id for p in day.exercises
        }
    assert any(n.id == "as_mobility" for n in plan.notes)
    assert not plan.removed_families, "bending and twisting are not restricted without osteoporosis"


def test_ankylosing_spondylitis_with_osteoporosis_restricts_twisting_and_bending():
    plan = build_plan(make_profile(conditions=["ankylosing_spondylitis", "osteoporosis"]))
    assert not ids(plan) & {"seated_rotation", "standing_side_bend", "lower_trunk_rotation"}
    assert "chest_expansion_breathing" in ids(plan)


def test_a_pregnant_person_does_pelvic_floor_training_every_session():
    plan = build_plan(make_profile(conditions=["pregnancy"], days_per_week=4, sex="female"))
    assert all(any(p.id == "pelvic_floor_squeeze" for p in d.exercises) for d in plan.sessions)
    assert "every day" in next(n for n in plan.notes if n.id == "pelvic_floor_daily").text


def test_pelvic_floor_training_is_only_for_pregnancy():
    assert "pelvic_floor_squeeze" not in ids(build_plan(make_profile(days_per_week=7)))


def test_after_a_hip_replacement_knee_rolls_and_deep_hip_bending_leave_the_plan():
    plan = build_plan(make_profile(conditions=["hip_replacement"], days_per_week=6))
    for exercise_id in ids(plan):
        tags = exercises_by_id()[exercise_id].tags
        assert not tags & {"hip_flexion_past_90", "leg_crossing", "hip_internal_rotation"}
    assert "lower_trunk_rotation" not in ids(plan)
    rule = next(n for n in plan.notes if n.id == "condition_hip_replacement")
    assert "surgeon's own precautions come first" in rule.text


def test_knee_rolls_are_tagged_for_crossing_the_midline_and_turning_the_leg_inwards():
    tags = exercises_by_id()["lower_trunk_rotation"].tags
    assert {"leg_crossing", "hip_internal_rotation"} <= tags


def test_a_person_who_cannot_get_down_to_the_floor_gets_no_floor_exercise():
    plan = build_plan(make_profile(floor="cannot", days_per_week=4))
    assert not {p.position for d in plan.days for p in d.exercises} & FLOOR
    removed = next(n for n in plan.removed_families if n.id == "removed_knee_to_chest")
    assert "getting down to the floor" in removed.text


def test_when_the_floor_is_hard_standing_and_seated_versions_come_first():
    easy = build_plan(make_profile(days_per_week=3))
    hard = build_plan(make_profile(floor="hard", days_per_week=3))
    on_floor = [
        sum(p.position in FLOOR for d in plan.days for p in d.exercises) for plan in (easy, hard)
    ]
    assert on_floor[1] < on_floor[0]
    assert any(n.id == "floor_hard" for n in hard.notes)


@pytest.mark.parametrize("active_days", [0, 2])
def test_an_inactive_person_with_heart_or_kidney_disease_is_told_to_get_clearance(active_days):
    plan = build_plan(make_profile(conditions=["heart_or_kidney_disease"], active_days=active_days))
    notes = {n.id: n for n in plan.notes}
    assert "go-ahead" in notes["heart_kidney_clearance"].text
    assert "chest pain" in notes["heart_kidney_stop"].text


def test_an_active_person_with_heart_or_kidney_disease_still_gets_the_stop_symptoms():
    plan = build_plan(make_profile(conditions=["heart_or_kidney_disease"], active_days=5))
    notes = {n.id for n in plan.notes}
    assert "heart_kidney_stop" in notes and "heart_kidney_clearance" not in notes


def test_week_one_starts_with_one_set_of_strength_work():
    """ACSM: 1 set to start; 2-3 sets once the movement is learnt."""
    plan = build_plan(make_profile(minutes_per_day=60, days_per_week=2, pain=2))
    strength = [p for d in plan.days for p in d.exercises if p.category == "strength_balance"]
    assert strength and all(p.sets == 1 for p in strength)
    later = build_plan(make_profile(minutes_per_day=60, days_per_week=2, pain=2), week=10)
    assert max(p.sets for d in later.days for p in d.exercises) >= 2


def test_persistent_pain_with_high_stress_gets_pacing_and_graded_activity_in_the_plan():
    plan = build_plan(make_profile(pain_weeks=30, stress=8))
    pacing = next(n for n in plan.notes if n.id == "pacing")
    assert "graded activity" in pacing.text and "hurt does not mean harm" in pacing.text
    assert "pacing" not in {n.id for n in build_plan(make_profile(pain_weeks=30)).notes}
