"""Which exercises are safe for a profile, and which variant of each family it gets."""

from planner import guidelines as g
from planner.data_files import FAMILIES, Exercise, catalogue, citation, safety_rules
from planner.dosing import is_older
from planner.plan import Note
from planner.profile import Profile

FAMILY_NAMES = {
    "pelvic_tilt": "Pelvic tilts",
    "knee_to_chest": "Knee-to-chest stretches",
    "lower_back_stretch": "Lower-back stretches",
    "hamstring_stretch": "Hamstring stretches",
    "core": "Core work",
}


def forbidden_tags(profile: Profile) -> dict[str, str]:
    """Each contraindicated tag mapped to the rule (condition or 'older_adult') that forbids it."""
    rules = safety_rules()
    forbidden = {}
    for condition in profile.conditions:
        for tag in rules.conditions[condition].forbids:
            forbidden.setdefault(tag, condition)
    if is_older(profile):
        for tag in rules.older_adult.forbids:
            forbidden.setdefault(tag, "older_adult")
    return forbidden


def safe_exercises(profile: Profile) -> list[Exercise]:
    """The catalogue minus every exercise with a contraindicated tag, in catalogue order."""
    forbidden = forbidden_tags(profile)
    return [e for e in catalogue().exercise if not (e.tags & forbidden.keys())]


def target_level(profile: Profile, family: str) -> int:
    """1 (easy) when pain is high, or for core work with weak abdominals; otherwise 2."""
    if profile.pain >= g.HIGH_PAIN:
        return 1
    if family == "core":
        return 1 if profile.core_strength == "weak" else 2
    return 2 if profile.pain <= g.LOW_PAIN else 1


def variants(profile: Profile, family: str, safe: list[Exercise]) -> list[Exercise]:
    """Safe variants of a family, best fit first (closest level, then catalogue order)."""
    target = target_level(profile, family)
    in_family = [e for e in safe if e.family == family]
    return sorted(in_family, key=lambda e: abs(e.level - target))


def removal_note(profile: Profile, family: str) -> Note:
    """Why a whole family is left out: the condition that rules out each of its variants."""
    forbidden = forbidden_tags(profile)
    rules = safety_rules()
    causes = []
    for e in catalogue().exercise:
        if e.family == family:
            causes.extend(forbidden[t] for t in sorted(e.tags) if t in forbidden)
    cause = max(set(causes), key=causes.count)
    rule = rules.older_adult if cause == "older_adult" else rules.conditions[cause]
    label = "your age" if cause == "older_adult" else rules.conditions[cause].label.lower()
    text = (
        f"{FAMILY_NAMES[family]} are left out because of {label}: {rule.reason}. "
        "Their time goes to the other exercises."
    )
    return Note(id=f"removed_{family}", text=text, source=citation(rule.source))


def families_for(profile: Profile) -> tuple[dict[str, list[Exercise]], tuple[Note, ...]]:
    """Variants for every family that keeps a safe choice, and notes for any family removed."""
    safe = safe_exercises(profile)
    chosen, removed = {}, []
    for family in FAMILIES:
        options = variants(profile, family, safe)
        if options:
            chosen[family] = options
        else:
            removed.append(removal_note(profile, family))
    return chosen, tuple(removed)
