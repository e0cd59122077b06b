"""The safety screen: red flags that stop the plan, and advice that goes with it."""

from dataclasses import dataclass

from planner import guidelines as g
from planner.data_files import safety_rules
from planner.profile import Profile


@dataclass(frozen=True)
class Screen:
    stop_reasons: tuple[str, ...]
    urgency: str | None  # the most urgent: "emergency" before "soon"
    advice: tuple[str, ...]

    @property
    def safe_to_exercise(self) -> bool:
        return not self.stop_reasons


def stopping_flags(profile: Profile) -> list:
    """The red-flag rules this profile triggers, emergencies first."""
    rules = safety_rules()
    found = [rules.red_flags[flag] for flag in profile.red_flags]
    if profile.recent_trauma:
        found.append(rules.trauma)
    return sorted(found, key=lambda rule: rule.urgency != "emergency")


def advice_ids(profile: Profile) -> list[str]:
    """Which see-a-doctor advice applies (the plan still goes ahead)."""
    applies = {
        "first_episode_older": profile.first_episode and profile.age >= g.FIRST_EPISODE_ADVICE_AGE,
        "long_episode": profile.pain_weeks > g.LONG_EPISODE_WEEKS,
        "osteoporosis_severe_pain": "osteoporosis" in profile.conditions
        and profile.pain >= g.HIGH_PAIN,
        "blood_pressure": "high_blood_pressure" in profile.conditions,
        "pregnancy": "pregnancy" in profile.conditions,
    }
    return [key for key, hit in applies.items() if hit]


def screen(profile: Profile) -> Screen:
    """Run the red-flag screen for a profile."""
    flags = stopping_flags(profile)
    texts = safety_rules().advice
    advice = tuple(
        texts[key].text.format(age=profile.age, pain_weeks=profile.pain_weeks)
        for key in advice_ids(profile)
    )
    return Screen(
        stop_reasons=tuple(f"{rule.label}: {rule.message}" for rule in flags),
        urgency=flags[0].urgency if flags else None,
        advice=advice,
    )
