"""Loads and validates BackPlan's data files (exercise catalogue, safety rules, sources, tips).

The files are read once per process; a malformed file fails loudly at import time with pydantic's
message, never halfway through building a plan.
"""

import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_FILE = ROOT / "exercises" / "catalogue.toml"
IMAGES_DIR = ROOT / "exercises" / "images"
DATA_DIR = Path(__file__).resolve().parent / "data"

Family = Literal["pelvic_tilt", "knee_to_chest", "lower_back_stretch", "hamstring_stretch", "core"]
FAMILIES: tuple[str, ...] = Family.__args__
Position = Literal["supine", "prone", "side_lying", "quadruped", "seated", "standing"]
Urgency = Literal["emergency", "urgent", "soon"]
URGENCIES: tuple[str, ...] = Urgency.__args__  # most urgent first


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ladder(_Strict):
    source: str
    note: str
    rungs: tuple[tuple[int, int, int], ...] = Field(min_length=1)


class Exercise(_Strict):
    id: str
    family: Family
    name: str
    position: Position
    level: int = Field(ge=1, le=3)
    ladder: str
    sides: int = Field(ge=1, le=2)
    tags: frozenset[str]
    source: str
    steps: tuple[str, ...] = Field(min_length=2)
    mistakes: tuple[str, ...]
    cautions: tuple[str, ...]
    easier: str | None = None
    harder: str | None = None

    @property
    def image_path(self) -> Path:
        return IMAGES_DIR / f"{self.id}.svg"


class Catalogue(_Strict):
    ladders: dict[str, Ladder]
    exercise: tuple[Exercise, ...]

    @model_validator(mode="after")
    def _references_resolve(self) -> "Catalogue":
        ids = [e.id for e in self.exercise]
        if len(ids) != len(set(ids)):
            raise ValueError("exercise ids must be unique")
        for e in self.exercise:
            if e.ladder not in self.ladders:
                raise ValueError(f"{e.id}: unknown ladder {e.ladder!r}")
            for other in (e.easier, e.harder):
                if other is not None and other not in ids:
                    raise ValueError(f"{e.id}: unknown variant {other!r}")
        return self


class UrgencyLevel(_Strict):
    headline: str
    action: str


class RedFlag(_Strict):
    label: str
    urgency: Urgency
    source: str
    why: str = ""  # what the answer can mean, when the label alone does not say it
    action: str | None = None  # when the urgency's own action needs more (who to call)


class Fracture(RedFlag):
    pointers: dict[Literal["older", "osteoporosis", "steroids"], str]
    triggers: dict[Literal["severe_pain", "trauma"], str]


class Condition(_Strict):
    label: str
    forbids: frozenset[str]
    source: str
    reason: str


class AgeRule(_Strict):
    forbids: frozenset[str]
    source: str
    reason: str


class Advice(_Strict):
    source: str
    text: str


class SafetyRules(_Strict):
    advice: dict[str, Advice]
    urgency: dict[Urgency, UrgencyLevel]
    red_flags: dict[str, RedFlag]
    trauma: RedFlag
    fracture: Fracture
    pause: RedFlag
    conditions: dict[str, Condition]
    older_adult: AgeRule


class Source(_Strict):
    citation: str


class TipText(_Strict):
    topic: Literal[
        "posture", "weight", "hydration", "lifting", "stress", "flare_care", "see_a_doctor"
    ]
    text: str
    source: str


def _read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


@cache
def catalogue() -> Catalogue:
    """The exercise catalogue, validated."""
    return Catalogue.model_validate(_read(CATALOGUE_FILE))


@cache
def exercises_by_id() -> dict[str, Exercise]:
    """Every exercise in the catalogue by its id."""
    return {e.id: e for e in catalogue().exercise}


@cache
def safety_rules() -> SafetyRules:
    """Red flags, trauma and condition rules, validated."""
    return SafetyRules.model_validate(_read(DATA_DIR / "safety.toml"))


@cache
def sources() -> dict[str, Source]:
    """Citations by key."""
    return {k: Source.model_validate(v) for k, v in _read(DATA_DIR / "sources.toml").items()}


@cache
def tip_texts() -> dict[str, TipText]:
    """Tip templates by id."""
    return {k: TipText.model_validate(v) for k, v in _read(DATA_DIR / "tips.toml").items()}


def citation(key: str) -> str:
    """The citation text for a source key."""
    return sources()[key].citation
