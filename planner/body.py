"""Body measures: BMI with its WHO band, and a daily water target."""

from planner import guidelines as g
from planner.profile import Profile


def bmi(profile: Profile) -> float:
    """Body-mass index, kg/m², to one decimal."""
    return round(profile.weight / profile.height_m**2, 1)


def bmi_band(value: float) -> str:
    """The WHO band for a BMI value."""
    return [label for lower, label in g.BMI_BANDS if value >= lower][-1]


def water_target_l(profile: Profile) -> float | None:
    """Total daily water (food and drink) in litres; None when a doctor sets the fluid limit.

    The EFSA adequate intake by sex is the floor; heavier people get 30 mL/kg (25 over 75), capped
    at the US NAM adequate intake because mL/kg over-states needs at high body weight.
    """
    if "heart_or_kidney_disease" in profile.conditions:
        return None
    per_kg = g.WATER_ML_PER_KG_OVER_75 if profile.age > 75 else g.WATER_ML_PER_KG
    by_weight = min(profile.weight * per_kg / 1000, g.WATER_CAP_L[profile.sex])
    return round(max(g.WATER_TOTAL_L[profile.sex], by_weight), 1)


def drinks_target_l(total_l: float) -> float:
    """The share of the total that should come from drinks (about 80%)."""
    return round(total_l * (1 - g.WATER_FROM_FOOD_SHARE), 1)
