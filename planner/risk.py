"""Risk assessment: which factors raise the chance of back pain coming back, and how strongly."""

from planner import guidelines as g
from planner.body import bmi, drinks_target_l, water_target_l
from planner.data_files import citation, risk_factor_texts
from planner.plan import Risk, RiskFactor
from planner.profile import Profile


def factor_ids(profile: Profile) -> list[str]:
    """The ids of the risk factors present in this profile, in the data file's order."""
    body_mass = bmi(profile)
    water = water_target_l(profile)
    weight_counts = "pregnancy" not in profile.conditions  # BMI from pregnant weight means little
    present = {
        "lifting_often": profile.lifting == "often",
        "lifting_sometimes": profile.lifting == "sometimes",
        "obesity": weight_counts and body_mass >= g.BMI_OBESE,
        "overweight": weight_counts and g.BMI_OVERWEIGHT <= body_mass < g.BMI_OBESE,
        "high_stress": profile.stress >= g.HIGH_STRESS,
        "older_age": profile.age >= g.OLDER_AGE_RISK,
        "low_activity": profile.active_days < g.LOW_ACTIVE_DAYS,
        "persistent_pain": profile.pain_weeks >= g.LONG_PAIN_WEEKS,
        "long_sitting": profile.sitting_hours >= g.LONG_SITTING_HOURS,
        "poor_posture": profile.posture == "poor",
        "weak_core": profile.core_strength == "weak",
        "low_water": water is not None and profile.water_l < drinks_target_l(water),
    }
    return [key for key in risk_factor_texts() if present[key]]


def level_for(points: int) -> str:
    """Low, moderate or high from the total points."""
    if points >= g.RISK_LEVEL_HIGH:
        return "high"
    return "moderate" if points >= g.RISK_LEVEL_MODERATE else "low"


def assess_risk(profile: Profile) -> Risk:
    """The risk level and the factors behind it, each with a plain reason and its evidence."""
    values = profile.model_dump() | {"bmi": bmi(profile)}
    factors = []
    for key in factor_ids(profile):
        text = risk_factor_texts()[key]
        factors.append(
            RiskFactor(
                id=key,
                reason=text.reason.format(**values),
                evidence=text.evidence,
                source=citation(text.source),
                points=text.points,
            )
        )
    return Risk(level=level_for(sum(f.points for f in factors)), factors=tuple(factors))
