"""The safety screen: warning signs, a recent injury and fracture pointers stop the plan and say how
urgently to get care (emergency now, urgent today, soon within days); advice goes beside a plan."""

import pytest

from planner import ProfileError, build_plan
from planner.data_files import safety_rules, sources
from planner.profile import RED_FLAGS
from planner.safety import screen_warning_signs
from tests.conftest import make_profile

EMERGENCY = {
    "bladder_bowel",
    "saddle_numbness",
    "weakness_both_legs",
    "sciatica_both_legs",
    "balance_problems",
}
URGENT = {"fever", "cancer_history", "limb_weakness"}
# What each level must tell the person to do, and how soon (clinical-facts.md section 1).
WHAT_AND_WHEN = {
    "emergency": ("emergency department now", "call 999/911/112"),
    "urgent": ("today", "within 24 hours"),
    "soon": ("within days",),
}


def level_of(flag: str) -> str:
    return "emergency" if flag in EMERGENCY else "urgent" if flag in URGENT else "soon"


def test_the_red_flag_vocabulary_matches_the_safety_data():
    """Every red flag the profile accepts has a message, and no message is orphaned."""
    assert set(safety_rules().red_flags) == set(RED_FLAGS)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_any_red_flag_stops_the_plan_with_no_exercises_at_its_level(flag):
    """No exercise plan for anyone with a red flag, and the stop names the flag and its level."""
    plan = build_plan(make_profile(red_flags=[flag]))
    assert not plan.safe_to_exercise
    assert all(day.exercises == () for day in plan.days)
    assert plan.stop_reasons[0].startswith(safety_rules().red_flags[flag].label)
    assert plan.urgency == level_of(flag)
    assert [(s.id, s.urgency) for s in plan.stops] == [(flag, level_of(flag))]


@pytest.mark.parametrize("flag", [*RED_FLAGS, "recent_trauma"])
def test_every_stop_says_what_to_do_and_how_soon(flag):
    """The message carries its level's action and timing, whichever answer caused it."""
    trauma = flag == "recent_trauma"
    (stop,) = screen_warning_signs([] if trauma else [flag], recent_trauma=trauma).stops
    for phrase in WHAT_AND_WHEN[stop.urgency]:
        assert phrase in stop.message


def test_weakness_in_both_legs_is_an_emergency():
    assert build_plan(make_profile(red_flags=["weakness_both_legs"])).urgency == "emergency"


def test_worsening_walking_or_balance_is_an_emergency():
    assert build_plan(make_profile(red_flags=["balance_problems"])).urgency == "emergency"


def test_new_weakness_in_one_limb_is_urgent_and_says_when_to_go_now():
    plan = build_plan(make_profile(red_flags=["limb_weakness"]))
    assert plan.urgency == "urgent"
    assert "if it gets worse or reaches both legs, an emergency" in str(plan.stops[0])


def test_fever_with_back_pain_is_urgent():
    assert build_plan(make_profile(red_flags=["fever"])).urgency == "urgent"


def test_a_cancer_history_with_new_back_pain_points_to_the_acute_oncology_line_today():
    plan = build_plan(make_profile(red_flags=["cancer_history"]))
    assert plan.urgency == "urgent"
    assert "acute oncology line" in plan.stop_reasons[0] and "today" in plan.stop_reasons[0]
    assert "NICE NG234" in sources()[safety_rules().red_flags["cancer_history"].source].citation


def test_a_saved_profile_with_the_old_weakness_answer_still_loads_as_one_limb_weakness():
    """Backward compatible: `limb_weakness` keeps its id and now means one limb (urgent)."""
    plan = build_plan(make_profile(red_flags=["limb_weakness"]))
    assert plan.stops[0].id == "limb_weakness" and "one arm or leg" in plan.stops[0].label


def test_recent_trauma_asks_for_a_doctors_clearance_first():
    plan = build_plan(make_profile(recent_trauma=True))
    assert not plan.safe_to_exercise
    assert plan.urgency == "soon"
    assert "clearance" in plan.stop_reasons[0]


def test_the_most_urgent_reason_comes_first_and_sets_the_urgency():
    """With soon, urgent and emergency reasons, the emergency leads, then urgent, then soon."""
    plan = build_plan(make_profile(red_flags=["night_pain", "fever", "saddle_numbness"]))
    assert plan.urgency == "emergency"
    assert [s.urgency for s in plan.stops] == ["emergency", "urgent", "soon"]
    assert "Numbness between the legs" in plan.stop_reasons[0]
    assert plan.stop_reasons == tuple(str(s) for s in plan.stops)


def test_the_plan_json_lists_each_stop_with_its_flag_and_urgency():
    data = build_plan(make_profile(red_flags=["fever"], recent_trauma=True)).to_dict()
    assert [(s["id"], s["urgency"]) for s in data["stops"]] == [
        ("fever", "urgent"),
        ("recent_trauma", "soon"),
    ]
    assert set(data["stops"][0]) == {"id", "label", "urgency", "message"}


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_ticking_only_a_warning_sign_gives_its_advice_with_nothing_else_filled_in(flag):
    screen = screen_warning_signs([flag])
    assert not screen.safe_to_exercise and screen.urgency == level_of(flag)
    assert screen.headline == safety_rules().urgency[level_of(flag)].headline


