"""Risk assessment: factors with plain reasons and honest evidence, summed into a level."""

import pytest

from planner.profile import parse_profile
from planner.risk import assess_risk, level_for
from tests.conftest import make_profile

LOW_RISK = {
    "lifting": "never",
    "sitting_hours": 2,
    "active_days": 4,
    "stress": 2,
    "posture": "good",
    "water_l": 2.0,
}


def factors(**changes) -> dict:
    risk = assess_risk(parse_profile(make_profile(**LOW_RISK | changes)))
    return {f.id: f for f in risk.factors}


def test_a_young_active_profile_has_no_factors_and_low_risk():
    risk = assess_risk(parse_profile(make_profile(**LOW_RISK)))
    assert risk.factors == ()
    assert risk.level == "low"


@pytest.mark.parametrize(
    ("changes", "factor"),
    [
        ({"lifting": "often"}, "lifting_often"),
        ({"weight_kg": 90}, "obesity"),
        ({"weight_kg": 75}, "overweight"),
        ({"stress": 7}, "high_stress"),
        ({"age": 50}, "older_age"),
        ({"active_days": 1}, "low_activity"),
        ({"pain_weeks": 12}, "persistent_pain"),
        ({"sitting_hours": 6}, "long_sitting"),
        ({"posture": "poor"}, "poor_posture"),
        ({"core_strength": "weak"}, "weak_core"),
        ({"water_l": 1.0}, "low_water"),
    ],
)
def test_each_factor_appears_from_its_threshold(changes, factor):
    """The factor appears exactly when its threshold is reached, with reason and source."""
    found = factors(**changes)
    assert factor in found
    assert found[factor].reason and found[factor].evidence and found[factor].source


def test_weak_core_and_low_water_are_listed_honestly_but_not_counted():
    """No established link: shown for information, zero points, evidence says so."""
    found = factors(core_strength="weak", water_l=0.5)
    assert (
        found["weak_core"].points == 0 and "not an established cause" in found["weak_core"].evidence
    )
    assert found["low_water"].points == 0 and "No study" in found["low_water"].evidence


def test_the_bmi_reason_quotes_the_persons_bmi():
    assert "31.9" in factors(weight_kg=90)["obesity"].reason


def test_heavy_lifting_obesity_and_stress_make_high_risk():
    risk = assess_risk(
        parse_profile(make_profile(**LOW_RISK | {"lifting": "often", "weight_kg": 90, "stress": 8}))
    )
    assert risk.level == "high"


@pytest.mark.parametrize(
    ("points", "level"), [(0, "low"), (1, "low"), (2, "moderate"), (4, "moderate"), (5, "high")]
)
def test_levels_follow_the_point_thresholds(points, level):
    assert level_for(points) == level


def test_pregnancy_gives_no_weight_based_risk_factor():
    """BMI from pregnant weight is not meaningful (clinical-facts.md section 3)."""
    pregnant = assess_risk(parse_profile(make_profile(conditions=["pregnancy"], weight_kg=100)))
    assert not {f.id for f in pregnant.factors} & {"obesity", "overweight"}
    other = assess_risk(parse_profile(make_profile(weight_kg=100)))
    assert "obesity" in {f.id for f in other.factors}
