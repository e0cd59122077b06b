"""The safety screen: warning signs that stop the plan, how urgently to get care, and the advice
that goes beside a plan (clinical-facts.md section 1).

Three urgency levels, most urgent first: "emergency" (an emergency department now), "urgent" (the
same day, within 24 hours) and "soon" (a doctor within days, before exercising). The warning signs
can be screened on their own, before the rest of the profile exists (`screen_warning_signs`); the
fracture pointers need the whole profile (age, conditions, pain) and join in `screen`.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from planner import guidelines as g
from planner.data_files import URGENCIES, RedFlag, safety_rules
from planner.plan import Stop
from planner.profile import RED_FLAGS, FieldProblem, Profile, ProfileError, allowed

FRACTURE_STOP = "fracture_suspected"
TRAUMA_STOP = "recent_trauma"


@dataclass(frozen=True)
class Screen:
    stops: tuple[Stop, ...]  # most urgent first
    advice: tuple[str, ...] = ()

    @property
    def safe_to_exercise(self) -> bool:
        return not self.stops

    @property
    def urgency(self) -> str | None:
        """The most urgent stop's level, or None when nothing stops the plan."""
        return self.stops[0].urgency if self.stops else None

    @property
    def stop_reasons(self) -> tuple[str, ...]:
        """Each stop as 'label: message', most urgent first."""
        return tuple(map(str, self.stops))

    @property
    def headline(self) -> str | None:
        """What to do, in a few words, for the most urgent stop."""
        return urgency_headline(self.urgency) if self.urgency else None


def urgency_headline(urgency: str) -> str:
    """'Go to an emergency department now' and the like, for an urgency level."""
    return safety_rules().urgency[urgency].headline


def _stop(stop_id: str, rule: RedFlag, **values: object) -> Stop:
    action = rule.action or safety_rules().urgency[rule.urgency].action
    message = f"{rule.why.format(**values)} {action}".strip()
    return Stop(id=stop_id, label=rule.label, urgency=rule.urgency, message=message)


def _most_urgent_first(stops: Iterable[Stop]) -> tuple[Stop, ...]:
    return tuple(sorted(stops, key=lambda stop: URGENCIES.index(stop.urgency)))


def _check_flags(red_flags: Iterable[str]) -> list[str]:
    flags = list(dict.fromkeys(red_flags))
    unknown = [f for f in flags if f not in RED_FLAGS]
    if unknown:
        message = f"must be {allowed('red_flags')} (got {unknown[0]!r})"
        raise ProfileError([FieldProblem(field="red_flags", message=message)])
    return flags


def warning_stops(red_flags: Iterable[str], recent_trauma: bool) -> list[Stop]:
    """The stops for the ticked warning signs and a recent injury, in the order given."""
    rules = safety_rules()
    stops = [_stop(flag, rules.red_flags[flag]) for flag in _check_flags(red_flags)]
    if recent_trauma:
        stops.append(_stop(TRAUMA_STOP, rules.trauma))
    return stops


def screen_warning_signs(red_flags: Iterable[str], recent_trauma: bool = False) -> Screen:
    """The screen from the warning-sign answers alone: the page's first step, which gives its
    advice at once, whatever else of the profile is blank. Unknown flags raise ProfileError."""
    return Screen(stops=_most_urgent_first(warning_stops(red_flags, recent_trauma)))


def fracture_pointers(profile: Profile) -> list[str]:
    """Which fracture pointers the person has: 'older', 'osteoporosis', 'steroids'."""
    has = {
        "older": profile.age >= g.FRACTURE_AGE,
        "osteoporosis": "osteoporosis" in profile.conditions,
        "steroids": profile.long_term_steroids,
    }
    return [key for key, hit in has.items() if hit]


def _pointer_words(profile: Profile) -> str:
    """'you are 72 and you have osteoporosis ...' for the pointers present."""
    phrases = safety_rules().fracture.pointers
    words = [phrases[p].format(age=profile.age) for p in fracture_pointers(profile)]
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]


def is_new_pain(profile: Profile) -> bool:
    return profile.pain_weeks <= g.NEW_PAIN_MAX_WEEKS


def is_severe_pain(profile: Profile) -> bool:
    return profile.pain >= g.FRACTURE_SEVERE_PAIN


def fracture_stop(profile: Profile) -> Stop | None:
    """A likely spinal fracture: a pointer with new severe pain, or a pointer with a recent injury
    (two pointers together, Downie 2013). Assessed (X-ray) before any exercise, the same day."""
    if not fracture_pointers(profile):
        return None
    triggers = safety_rules().fracture.triggers
    if is_new_pain(profile) and is_severe_pain(profile):
        trigger = triggers["severe_pain"].format(pain=profile.pain)
    elif profile.recent_trauma:
        trigger = triggers["trauma"]
    else:
        return None
    return _stop(
        FRACTURE_STOP,
        safety_rules().fracture,
        pointers=_pointer_words(profile).capitalize(),
        trigger=trigger,
    )


def pause_stop() -> Stop:
    """The log's pause: pain still too high on the flare-up routine (adaptation.py)."""
    return _stop("pain_not_settling", safety_rules().pause)


def advice_ids(profile: Profile) -> list[str]:
    """Which see-a-doctor advice applies (the plan still goes ahead)."""
    pregnant = "pregnancy" in profile.conditions
    high_blood_pressure = "high_blood_pressure" in profile.conditions
    applies = {
        "first_episode_older": profile.first_episode and profile.age >= g.FIRST_EPISODE_ADVICE_AGE,
        "long_episode": profile.pain_weeks > g.LONG_EPISODE_WEEKS,
        "fracture_pointer": bool(fracture_pointers(profile)) and is_new_pain(profile),
        "blood_pressure": high_blood_pressure and not pregnant,
        "pregnancy_blood_pressure": high_blood_pressure and pregnant,
        "pregnancy": pregnant,
    }
    return [key for key, hit in applies.items() if hit]


def screen(profile: Profile) -> Screen:
    """The whole screen for a profile: warning signs, recent injury, fracture pointers, advice."""
    stops = warning_stops(profile.red_flags, profile.recent_trauma)
    if fracture := fracture_stop(profile):
        stops.append(fracture)
    if stops:
        return Screen(stops=_most_urgent_first(stops))
    texts = safety_rules().advice
    values = {"age": profile.age, "pain_weeks": profile.pain_weeks}
    if fracture_pointers(profile):
        values["pointers"] = _pointer_words(profile)
    return Screen(
        stops=(), advice=tuple(texts[key].text.format(**values) for key in advice_ids(profile))
    )
