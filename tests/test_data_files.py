"""The data files: every reference resolves, every exercise has a picture and a source, and every
family keeps a safe variant for each condition except where the plan says why."""

import re
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from planner.data_files import (
    DATA_DIR,
    FAMILIES,
    catalogue,
    dose_data,
    safety_rules,
    sources,
    tip_texts,
)
from planner.profile import CONDITIONS

ROOT = Path(__file__).resolve().parent.parent


def source_keys_used() -> set[str]:
    keys = {e.source for e in catalogue().exercise}
    keys |= {ladder.source for ladder in catalogue().ladders.values()}
    rules = safety_rules()
    keys |= {r.source for r in rules.red_flags.values()} | {rules.trauma.source}
    keys |= {c.source for c in rules.conditions.values()} | {
        a.source for a in rules.advice.values()
    }
    keys |= {t.source for t in tip_texts().values()}
    dose = dose_data()
    keys |= {dose.warm_up_source, dose.walk_source, dose.desk_break_source}
    keys |= {rules.older_adult.source, rules.floor_cannot.source}
    for name in ("risk_factors.toml", "plan_notes.toml"):
        keys |= {v["source"] for v in tomllib.loads((DATA_DIR / name).read_text()).values()}
    return keys


def test_every_source_key_used_is_defined():
    assert source_keys_used() <= set(sources())


def test_every_defined_source_is_used():
    """No stale citations."""
    assert set(sources()) <= source_keys_used()


def test_every_exercise_has_its_own_picture():
    for exercise in catalogue().exercise:
        assert exercise.image_path.is_file(), exercise.id
        assert "<svg" in exercise.image_path.read_text()


def test_each_family_has_at_least_two_variants():
    for family in FAMILIES:
        assert sum(e.family == family for e in catalogue().exercise) >= 2, family


@pytest.mark.parametrize("condition", CONDITIONS)
def test_each_condition_leaves_a_safe_variant_in_every_family_but_knee_to_chest(condition):
    """Only knee-to-chest (spinal and hip flexion) may go whole, and the plan says why."""
    forbids = safety_rules().conditions[condition].forbids
    for family in FAMILIES:
        safe = [e for e in catalogue().exercise if e.family == family and not e.tags & forbids]
        assert safe or family == "knee_to_chest", (condition, family)


def test_conditions_in_the_data_match_the_profile_vocabulary():
    assert set(safety_rules().conditions) == set(CONDITIONS)


def test_every_ladder_reads_like_a_clinicians_dose_and_never_goes_down():
    """Holds of 5-60 s in clinician steps and round repetition counts; each rung at least as
    much work as the one before (the planner caps the weekly rise at 30%)."""
    for name, ladder in catalogue().ladders.items():
        for sets, reps, hold in ladder.rungs:
            assert 1 <= sets <= 3 and hold in {0, 5, 10, 15, 20, 30, 45, 60}, (name, hold)
            assert reps in {2, 3, 4, 5, 6, 8, 10, 12, 15}, (name, reps)
        volumes = [s * r * max(h, 3) for s, r, h in ladder.rungs]
        assert volumes == sorted(volumes), name


def test_no_supplements_brands_or_medicine_doses_in_any_text():
    """Tips and exercises name no supplement, product or dose."""
    texts = [t.text for t in tip_texts().values()]
    texts += [s for e in catalogue().exercise for s in (*e.steps, *e.cautions)]
    banned = re.compile(r"supplement|vitamin|magnesium|ibuprofen|naproxen|\bmg\b|brand", re.I)
    assert not [t for t in texts if banned.search(t)]


def test_every_picture_draws_its_lines_inside_its_frame():
    """fpdf2 does not clip to the viewBox, so a line outside it would print over the text."""
    for exercise in catalogue().exercise:
        svg = ElementTree.parse(exercise.image_path).getroot()
        x, y, w, h = map(float, svg.get("viewBox").split())
        assert abs(w / h - 1.5) < 0.02, exercise.id
        for line in svg.iter("{http://www.w3.org/2000/svg}line"):
            xs = (float(line.get("x1")), float(line.get("x2")))
            ys = (float(line.get("y1")), float(line.get("y2")))
            assert all(x <= v <= x + w for v in xs), (exercise.id, xs)
            assert all(y <= v <= y + h for v in ys), (exercise.id, ys)
