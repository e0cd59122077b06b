"""Every numeric bound of the profile and the session log, named once, with its unit and words.

The pydantic models (`planner.profile.Profile`, `planner.log_entry.LogEntry`), the database
columns (`storage.models`), the error messages (`planner.profile.allowed`) and the page widgets
(sliders, pain buttons, text lengths) all read these constants, so a bound changes in one place.
"""

from dataclasses import dataclass
from datetime import date

from planner.guidelines import MAX_WEEK


@dataclass(frozen=True)
class Bound:
    """A closed range of numbers: `low` to `high` in `unit`; `words` say what the number is."""

    low: int | float
    high: int | float
    unit: str
    words: str
    whole: bool = True

    def allowed(self) -> str:
        """'a whole number from 18 to 110', the words every message about the field uses."""
        number = "a whole number" if self.whole else "a number"
        return f"{number} from {self.low:g} to {self.high:g}"

    def steps(self) -> tuple[int, ...]:
        """Every whole number of the range, lowest first (for buttons and sliders)."""
        if not self.whole:
            raise ValueError(f"{self.words}: not a range of whole numbers")
        return tuple(range(int(self.low), int(self.high) + 1))


@dataclass(frozen=True)
class Length:
    """Text of at most `most` characters; `more` adds what else it must be."""

    most: int
    more: str = ""

    def allowed(self) -> str:
        """'text of at most 60 characters on one line'."""
        return f"text of at most {self.most} characters{self.more}"


@dataclass(frozen=True)
class Dates:
    """Dates up to `last`, the last one allowed; `words` say what the date is."""

    last: date
    words: str

    def allowed(self) -> str:
        """'a date as YYYY-MM-DD, at the latest 9988-12-31'."""
        return f"a date as YYYY-MM-DD, at the latest {self.last.isoformat()}"


Limit = Bound | Length | Dates  # anything whose allowed() says in words what a field takes


# --- The profile ----------------------------------------------------------------------------------
AGE = Bound(18, 110, "years", "years, adults only")
HEIGHT_CM = Bound(100, 250, "cm", "height in centimetres", whole=False)
WEIGHT_KG = Bound(30, 300, "kg", "weight in kilograms", whole=False)
HEIGHT_IN = Bound(39, 99, "in", "height in inches", whole=False)
WEIGHT_LB = Bound(66, 660, "lb", "weight in pounds", whole=False)
SITTING_HOURS = Bound(0, 24, "hours", "hours a day", whole=False)
ACTIVE_DAYS = Bound(0, 7, "days", "days a week with 30+ minutes of activity")
WATER_L = Bound(0, 10, "litres", "litres of drinks a day", whole=False)
STRESS = Bound(0, 10, "points", "stress, 0 none to 10 extreme")
PAIN = Bound(0, 10, "points", "pain, 0 none to 10 worst")  # the profile's and the log's scale
PAIN_WEEKS = Bound(0, 520, "weeks", "weeks this episode has lasted")
DAYS_PER_WEEK = Bound(1, 7, "days", "exercise days a week")
MINUTES_PER_DAY = Bound(10, 60, "minutes", "minutes a session")
NAME = Length(60, " on one line")
# Python's dates end on 9999-12-31 and a programme runs up to MAX_WEEK (520) weeks from its start:
# a later start would make week 520's dates (and a calendar's events) overflow.
START_DATE = Dates(date(9988, 12, 31), "the programme's first day")

# --- The session log ------------------------------------------------------------------------------
WEEK = Bound(1, MAX_WEEK, "weeks", "the programme week of the session")
NOTE = Length(500)

PROFILE_LIMITS: dict[str, Limit] = {
    "name": NAME,
    "age": AGE,
    "height_cm": HEIGHT_CM,
    "weight_kg": WEIGHT_KG,
    "height_in": HEIGHT_IN,
    "weight_lb": WEIGHT_LB,
    "sitting_hours": SITTING_HOURS,
    "active_days": ACTIVE_DAYS,
    "water_l": WATER_L,
    "stress": STRESS,
    "pain": PAIN,
    "pain_weeks": PAIN_WEEKS,
    "days_per_week": DAYS_PER_WEEK,
    "minutes_per_day": MINUTES_PER_DAY,
    "start_date": START_DATE,
}
LOG_LIMITS: dict[str, Limit] = {
    "week": WEEK,
    "pain_before": PAIN,
    "pain_after": PAIN,
    "note": NOTE,
}