def test_no_warning_sign_and_no_injury_clears_the_first_step():
    screen = screen_warning_signs([], recent_trauma=False)
    assert screen.safe_to_exercise and screen.urgency is None and screen.headline is None


def test_an_unknown_warning_sign_is_named_not_ignored():
    with pytest.raises(ProfileError, match="red_flags: must be a list of"):
        screen_warning_signs(["bladder"])


@pytest.mark.parametrize(
    "changes",
    [
        {"age": 72, "pain": 8, "pain_weeks": 1},
        {"age": 50, "conditions": ["osteoporosis"], "pain": 7, "pain_weeks": 6},
        {"age": 40, "long_term_steroids": True, "pain": 9, "pain_weeks": 0},
    ],
)
def test_new_severe_pain_with_a_fracture_pointer_is_assessed_for_a_fracture_today(changes):
    """A 72-year-old (or osteoporosis, or long-term steroids) with new severe pain: X-ray first."""
    plan = build_plan(make_profile(**changes))
    assert not plan.safe_to_exercise and plan.urgency == "urgent"
    assert plan.stops[0].id == "fracture_suspected"
    assert "X-ray" in plan.stop_reasons[0] and "today" in plan.stop_reasons[0]


def test_a_72_year_old_with_new_severe_pain_is_told_to_be_assessed_for_a_fracture_today():
    plan = build_plan(make_profile(age=72, pain=8, pain_weeks=1))
    assert "You are 72" in plan.stops[0].message and "8/10" in plan.stops[0].message


def test_a_fall_with_a_fracture_pointer_makes_a_fracture_likely_and_urgent():
    """Two pointers together (older age and an injury) make a fracture likely (Downie 2013)."""
    plan = build_plan(make_profile(age=75, pain=3, recent_trauma=True))
    assert plan.urgency == "urgent"
    assert {s.id for s in plan.stops} == {"fracture_suspected", "recent_trauma"}


@pytest.mark.parametrize(
    "changes",
    [
        {"age": 69, "pain": 9, "pain_weeks": 1},  # no pointer
        {"age": 72, "pain": 6, "pain_weeks": 1},  # not severe
        {"age": 72, "pain": 8, "pain_weeks": 7},  # not new: the long-episode advice instead
    ],
)
def test_without_every_part_of_the_fracture_rule_the_plan_goes_ahead(changes):
    assert build_plan(make_profile(**changes)).safe_to_exercise


@pytest.mark.parametrize(
    ("changes", "phrase"),
    [
        ({"first_episode": True, "age": 50}, "first episode"),
        ({"pain_weeks": 7}, "more than about 6 weeks"),
        ({"conditions": ["osteoporosis"], "pain": 4}, "small fracture"),
        ({"long_term_steroids": True, "pain": 5}, "steroid tablets"),
        ({"age": 70, "pain": 3}, "you are 70"),
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


def test_long_term_steroids_default_to_no_and_change_nothing_alone_in_long_pain():
    """Steroids are a pointer for new pain only; pain over 6 weeks gets the long-episode advice."""
    plan = build_plan(make_profile(long_term_steroids=True, pain_weeks=10))
    assert plan.safe_to_exercise and not any("steroid" in t for t in plan.advice)
    assert build_plan(make_profile()).advice == ()


def test_a_stopped_plan_still_carries_tips_and_the_disclaimer():
    plan = build_plan(make_profile(red_flags=["night_pain"]))
    assert plan.tips and "not a substitute for a clinician" in plan.disclaimer
    assert plan.to_dict()["days"][0]["exercises"] == []


def test_every_stop_cites_a_listed_source():
    rules = safety_rules()
    for rule in [*rules.red_flags.values(), rules.trauma, rules.fracture, rules.pause]:
        assert rule.source in sources(), rule.label


def test_high_blood_pressure_in_pregnancy_asks_the_maternity_team_before_exercising():
    """Gestational hypertension or pre-eclampsia: the maternity team's clearance first (ACOG 804),
    in place of the general blood-pressure advice."""
    plan = build_plan(make_profile(conditions=["pregnancy", "high_blood_pressure"]))
    assert plan.safe_to_exercise
    assert any("maternity team" in text for text in plan.advice)
    assert not any("blood pressure is not under control" in text for text in plan.advice)


def test_pregnancy_advice_lists_every_sign_to_stop_exercising_and_get_care():
    """ACOG's warning signs to stop: bleeding, contractions, fluid, dizziness, headache, chest pain,
    calf pain or swelling."""
    advice = " ".join(build_plan(make_profile(conditions=["pregnancy"])).advice)
    for sign in ("bleeding", "contractions", "fluid", "dizz", "headache", "chest pain", "calf"):
        assert sign in advice, sign
