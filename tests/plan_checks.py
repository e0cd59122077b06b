"""Safety and dose invariants every exercise plan must satisfy, shared by the example-based and the
property-based tests. The ranges are clinical-facts.md's, written out here independently of the
catalogue's ladders so that a wrong ladder is caught."""

from planner.data_files import exercises_by_id, safety_rules, sources
from planner.guidelines import OLDER_ADULT_AGE
from planner.plan import WeekPlan
from planner.profile import Profile
from planner.selection import FAMILY_NAMES

# (reps range, hold range in seconds) by ladder kind; older adults in brackets where different.
DOSE_RANGES = {
    "stretch": ((2, 4), (10, 30)),
    "stretch_older": ((2, 4), (30, 60)),
    "tilt": ((5, 10), (2, 10)),
    "hold": ((3, 10), (6, 10)),  # McGill's descending pyramid of 10 s holds
    "reps": ((8, 12), (0, 0)),
    "reps_older": ((10, 15), (0, 0)),
    "mobility": ((5, 10), (0, 0)),  # slow repetitions with a short pause, not long holds
    "balance": ((3, 4), (10, 30)),
    "pelvic_floor": ((8, 10), (5, 10)),
    "carry": ((3, 4), (20, 30)),  # seconds of walking with the load
}
# Doses read like a clinician's: no "hold 33 s" or "11 reps" (stretch holds 2-4 are counts).
CLINICIAN_HOLDS = {0, 5, 10, 15, 20, 30, 45, 60}
CLINICIAN_REPS = {2, 3, 4, 5, 6, 8, 10, 12, 15}
FAMILIES = {
    "pelvic_tilt", "knee_to_chest", "lower_back_stretch", "hamstring_stretch", "core",
    "strength_balance",
}  # fmt: skip


# The same contraindications written out by exercise and position rather than by tag, so that a
# tag missing from the catalogue is caught too (clinical-facts.md: no loaded flexion or twisting
# for weakened bones or a fused spine, nothing lying flat when pregnant, no hip flexion past 90
# degrees after a hip replacement, supported standing stretches from 65).
# Ankylosing spondylitis needs mobility in every direction: it forbids nothing of its own.
FLEXION_TWIST_OR_LOAD = {
    "knee_to_chest_single", "knee_to_chest_double", "knee_to_chest_side_lying",
    "lower_trunk_rotation", "cat_cow", "seated_rotation", "standing_side_bend", "carry_practice",
}  # fmt: skip
HIP_PRECAUTIONS = {
    "knee_to_chest_single", "knee_to_chest_double", "knee_to_chest_side_lying",
    "hamstring_seated", "hamstring_lying_towel", "seated_knee_lift", "lower_trunk_rotation",
    "squat_to_chair",
}  # fmt: skip
FORBIDDEN_IDS = {
    "osteoporosis": FLEXION_TWIST_OR_LOAD,
    "hip_replacement": HIP_PRECAUTIONS,
    "older_adult": {"hamstring_standing", "step_up"},
    # moderate intensity in pregnancy: none of the level-3 variants
    "pregnancy": {
        "hamstring_standing", "step_up", "side_bridge_full", "single_leg_bridge", "bird_dog_hold",
    },
}  # fmt: skip
FLOOR = {"supine", "prone", "side_lying", "quadruped"}
FORBIDDEN_POSITIONS = {"pregnancy": {"supine", "prone"}, "floor_cannot": FLOOR}


def ladder_kind(exercise_id: str, profile: Profile) -> str:
    kind = exercises_by_id()[exercise_id].ladder
    older = profile.age >= OLDER_ADULT_AGE and f"{kind}_older" in DOSE_RANGES
    return f"{kind}_older" if older else kind


def forbidden_tags(profile: Profile) -> set[str]:
    rules = safety_rules()
    tags = {t for c in profile.conditions for t in rules.conditions[c].forbids}
    if profile.age >= OLDER_ADULT_AGE:
        tags |= rules.older_adult.forbids
    if profile.floor == "cannot":
        tags |= rules.floor_cannot.forbids
    return tags


