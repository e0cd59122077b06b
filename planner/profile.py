"""The person's risk profile: the validated input of the planner (see the README's field table).

Validation is strict where safety depends on it: unknown or misspelled fields are errors (a dropped
`red_flag` would give exercises to someone who needs a doctor), the safety answers are required, and
every error names the field and what it allows.
"""

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

from planner import limits as lim
from planner import problems
from planner.clinic import is_single_line
from planner.names import clean_name, has_visible_character
from planner.problems import FieldProblem, InputError, allowed_values, plain_problems

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


def _within(bound: lim.Bound, *default: Any) -> Any:
    """A pydantic Field bounded by a named limit, with the limit's words as its description."""
    return Field(*default, ge=bound.low, le=bound.high, description=bound.words)


class Profile(BaseModel):
    """One person's answers to the safety screen and risk profile."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, str_strip_whitespace=True
    )

    name: str | None = Field(None, max_length=lim.NAME.most, description=lim.NAME.allowed())
    age: int = _within(lim.AGE)
    sex: Literal["female", "male", "other"]
    height_cm: float | None = _within(lim.HEIGHT_CM, None)
    weight_kg: float | None = _within(lim.WEIGHT_KG, None)
    height_in: float | None = _within(lim.HEIGHT_IN, None)
    weight_lb: float | None = _within(lim.WEIGHT_LB, None)
    sitting_hours: float = _within(lim.SITTING_HOURS)
    active_days: int = _within(lim.ACTIVE_DAYS)
    lifting: Literal["never", "sometimes", "often"]
    posture: Literal["good", "fair", "poor"]
    core_strength: Literal["weak", "average", "strong"]
    water_l: float = _within(lim.WATER_L)
    stress: int = _within(lim.STRESS)
    pain: int = _within(lim.PAIN)
    pain_weeks: int = _within(lim.PAIN_WEEKS)
    first_episode: bool = Field(False, description="first-ever episode of back pain")
    long_term_steroids: bool = Field(
        False, description="takes steroid tablets (oral corticosteroids) long-term"
    )
    recent_trauma: bool
    conditions: list[ConditionName]
    red_flags: list[RedFlag]
    days_per_week: int = _within(lim.DAYS_PER_WEEK)
    minutes_per_day: int = _within(lim.MINUTES_PER_DAY)
    floor: Literal["easy", "hard", "cannot"] = Field(
        "easy", description="getting down to the floor and up again"
    )
    screen_work: bool = Field(False, description="works at a screen")
    start_date: date | None = Field(None, le=lim.START_DATE.last, description=lim.START_DATE.words)

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

    @field_validator("name", mode="before")
    @classmethod
    def _one_form(cls, name: Any) -> Any:
        # Before the length limit and the stripping of spaces, so they see the name as kept. Only
        # spaces is no name at all; anything else must show.
        if not isinstance(name, str):
            return name
        kept = clean_name(name)
        if name.strip() and not has_visible_character(kept):
            raise ValueError("must have a character that shows, not only spaces or invisible ones")
        return kept

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


class ProfileError(InputError):
    """Bad profile input; `problems` names each field and what it allows."""


def allowed(field: str) -> str:
    """Plain words for the values a profile field allows."""
    return allowed_values(Profile, field, lim.PROFILE_LIMITS)


def did_you_mean(name: str) -> str:
    """The hint " (did you mean 'red_flags'?)" for a name close to a profile field, else ''."""
    return problems.did_you_mean(name, Profile.model_fields)


def parse_profile(data: Any, row: int | None = None) -> Profile:
    """Validate a profile from a dict (JSON-shaped); raise ProfileError naming every bad field."""
    if isinstance(data, Profile):
        return data
    if not isinstance(data, dict):
        raise ProfileError([FieldProblem(field="profile", message="must be a JSON object")], row)
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        found = plain_problems(exc, allowed, Profile.model_fields, items=False, root="profile")
        raise ProfileError(found, row) from None
