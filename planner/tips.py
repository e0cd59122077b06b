"""Tips that fit the person: posture, weight, water, lifting, stress, flares, seeing a doctor."""

from planner import guidelines as g
from planner.body import bmi, bmi_band, drinks_target_l, water_target_l
from planner.data_files import citation, tip_texts, tip_title
from planner.dosing import is_older
from planner.plan import Tip
from planner.profile import Profile

LB_PER_KG = 2.20462
# Who is told to ask before any anti-inflammatory (NICE CKS NSAIDs), in the words the tip uses.
NSAID_CAUTIONS = {
    "heart_or_kidney_disease": "heart or kidney disease",
    "high_blood_pressure": "high blood pressure",
}


def _pace(profile: Profile) -> str:
    lo, hi = g.WEIGHT_LOSS_KG_PER_WEEK
    return "1-2 lb" if profile.imperial else f"{lo:g}-{hi:g} kg"


def _kilos(profile: Profile, kg: int) -> str:
    return f"{round(kg * LB_PER_KG)} lb ({kg} kg)" if profile.imperial else f"{kg} kg"


def medicine_cautions(profile: Profile) -> list[str]:
    """Why anti-inflammatories are often unsuitable for this person, in plain words."""
    reasons = [words for key, words in NSAID_CAUTIONS.items() if key in profile.conditions]
    if is_older(profile):
        reasons.append("older age")
    return reasons


def _either(words: list[str]) -> str:
    """'a, b or c'."""
    return " or ".join(filter(None, [", ".join(words[:-1]), words[-1]])) if words else ""


def weight_tip(profile: Profile) -> str:
    """No weight-loss advice in pregnancy, or under BMI 30 from 65 (Winter 2014)."""
    body_mass = bmi(profile)
    if "pregnancy" in profile.conditions:
        return "weight_pregnancy"
    if body_mass < g.BMI_BANDS[1][0]:
        return "weight_under"
    if is_older(profile) and body_mass < g.BMI_OBESE:
        return "weight_older"
    return "weight_lose" if body_mass >= g.BMI_OVERWEIGHT else "weight_healthy"


def lifting_tips(profile: Profile) -> list[str]:
    conditions = set(profile.conditions)
    if "osteoporosis" in conditions:
        return ["lifting_bones"]
    if "pregnancy" in conditions:
        return ["lifting_pregnancy"]
    if profile.lifting == "often":
        return ["lifting_often", "lifting_strength"]
    return ["lifting_occasional"]


def stress_tip(profile: Profile) -> str:
    if profile.stress >= g.HIGH_STRESS and profile.pain_weeks >= g.LONG_PAIN_WEEKS:
        return "stress_persistent"
    return "stress_high" if profile.stress >= g.HIGH_STRESS else "stress_moderate"


def flare_tips(profile: Profile) -> list[str]:
    if "pregnancy" in profile.conditions:
        ids = ["flare_care_pregnancy"]
    else:
        ask = medicine_cautions(profile)
        ids = ["flare_care", "flare_care_medicine_ask" if ask else "flare_care_medicine"]
    return ids + (["flare_care_arthritis"] if "arthritis" in profile.conditions else [])


def posture_tips(profile: Profile) -> list[str]:
    """Screen set-up only for people who work at a screen; breaks for anyone who sits a lot."""
    ids = ["posture_desk"] if profile.screen_work else []
    if profile.sitting_hours >= g.DESK_BREAK_SITTING_HOURS:
        ids.append("posture_breaks")
    return ids or ["posture_general"]


def tip_ids(profile: Profile) -> list[str]:
    """Which tips apply, one or two per topic, in topic order."""
    heart_kidney = "heart_or_kidney_disease" in profile.conditions
    return [
        *posture_tips(profile),
        weight_tip(profile),
        "hydration_doctor" if heart_kidney else "hydration_target",
        *lifting_tips(profile),
        stress_tip(profile),
        *flare_tips(profile),
        "see_a_doctor",
    ]


def tips_for(profile: Profile) -> tuple[Tip, ...]:
    """The tips for this profile, worded with its numbers."""
    water = water_target_l(profile)
    body_mass = bmi(profile)
    early, late = g.PREGNANCY_LIFT_KG
    values = profile.model_dump() | {
        "bmi": body_mass,
        "bmi_band": bmi_band(body_mass),
        "water_target": water or 0.0,
        "drinks_target": drinks_target_l(water) if water else 0.0,
        "monitor_cm": g.MONITOR_DISTANCE_CM,
        "monitor_in": round(g.MONITOR_DISTANCE_CM / 2.54),
        "break_lo": g.SCREEN_BREAK_LENGTH_MIN[0],
        "break_hi": g.SCREEN_BREAK_LENGTH_MIN[1],
        "every_lo": g.SCREEN_BREAK_EVERY_MIN[0],
        "every_hi": g.SCREEN_BREAK_EVERY_MIN[1],
        "pace": _pace(profile),
        "lift_limit": _kilos(profile, g.LIFT_LIMIT_KG),
        "preg_early": _kilos(profile, early),
        "preg_late": _kilos(profile, late),
        "medicine_reason": _either(medicine_cautions(profile)),
    }
    texts = tip_texts()
    return tuple(
        Tip(
            topic=texts[i].topic,
            title=tip_title(texts[i].topic),
            text=texts[i].text.format(**values),
            source=citation(texts[i].source),
        )
        for i in tip_ids(profile)
    )
