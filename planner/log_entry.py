"""The session log: how each session went and the pain before and after (0-10), and reading a
log given as dicts (a JSON file, the app's export), each entry counted in its date's week."""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planner.clinic import is_single_line
from planner.guidelines import MAX_WEEK
from planner.profile import FieldProblem, ProfileError

Status = Literal["done", "partly", "skipped"]


class LogEntry(BaseModel):
    """A session day's record. `week` is the programme week the session belonged to."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    day: date
    # strict: a whole number, never true for 1 or "5" for 5 (an import is JSON, not a form)
    week: int = Field(ge=1, le=MAX_WEEK, strict=True)
    status: Status
    pain_before: int | None = Field(None, ge=0, le=10, strict=True)
    pain_after: int | None = Field(None, ge=0, le=10, strict=True)
    note: str = Field("", max_length=500)

    @field_validator("note")
    @classmethod
    def _readable_note(cls, note: str) -> str:
        # Line breaks are fine in a note; other control characters (NUL, which PostgreSQL refuses,
        # escape codes) and bidi overrides are not.
        if not is_single_line(note.replace("\r\n", " ").replace("\n", " ")):
            raise ValueError("must be plain text without control characters")
        return note


class LogError(ProfileError):
    """Bad session-log input; `problems` name each entry's field ("log[2].pain_after")."""


def _allowed(field: str) -> str:
    """Plain words for the values a log field allows."""
    info = LogEntry.model_fields[field]
    if field == "day":
        return "a date as YYYY-MM-DD"
    if field == "status":
        return "one of: " + ", ".join(Status.__args__)
    if field == "note":
        return "plain text of at most 500 characters"
    bounds = {type(m).__name__: m for m in info.metadata}
    return f"a whole number from {bounds['Ge'].ge} to {bounds['Le'].le}"


def _problems(index: int, error: ValidationError) -> list[FieldProblem]:
    problems = []
    for e in error.errors():
        field = str(e["loc"][0]) if e["loc"] else ""
        where = f"log[{index}].{field}" if field else f"log[{index}]"
        if e["type"] == "extra_forbidden":
            message = "is not a known field (day, week, status, pain_before, pain_after, note)"
        elif e["type"] == "missing":
            message = f"is required: {_allowed(field)}"
        elif e["type"] == "model_type":
            message = "must be a JSON object with day, week, status, pain_before, pain_after, note"
        else:
            value = e.get("input")
            shown = repr(value)[:30] if isinstance(value, str | int | float | bool) else ""
            message = f"must be {_allowed(field)}" + (f" (got {shown})" if shown else "")
        problems.append(FieldProblem(field=where, message=message))
    return problems


def programme_week_of(day: date, start: date) -> int | None:
    """The programme week a day falls in (week 1 is the first 7 days), None before the start or
    past the last week."""
    week = (day - start).days // 7 + 1
    return week if 1 <= week <= MAX_WEEK else None


def _entry(index: int, raw: Any, start: date | None) -> LogEntry:
    if isinstance(raw, LogEntry):
        return raw
    if isinstance(raw, dict) and start is not None and "week" not in raw:
        raw = {**raw, "week": 1}  # the week follows from the day below
    try:
        return LogEntry.model_validate(raw)
    except ValidationError as exc:
        raise LogError(_problems(index, exc)) from None


def parse_log(entries: Any, start: date | None = None) -> list[LogEntry]:
    """Validate a session log: LogEntry objects or JSON-shaped dicts (as in the app's export).

    With a programme start, each entry counts in its date's programme week (whatever week was open
    when it was saved), and entries dated before the start are left out. Raises LogError naming
    every bad entry's field, and any day logged twice.
    """
    if not isinstance(entries, list | tuple):
        raise LogError([FieldProblem(field="log", message="must be a list of log entries")])
    problems, parsed, seen = [], [], {}
    for index, raw in enumerate(entries):
        try:
            entry = _entry(index, raw, start)
        except LogError as exc:
            problems += exc.problems
            continue
        if entry.day in seen:
            message = f"{entry.day} is logged twice (also log[{seen[entry.day]}])"
            problems.append(FieldProblem(field=f"log[{index}].day", message=message))
        seen.setdefault(entry.day, index)
        parsed.append(entry)
    if problems:
        raise LogError(problems)
    if start is None:
        return parsed
    dated = [(e, programme_week_of(e.day, start)) for e in parsed]
    return [e if e.week == w else e.model_copy(update={"week": w}) for e, w in dated if w]
