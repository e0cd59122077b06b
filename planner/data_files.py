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

Family = Literal[
    "pelvic_tilt",
    "knee_to_chest",
    "lower_back_stretch",
    "hamstring_stretch",
    "core",
    "strength_balance",
]
FAMILIES: tuple[str, ...] = Family.__args__
Position = Literal["supine", "prone", "side_lying", "quadruped", "seated", "standing"]
Urgency = Literal["emergency", "urgent", "soon"]
URGENCIES: tuple[str, ...] = Urgency.__args__  # most urgent first


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Ladder(_Strict):
    source: str
    note: str
    first_week_top: int = Field(ge=0)  # week 1 fills the time up to this rung at most
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
    focus: Literal["lifting", "balance", "strength"] | None = None
    daily_for: frozenset[str] = frozenset()  # conditions that add it to every session

    @property
    def image_path(self) -> Path:
        return IMAGES_DIR / f"{self.id}.svg"


class Catalogue(_Strict):
    floor_positions: frozenset[Position]
    ladders: dict[str, Ladder]
    exercise: tuple[Exercise, ...]

    @model_validator(mode="before")
    @classmethod
    def _derived_tags(cls, data: dict) -> dict:
        # "floor" and "level_3" are tags like any other, so "cannot get down to the floor" and
        # "no level-3 variants in pregnancy" are contraindications
        floor = set(data.get("floor_positions", ()))
        for e in data.get("exercise", ()):
            if e.get("position") in floor:
                e["tags"] = [*e.get("tags", ()), "floor"]
            if e.get("level") == 3:
                e["tags"] = [*e.get("tags", ()), "level_3"]
        return data

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
    floor_cannot: AgeRule


class Source(_Strict):
    citation: str


TipTopic = Literal[
    "posture", "weight", "hydration", "lifting", "stress", "flare_care", "see_a_doctor"
]


class TipText(_Strict):
    topic: TipTopic
    text: str
    source: str


class Tips(_Strict):
    titles: dict[TipTopic, str]  # one title per topic, used everywhere a tip is shown
    tip: dict[str, TipText]


class SourcedText(_Strict):
    """A plan note, desk break or other text with its source key."""

    text: str
    source: str


class RiskFactorText(_Strict):
    points: int = Field(ge=0, le=2)
    source: str
    reason: str
    evidence: str


class WarmUpItem(_Strict):
    id: str
    name: str
    minutes: int = Field(ge=1, le=3)
    instructions: str


class DeskBreak(_Strict):
    name: str
    every: str
    instructions: str


class Dose(_Strict):
    """Session-level dose data: warm-ups, walking, desk breaks (planner/data/dose.toml)."""

    warm_up_source: str
    warm_up: dict[str, tuple[WarmUpItem, ...]]
    walk_source: str
    walk_minutes: tuple[int, ...] = Field(min_length=1)
    desk_break_source: str
    desk_breaks: tuple[DeskBreak, ...]


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
def tips_data() -> Tips:
    """Tip templates and topic titles, validated."""
    return Tips.model_validate(_read(DATA_DIR / "tips.toml"))


def tip_texts() -> dict[str, TipText]:
    """Tip templates by id."""
    return tips_data().tip


def tip_title(topic: str) -> str:
    """The one title of a tip topic ("During a flare")."""
    return tips_data().titles[topic]


@cache
def note_texts() -> dict[str, SourcedText]:
    """Plan-note templates by id (why the plan looks as it does)."""
    raw = _read(DATA_DIR / "plan_notes.toml")
    return {k: SourcedText.model_validate(v) for k, v in raw.items()}


@cache
def risk_factor_texts() -> dict[str, RiskFactorText]:
    """Risk-factor templates by id, in the file's order."""
    raw = _read(DATA_DIR / "risk_factors.toml")
    return {k: RiskFactorText.model_validate(v) for k, v in raw.items()}


@cache
def dose_data() -> Dose:
    """Warm-ups, the walking ladder and desk breaks, validated."""
    return Dose.model_validate(_read(DATA_DIR / "dose.toml"))


def citation(key: str) -> str:
    """The citation text for a source key."""
    return sources()[key].citation
