"""Slow progression for older adults, osteoporosis and weak core muscles (ACSM: repetitions, then
sets, then a harder variant; the hardest variants from week 9)."""

import json
from pathlib import Path

import pytest

from planner import build_plan
from planner.data_files import catalogue, exercises_by_id
from planner.dosing import top_rung
from planner.guidelines import PROGRESSION_WEEKS, SLOW_LEVEL_3_FROM_WEEK
from planner.profile import parse_profile
from planner.weeks import doses_at, start_level
from tests.conftest import make_profile

PERSONAS = Path(__file__).resolve().parents[2] / "shared" / "personas"
SLOW = [
    {"age": 72, "conditions": ["osteoporosis"], "core_strength": "weak", "minutes_per_day": 20},
    {"age": 76, "minutes_per_day": 20},
    {"age": 40, "conditions": ["osteoporosis"], "core_strength": "strong", "pain": 1},
    {"age": 38, "core_strength": "weak", "days_per_week": 4, "minutes_per_day": 20},
    {"age": 70, "core_strength": "strong", "pain": 0, "minutes_per_day": 40},
]


def levels_by_week(changes: dict) -> dict[int, set[int]]:
    """The catalogue levels of each week's exercises, weeks 1-12 of a plan without a log."""
    by_id = exercises_by_id()
    return {
        week: {
            by_id[p.id].level
            for day in build_plan(make_profile(**changes), week).days
            for p in day.exercises
        }
        for week in range(1, PROGRESSION_WEEKS + 1)
    }


def test_an_older_adult_with_osteoporosis_never_gets_a_level_3_variant_before_week_9():
    """Persona 03 (72, osteoporosis, weak core) reached the single-leg bridge by week 3."""
    profile = json.loads((PERSONAS / "03_osteoporosis_72.json").read_text("utf-8"))
    for week in range(1, SLOW_LEVEL_3_FROM_WEEK):
        plan = build_plan(profile, week)
        assert all(exercises_by_id()[p.id].level < 3 for d in plan.days for p in d.exercises), week


@pytest.mark.parametrize("changes", SLOW)
def test_older_adults_osteoporosis_and_weak_cores_get_no_level_3_variant_before_week_9(changes):
    """Not in week 1 (even when fit and strong) and not by stepping up."""
    for week, levels in levels_by_week(changes).items():
        if week < SLOW_LEVEL_3_FROM_WEEK:
            assert 3 not in levels, (week, changes)


@pytest.mark.parametrize("changes", SLOW)
def test_a_slow_progression_swaps_to_a_harder_variant_only_after_reps_and_sets_are_built(changes):
    """ACSM's order: more repetitions, then more sets, then the harder variant; a swap comes only
    once the easier exercise stands at the top of its ladder on every day it is done."""
    profile = parse_profile(make_profile(**changes))
    by_id = exercises_by_id()
    for level in range(start_level(), start_level() + PROGRESSION_WEEKS - 1):
        before, after = doses_at(profile, level), doses_at(profile, level + 1)
        for old, new in zip(before, after, strict=True):
            for (easier, rung), (now, _) in zip(old, new, strict=True):
                if now.id != easier.id:
                    assert by_id[easier.harder] == now
                    assert rung == top_rung(easier, profile), (easier.id, rung, now.id)


def test_people_without_a_reason_for_caution_still_reach_level_3_within_the_first_weeks():
    """The slow progression is for older adults, osteoporosis and weak cores only."""
    levels = levels_by_week({"age": 40, "core_strength": "average", "minutes_per_day": 20})
    assert any(3 in levels[week] for week in range(1, SLOW_LEVEL_3_FROM_WEEK))


def test_a_slow_progression_says_why_in_the_plan():
    plan = build_plan(make_profile(age=72, conditions=["osteoporosis"]))
    note = next(n for n in plan.notes if n.id == "slow_progression")
    assert (
        "72" in note.text
        and f"week {SLOW_LEVEL_3_FROM_WEEK}" in note.text
        and "ACSM" in note.source
    )


def test_every_level_3_variant_has_an_easier_one_with_no_more_contraindications():
    """So leaving level 3 out of week 1 never empties a family."""
    by_id = exercises_by_id()
    for exercise in catalogue().exercise:
        if exercise.level == 3:
            easier = by_id[exercise.easier]
            assert easier.level < 3 and easier.family == exercise.family
            assert easier.tags - {"level_3"} <= exercise.tags, exercise.id
