"""The resolved weekly plan: small frozen dataclasses whose `to_dict()` is the JSON contract."""

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any

from planner.guidelines import SECONDS_PER_REP_MIN

DISCLAIMER = (
    "BackPlan gives general exercise and self-care information. It is not a substitute for a "
    "clinician: if in doubt, or if pain gets worse, see a doctor or physiotherapist."
)

_PLAIN = (str, int, float, type(None))  # JSON values kept as they are (bool is an int)


@dataclass(frozen=True)
class Prescription:
    """One exercise on one day, with its dose. Reps and holds are per side when `sides` is 2."""

    id: str
    category: str
    name: str
    position: str
    sets: int
    reps: int
    hold_s: int
    sides: int
    instructions: tuple[str, ...]
    seconds: int  # honest estimate including holds, changes of side and rests

    @property
    def dose_text(self) -> str:
        """'2 sets x 8 reps, hold 5 s, each side' in plain words."""
        parts = [f"{self.sets} set{'s' * (self.sets > 1)} x {self.reps} reps"]
        if self.hold_s:
            parts.append(f"hold {self.hold_s} s")
        if self.sides == 2:
            parts.append("each side")
        return ", ".join(parts)

    @property
    def volume(self) -> int:
        """Seconds under exercise (holds, or a minimum per rep): caps the weekly increase."""
        return self.sets * self.reps * self.sides * max(self.hold_s, SECONDS_PER_REP_MIN)


@dataclass(frozen=True)
class WarmUp:
    """One item of light movement before the exercises."""

    id: str
    name: str
    minutes: int
    instructions: str


@dataclass(frozen=True)
class DeskBreak:
    """A movement to do every hour of sitting."""

    name: str
    every: str
    instructions: str


@dataclass(frozen=True)
class Day:
    day: str
    date: date | None
    exercises: tuple[Prescription, ...]
    warm_up: tuple[WarmUp, ...] = ()
    walk_min: int = 0  # an easy walk after the exercises
    minutes: int = field(init=False)  # warm-up, exercises with their rests, and the walk

    def __post_init__(self) -> None:
        # a field, not a property, so that the JSON writer serialises the dataclass as it is
        warm = sum(w.minutes for w in self.warm_up)
        object.__setattr__(self, "minutes", warm + self.exercise_minutes + self.walk_min)

    @property
    def exercise_minutes(self) -> int:
        seconds = sum(p.seconds for p in self.exercises)
        return -(-seconds // 60)  # round up: never promise less time than it takes

    @property
    def is_session(self) -> bool:
        return bool(self.exercises)


@dataclass(frozen=True)
class RiskFactor:
    id: str
    reason: str
    evidence: str
    source: str
    points: int


@dataclass(frozen=True)
class Risk:
    level: str
    factors: tuple[RiskFactor, ...]


@dataclass(frozen=True)
class Tip:
    topic: str
    title: str  # one title per topic, from the data
    text: str
    source: str


@dataclass(frozen=True)
class Note:
    """Why the plan looks as it does: one choice, its reason and its source."""

    id: str
    text: str
    source: str


@dataclass(frozen=True)
class Stop:
    """One reason the plan does not go ahead: which answer, how urgent, what to do."""

    id: str  # the red flag's id, "recent_trauma", "fracture_suspected" or "pain_not_settling"
    label: str
    urgency: str  # "emergency", "urgent" or "soon"
    message: str

    def __str__(self) -> str:
        """The stop as one line of stop_reasons: 'label: message'."""
        return f"{self.label}: {self.message}"


@dataclass(frozen=True)
class WeekPlan:
    safe_to_exercise: bool
    stop_reasons: tuple[str, ...]
    urgency: str | None  # "emergency", "urgent", "soon" or None
    risk: Risk
    week: int
    days: tuple[Day, ...]
    tips: tuple[Tip, ...]
    bmi: float
    bmi_band: str
    water_target_l: float | None
    name: str | None = None
    notes: tuple[Note, ...] = ()
    advice: tuple[str, ...] = ()  # see-a-doctor advice that does not stop the plan
    progression: Note | None = None  # which log rule set this week's doses, when a log was given
    removed_families: tuple[Note, ...] = ()
    desk_breaks: tuple[DeskBreak, ...] = ()  # "every hour" movements for people who sit a lot
    stops: tuple[Stop, ...] = ()  # stop_reasons with their ids and levels, most urgent first
    disclaimer: str = DISCLAIMER

    @property
    def sessions(self) -> tuple[Day, ...]:
        return tuple(d for d in self.days if d.is_session)

    @property
    def volume(self) -> int:
        return sum(p.volume for d in self.days for p in d.exercises)

    def to_dict(self) -> dict[str, Any]:
        """The plan as JSON-ready data: lists, ISO dates, and each day's minutes."""
        return _jsonable(self)


def _jsonable(value: Any) -> Any:
    """Dataclasses as dicts of their fields, tuples as lists, dates as ISO text, in one pass
    (dataclasses.asdict deep-copies every value first, which was most of the cost)."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return {name: _jsonable(getattr(value, name)) for name in _field_names(type(value))}


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names (a TypeError for anything else: no silent guess)."""
    return tuple(f.name for f in fields(cls))
