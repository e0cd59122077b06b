"""The person's risk profile: the validated input of the planner (see the README's field table).

Validation is strict where safety depends on it: unknown or misspelled fields are errors (a dropped
`red_flag` would give exercises to someone who needs a doctor), the safety answers are required, and
every error names the field and what it allows.
"""

import difflib
import math
from datetime import date
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from planner.clinic import is_single_line

RED_FLAGS = (
    "limb_weakness",
    "weakness_both_legs",
    "sciatica_both_legs",
    "balance_problems",
    "limb_numbness",
    "bladder_bowel",
    "saddle_numbness",
    "pain_spreading",
    "fever",
    "cancer_history",
    "unexplained_weight_loss",
    "night_pain",
)
CONDITIONS = (
    "osteoporosis",
    "arthritis",
    "ankylosing_spondylitis",
    "pregnancy",
    "high_blood_pressure",
    "hip_replacement",
    "heart_or_kidney_disease",
)
RedFlag = Literal[RED_FLAGS]
ConditionName = Literal[CONDITIONS]
CM_PER_INCH = 2.54
KG_PER_LB = 0.45359237
NUMBER_TYPES = (int, float, float | None)  # the annotations of the profile's number fields


class Profile(BaseModel):
    """One person's answers to the safety screen and risk profile."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, str_strip_whitespace=True
    )

    name: str | None = Field(
        None, max_length=60, description="text of at most 60 characters on one line"
    )
    age: int = Field(ge=18, le=110, description="years, adults only")
    sex: Literal["female", "male", "other"]
    height_cm: float | None = Field(None, ge=100, le=250)
    weight_kg: float | None = Field(None, ge=30, le=300)
    height_in: float | None = Field(None, ge=39, le=99)
    weight_lb: float | None = Field(None, ge=66, le=660)
    sitting_hours: float = Field(ge=0, le=24, description="hours a day")
    active_days: int = Field(ge=0, le=7, description="days a week with 30+ minutes of activity")
    lifting: Literal["never", "sometimes", "often"]
    posture: Literal["good", "fair", "poor"]
    core_strength: Literal["weak", "average", "strong"]
    water_l: float = Field(ge=0, le=10, description="litres of drinks a day")
    stress: int = Field(ge=0, le=10)
    pain: int = Field(ge=0, le=10, description="pain now, 0 none to 10 worst")
    pain_weeks: int = Field(ge=0, le=520, description="weeks this episode has lasted")
    first_episode: bool = Field(False, description="first-ever episode of back pain")
    long_term_steroids: bool = Field(
        False, description="takes steroid tablets (oral corticosteroids) long-term"
    )
    recent_trauma: bool
    conditions: list[ConditionName]
    red_flags: list[RedFlag]
    days_per_week: int = Field(ge=1, le=7, description="exercise days a week")
    minutes_per_day: int = Field(ge=10, le=60, description="minutes a session")
    start_date: date | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _plain_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        # pydantic reads true as 1 and "4_7" as 47 (Python's digit grouping): `"stress": true`
        # or a slip of the finger in a spreadsheet cell would quietly become a number
        kind = cls.model_fields[info.field_name].annotation
        grouped = isinstance(value, str) and "_" in value and kind in NUMBER_TYPES
        if grouped or (isinstance(value, bool) and kind is not bool):
            shown = repr(value) if grouped else value
            raise ValueError(f"must be {allowed(info.field_name)} (got {shown})")
        return value

    @field_validator("conditions", "red_flags")
    @classmethod
    def _no_repeats(cls, items: list[str]) -> list[str]:
        return sorted(set(items), key=items.index)

    @field_validator("name")
    @classmethod
    def _printable_name(cls, name: str | None) -> str | None:
        # The same rule as the clinic header: the name prints on sheets and in calendars.
        if name is not None and not is_single_line(name):
            raise ValueError("must be a single line of text without control characters")
        return name or None

    @model_validator(mode="after")
    def _one_unit_each(self) -> "Profile":
        for metric, imperial in (("height_cm", "height_in"), ("weight_kg", "weight_lb")):
            given = [f for f in (metric, imperial) if getattr(self, f) is not None]
            if len(given) != 1:
                raise ValueError(f"{metric}: give exactly one of {metric} or {imperial}")
        return self

    @property
    def height_m(self) -> float:
        cm = self.height_cm if self.height_cm is not None else self.height_in * CM_PER_INCH
        return cm / 100

    @property
    def weight(self) -> float:
        """Body weight in kilograms, whichever unit was given."""
        return self.weight_kg if self.weight_kg is not None else self.weight_lb * KG_PER_LB

    @property
    def imperial(self) -> bool:
        return self.weight_lb is not None


class FieldProblem(BaseModel):
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ProfileError(ValueError):
    """Bad profile input; `problems` names each field and what it allows."""

    def __init__(self, problems: list[FieldProblem], row: int | None = None):
        self.problems = problems
        self.row = row
        where = f"row {row}: " if row is not None else ""
        super().__init__("\n".join(f"{where}{p}" for p in problems))


def allowed(field: str) -> str:
    """Plain words for the values a field allows."""
    info = Profile.model_fields.get(field)
    if info is None:
        return ""
    kind = info.annotation
    args = [a for a in getattr(kind, "__args__", ()) if a is not type(None)]
    if field in ("conditions", "red_flags"):
        return "a list of: " + ", ".join(CONDITIONS if field == "conditions" else RED_FLAGS)
    if getattr(kind, "__origin__", None) is Literal:
        return "one of: " + ", ".join(kind.__args__)
    bounds = {type(m).__name__: m for m in info.metadata}
    lo, hi = bounds.get("Ge"), bounds.get("Le")
    if lo and hi:
        number = "a whole number" if kind is int else "a number"
        return f"{number} from {lo.ge:g} to {hi.le:g}"
    if kind is bool:
        return "true or false"
    if date in args or kind is date:
        return "a date as YYYY-MM-DD"
    return info.description or ""


def did_you_mean(name: str) -> str:
    """The hint " (did you mean 'red_flags'?)" for a name close to a profile field, else ''."""
    close = difflib.get_close_matches(name, Profile.model_fields, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _problem(error: dict[str, Any]) -> FieldProblem:
    loc = [str(p) for p in error["loc"] if not isinstance(p, int)]
    field = loc[0] if loc else "profile"
    kind, value = error["type"], error.get("input")
    hint = allowed(field)
    if kind == "extra_forbidden":
        return FieldProblem(field=field, message=f"is not a known field{did_you_mean(field)}")
    if kind == "missing":
        return FieldProblem(field=field, message=f"is required: {hint}")
    if kind == "value_error":
        text = error["msg"].removeprefix("Value error, ")
        if not loc:  # a rule across fields names its field first: "height_cm: give exactly ..."
            field, _, text = text.partition(": ")
        return FieldProblem(field=field, message=text)
    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if isinstance(value, str) and len(value) > 30:
        value = value[:27] + "..."
    shown = repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__
    message = f"must be {hint} (got {shown})" if hint else error["msg"]
    return FieldProblem(field=field, message=message)


def parse_profile(data: Any, row: int | None = None) -> Profile:
    """Validate a profile from a dict (JSON-shaped); raise ProfileError naming every bad field."""
    if isinstance(data, Profile):
        return data
    if not isinstance(data, dict):
        raise ProfileError([FieldProblem(field="profile", message="must be a JSON object")], row)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(e) for e in exc.errors()]
        raise ProfileError(problems, row) from None
