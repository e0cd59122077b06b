"""Tips: one set per topic, worded with the person's numbers, honest about evidence."""

import pytest

from planner import build_plan
from planner.body import bmi, bmi_band, water_target_l
from planner.profile import parse_profile
from tests.conftest import make_profile

TOPICS = {"posture", "weight", "hydration", "lifting", "stress", "flare_care", "see_a_doctor"}


def tips(**changes) -> dict[str, str]:
    plan = build_plan(make_profile(**changes))
    found: dict[str, str] = {}
    for tip in plan.tips:
        assert tip.source, tip.topic
        found[tip.topic] = found.get(tip.topic, "") + tip.text
    return found


def test_every_topic_is_covered():
    assert set(tips()) == TOPICS


def test_long_sitting_at_a_screen_gets_the_desk_set_up_and_breaks():
    text = tips(sitting_hours=9, screen_work=True)["posture"]
    assert "9 hours" in text and "eye level" in text and "every 50-60 minutes" in text


def test_long_sitting_without_screen_work_gets_breaks_but_no_screen_set_up():
    text = tips(sitting_hours=9)["posture"]
    assert "every 50-60 minutes" in text and "screen" not in text.replace("screen work", "")


def test_overweight_gets_a_safe_pace_in_the_persons_units():
    assert "0.5-1 kg a week" in tips(weight_kg=85)["weight"]
    imperial = tips(height_cm=None, weight_kg=None, height_in=66, weight_lb=200)
    assert "1-2 lb a week" in imperial["weight"] and "51 lb" in imperial["lifting"]


def test_pregnancy_gets_no_weight_loss_advice_and_no_medicine_suggestion():
    found = tips(conditions=["pregnancy"], weight_kg=90)
    assert "no weight target" in found["weight"]
    assert "anti-inflammatory" not in found["flare_care"]


def test_heart_or_kidney_disease_gets_no_fluid_target():
    found = tips(conditions=["heart_or_kidney_disease"])
    assert "your doctor advises" in found["hydration"]
    assert build_plan(make_profile(conditions=["heart_or_kidney_disease"])).water_target_l is None


def test_weak_bones_get_no_heavy_carrying():
    assert "avoid heavy carrying" in tips(conditions=["osteoporosis"], lifting="often")["lifting"]


def test_high_stress_is_mentioned_with_its_score():
    assert "8/10" in tips(stress=8)["stress"]


@pytest.mark.parametrize(
    ("sex", "weight", "age", "target"),
    [
        ("female", 60, 40, 2.0),
        ("male", 60, 40, 2.5),
        ("male", 100, 40, 3.0),
        ("female", 100, 80, 2.5),
    ],
)
def test_the_water_target_follows_sex_weight_and_age(sex, weight, age, target):
    """EFSA by sex is the floor; 30 mL/kg (25 over 75) for heavier people."""
    assert water_target_l(parse_profile(make_profile(sex=sex, weight_kg=weight, age=age))) == target


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (18.4, "underweight"),
        (18.5, "healthy weight"),
        (25.0, "overweight"),
        (30.0, "obesity class I"),
        (40.0, "obesity class III"),
    ],
)
def test_bmi_bands_follow_who(value, band):
    assert bmi_band(value) == band


def test_bmi_is_weight_over_height_squared():
    assert bmi(parse_profile(make_profile(height_cm=180, weight_kg=81))) == 25.0


def test_a_pregnant_persons_tips_carry_no_weight_loss_advice_and_give_pregnancy_lifting_limits():
    found = tips(conditions=["pregnancy"], sex="female", weight_kg=100)
    assert "Losing weight" not in found["weight"]
    assert "16 kg before 20 weeks" in found["lifting"] and "12 kg from 20 weeks" in found["lifting"]


def test_no_weight_loss_advice_under_bmi_30_from_65():
    older = tips(age=70, weight_kg=80)  # BMI 28.3
    assert "Losing weight" not in older["weight"] and "24-31" in older["weight"]
    assert "Losing weight" in tips(age=70, weight_kg=95)["weight"]  # BMI 33.7


def test_a_water_target_is_capped_at_high_body_weight():
    """No 3.1 L for a BMI-38 woman: capped at the US NAM adequate intake (2.7 L)."""
    found = tips(sex="female", height_cm=165, weight_kg=103.5)
    assert "2.7 L of water" in found["hydration"]
    assert build_plan(make_profile(sex="male", weight_kg=160)).water_target_l == 3.7


@pytest.mark.parametrize(
    "changes",
    [
        {"conditions": ["heart_or_kidney_disease"]},
        {"conditions": ["high_blood_pressure"]},
        {"age": 70},
    ],
)
def test_people_for_whom_anti_inflammatories_are_often_unsuitable_are_told_to_ask_first(changes):
    text = tips(**changes)["flare_care"]
    assert "usual first choice" not in text and "often unsuitable" in text


def test_other_adults_hear_that_anti_inflammatories_are_the_usual_first_choice():
    assert "usual first choice" in tips()["flare_care"]


def test_persistent_pain_with_high_stress_gets_pacing_hurt_is_not_harm_and_nice_ng59():
    plan = build_plan(make_profile(pain_weeks=30, stress=8))
    tip = next(t for t in plan.tips if t.topic == "stress")
    assert "hurt does not mean harm" in tip.text and "pace" in tip.text
    assert "NICE NG59" in tip.source


def test_people_who_lift_often_hear_that_technique_alone_is_not_proven():
    assert "has not been shown to prevent back pain" in tips(lifting="often")["lifting"]


def test_each_topic_has_one_title_everywhere():
    titles = {t.topic: t.title for t in build_plan(make_profile(conditions=["arthritis"])).tips}
    assert titles["flare_care"] == "During a flare"
    assert len(set(titles.values())) == len(titles)