def concerns_of(profile: Profile) -> list[str]:
    older = ["older_adult"] if profile.age >= OLDER_ADULT_AGE else []
    return [*profile.conditions, *older] + (["floor_cannot"] if profile.floor == "cannot" else [])


def check_stopped(plan: WeekPlan) -> None:
    assert not plan.safe_to_exercise and plan.stop_reasons and plan.urgency
    assert all(not day.exercises for day in plan.days)


def check_exercise_plan(plan: WeekPlan, profile: Profile, every_family: bool = True) -> None:
    """Contraindications, dose ranges, time budget, spread, family coverage (not in a flare-up
    routine, which holds two of the easiest exercises a session)."""
    assert plan.safe_to_exercise and not plan.stop_reasons
    forbidden = forbidden_tags(profile)
    concerns = concerns_of(profile)
    for day in plan.days:
        holds = 0
        for p in day.exercises:
            exercise = exercises_by_id()[p.id]
            assert not exercise.tags & forbidden, f"{p.id} is contraindicated"
            for concern in concerns:
                assert p.id not in FORBIDDEN_IDS.get(concern, ()), f"{p.id} with {concern}"
                assert p.position not in FORBIDDEN_POSITIONS.get(concern, ()), f"{p.id} lying"
            (lo_r, hi_r), (lo_h, hi_h) = DOSE_RANGES[ladder_kind(p.id, profile)]
            assert lo_r <= p.reps <= hi_r, f"{p.id}: {p.reps} reps"
            assert lo_h <= p.hold_s <= hi_h, f"{p.id}: hold {p.hold_s} s"
            assert 1 <= p.sets <= 3
            assert p.hold_s in CLINICIAN_HOLDS and p.reps in CLINICIAN_REPS, p.dose_text
            holds += p.sets * p.reps * p.sides * p.hold_s
        assert day.minutes <= profile.minutes_per_day
        if day.exercises:
            assert 2 <= sum(w.minutes for w in day.warm_up) <= 5, "a 2-5 minute warm-up"
        else:
            assert not day.warm_up and not day.walk_min
        assert holds <= day.minutes * 60, "the time estimate must cover the holds"
        assert len({p.id for p in day.exercises}) == len(day.exercises)
    sessions = [i for i, d in enumerate(plan.days) if d.exercises]
    assert len(sessions) == profile.days_per_week
    gaps = [(b - a) % 7 or 7 for a, b in zip(sessions, sessions[1:] + sessions[:1], strict=True)]
    assert max(gaps) - min(gaps) <= 1, f"sessions not spread: {sessions}"
    if not every_family:
        return
    removed = {n.id.removeprefix("removed_") for n in plan.removed_families}
    counts = {}
    for day in plan.days:
        for p in day.exercises:
            if not exercises_by_id()[p.id].daily_for:  # daily extras are not family variants
                counts[p.category] = counts.get(p.category, 0) + 1
    assert set(counts) == FAMILIES - removed
    least = 2 if profile.days_per_week >= 4 else 1
    fewer = {n.text.split(" come ")[0] for n in plan.notes if n.id == "time_fewer"}
    for family, count in counts.items():
        assert count >= least or FAMILY_NAMES[family] in fewer, counts


def check_sourced(plan: WeekPlan) -> None:
    """Every tip, note, risk factor and exercise cites one of BackPlan's listed sources."""
    citations = {s.citation for s in sources().values()}
    cited = [*plan.tips, *plan.notes, *plan.risk.factors, *plan.removed_families]
    if plan.progression is not None:
        cited.append(plan.progression)
    for item in cited:
        assert item.source in citations, f"{item}: source not in sources.toml"
    for day in plan.days:
        for p in day.exercises:
            assert exercises_by_id()[p.id].source in sources(), f"{p.id}: no source"
    topics = {tip.topic for tip in plan.tips}
    assert {"posture", "weight", "hydration", "lifting", "stress"} <= topics, topics
