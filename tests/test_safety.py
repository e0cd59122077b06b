"""The red-flag screen: a red flag or recent trauma stops the plan and says how urgently to act."""

import pytest

from planner import build_plan
from planner.data_files import safety_rules
from planner.profile import RED_FLAGS
from tests.conftest import make_profile

EMERGENCY = {"bladder_bowel", "saddle_numbness"}


def test_the_red_flag_vocabulary_matches_the_safety_data():
    """Every red flag the profile accepts has a message, and no message is orphaned."""
    assert set(safety_rules().red_flags) == set(RED_FLAGS)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_any_red_flag_stops_the_plan_with_no_exercises(flag):
    """No exercise plan for anyone with a red flag."""
    plan = build_plan(make_profile(red_flags=[flag]))
    assert not plan.safe_to_exercise
    assert all(day.exercises == () for day in plan.days)
    assert plan.stop_reasons[0].startswith(safety_rules().red_flags[flag].label)
    assert plan.urgency == ("emergency" if flag in EMERGENCY else "soon")


@pytest.mark.parametrize("flag", sorted(EMERGENCY))
def test_emergency_flags_say_go_to_an_emergency_department_now(flag):
    plan = build_plan(make_profile(red_flags=[flag]))
    assert "emergency department now" in plan.stop_reasons[0]


def test_recent_trauma_asks_for_a_doctors_clearance_first():
    plan = build_plan(make_profile(recent_trauma=True))
    assert not plan.safe_to_exercise
    assert plan.urgency == "soon"
    assert "clearance" in plan.stop_reasons[0]


def test_the_most_urgent_reason_comes_first_and_sets_the_urgency():
    """With a 'soon' and an 'emergency' flag, the emergency leads."""
    plan = build_plan(make_profile(red_flags=["fever", "saddle_numbness"], recent_trauma=True))
    assert plan.urgency == "emergency"
    assert len(plan.stop_reasons) == 3
    assert "Numbness between the legs" in plan.stop_reasons[0]


def test_a_stopped_plan_still_carries_tips_and_the_disclaimer():
    plan = build_plan(make_profile(red_flags=["night_pain"]))
    assert plan.tips and "not a substitute for a clinician" in plan.disclaimer
    assert plan.to_dict()["days"][0]["exercises"] == []


@pytest.mark.parametrize(
    ("changes", "phrase"),
    [
        ({"first_episode": True, "age": 50}, "first episode"),
        ({"pain_weeks": 7}, "more than about 6 weeks"),
        ({"conditions": ["osteoporosis"], "pain": 8}, "small spinal fracture"),
        ({"conditions": ["high_blood_pressure"]}, "blood pressure"),
        ({"conditions": ["pregnancy"]}, "midwife"),
    ],
)
def test_advice_cases_keep_the_plan_but_recommend_a_doctor(changes, phrase):
    """Advisories do not stop the plan; they say to see a doctor."""
    plan = build_plan(make_profile(**changes))
    assert plan.safe_to_exercise
    assert any(phrase in text for text in plan.advice)


@pytest.mark.parametrize(
    "changes", [{"first_episode": True, "age": 49}, {"pain_weeks": 6}, {"first_episode": False}]
)
def test_no_advisory_below_the_thresholds(changes):
    plan = build_plan(make_profile(**changes))
    assert not any("first episode" in t or "6 weeks" in t for t in plan.advice)
