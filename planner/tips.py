"""Tips that fit the person: posture, weight, water, lifting, stress, flares, seeing a doctor."""

from planner import guidelines as g
from planner.body import bmi, bmi_band, drinks_target_l, water_target_l
from planner.data_files import citation, tip_texts
from planner.plan import Tip
from planner.profile import Profile

LB_PER_KG = 2.20462


def _pace(profile: Profile) -> str:
    lo, hi = g.WEIGHT_LOSS_KG_PER_WEEK
    return "1-2 lb" if profile.imperial else f"{lo:g}-{hi:g} kg"


def _lift_limit(profile: Profile) -> str:
    kg = g.LIFT_LIMIT_KG
    return f"{round(kg * LB_PER_KG)} lb ({kg} kg)" if profile.imperial else f"{kg} kg"


def tip_ids(profile: Profile) -> list[str]:
    """Which tips apply, one or two per topic, in topic order."""
    conditions = set(profile.conditions)
    body_mass = bmi(profile)
    weak_bones = bool(conditions & {"osteoporosis", "ankylosing_spondylitis"})
    ids = ["posture_desk", "posture_breaks"] if profile.sitting_hours >= 4 else ["posture_general"]
    if profile.posture == "poor" and "posture_desk" not in ids:
        ids.insert(0, "posture_desk")
    if "pregnancy" in conditions:
        ids.append("weight_pregnancy")
    elif body_mass < g.BMI_BANDS[1][0]:
        ids.append("weight_under")
    else:
        ids.append("weight_lose" if body_mass >= g.BMI_OVERWEIGHT else "weight_healthy")
    ids.append(
        "hydration_doctor" if "heart_or_kidney_disease" in conditions else "hydration_target"
    )
    if weak_bones:
        ids.append("lifting_bones")
    else:
        ids.append("lifting_often" if profile.lifting == "often" else "lifting_occasional")
    ids.append("stress_high" if profile.stress >= g.HIGH_STRESS else "stress_moderate")
    if "pregnancy" in conditions:
        ids.append("flare_care_pregnancy")
    else:
        ids += ["flare_care", "flare_care_medicine"]
    if "arthritis" in conditions:
        ids.append("flare_care_arthritis")
    ids.append("see_a_doctor")
    return ids


def tips_for(profile: Profile) -> tuple[Tip, ...]:
    """The tips for this profile, worded with its numbers."""
    water = water_target_l(profile)
    body_mass = bmi(profile)
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
        "lift_limit": _lift_limit(profile),
    }
    texts = tip_texts()
    return tuple(
        Tip(
            topic=texts[i].topic,
            text=texts[i].text.format(**values),
            source=citation(texts[i].source),
        )
        for i in tip_ids(profile)
    )
