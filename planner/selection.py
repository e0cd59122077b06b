"""Which exercises are safe for a profile, and which variants of each family suit it best."""

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
    "strength_balance": "Strength and balance work",
}
# Profile-level rules (beside the conditions) in safety.toml, and how a removal note names them.
PROFILE_RULES = {"older_adult": "your age", "floor_cannot": "getting down to the floor"}


def active_profile_rules(profile: Profile) -> list[str]:
    rules = ["older_adult"] if is_older(profile) else []
    return rules + (["floor_cannot"] if profile.floor == "cannot" else [])


def forbidden_tags(profile: Profile) -> dict[str, str]:
    """Each contraindicated tag mapped to the rule (a condition or a profile rule) forbidding it."""
    rules = safety_rules()
    forbidden = {}
    for condition in profile.conditions:
        for tag in rules.conditions[condition].forbids:
            forbidden.setdefault(tag, condition)
    for name in active_profile_rules(profile):
        for tag in getattr(rules, name).forbids:
            forbidden.setdefault(tag, name)
    return forbidden


def safe_exercises(profile: Profile) -> list[Exercise]:
    """The catalogue minus every exercise with a contraindicated tag, in catalogue order."""
    forbidden = forbidden_tags(profile)
    return [e for e in catalogue().exercise if not (e.tags & forbidden.keys())]


def daily_extras(profile: Profile) -> list[Exercise]:
    """Safe exercises added to every session for one of the person's conditions."""
    conditions = set(profile.conditions)
    return [e for e in safe_exercises(profile) if e.daily_for & conditions]


def is_fit_and_strong(profile: Profile) -> bool:
    return profile.core_strength == "strong" and profile.pain <= g.LOW_PAIN


def target_level(profile: Profile, family: str) -> int:
    """1 (easy) when pain is high, or for core work with weak abdominals; 3 for core and strength
    work of fit and strong people; otherwise 2."""
    if profile.pain >= g.HIGH_PAIN:
        return 1
    if family in ("core", "strength_balance"):
        if is_fit_and_strong(profile):
            return 3
        return 1 if profile.core_strength == "weak" else 2
    return 2 if profile.pain <= g.LOW_PAIN else 1


def wanted_focus(profile: Profile) -> set[str]:
    """What strength work should train first: lifting practice, balance, else general strength."""
    focus = {"lifting"} if profile.lifting == "often" else set()
    if is_older(profile) or "osteoporosis" in profile.conditions:
        focus.add("balance")
    return focus or {"strength"}


def variants(profile: Profile, family: str, safe: list[Exercise]) -> list[Exercise]:
    """Safe variants of a family, best fit first: the person's focus, off the floor when that is
    hard, the closest level, then catalogue order. Daily extras are not family variants."""
    target = target_level(profile, family)
    focus = wanted_focus(profile)
    avoid_floor = profile.floor != "easy"
    in_family = [e for e in safe if e.family == family and not e.daily_for]
    return sorted(
        in_family,
        key=lambda e: (
            e.focus not in focus,
            avoid_floor and "floor" in e.tags,
            abs(e.level - target),
        ),
    )


def removal_note(profile: Profile, family: str) -> Note:
    """Why a whole family is left out: the rule that rules out most of its variants."""
    forbidden = forbidden_tags(profile)
    rules = safety_rules()
    causes = []
    for e in catalogue().exercise:
        if e.family == family and not e.daily_for:
            causes.extend(forbidden[t] for t in sorted(e.tags) if t in forbidden)
    cause = max(sorted(set(causes)), key=causes.count)
    if cause in PROFILE_RULES:
        rule, label = getattr(rules, cause), PROFILE_RULES[cause]
    else:
        rule, label = rules.conditions[cause], rules.conditions[cause].label.lower()
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
