"""The session log: how each session went and the pain before and after (0-10), and reading a
log given as dicts (a JSON file, the app's export), each entry counted in its date's week."""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planner import limits as lim
from planner.clinic import is_single_line
from planner.guidelines import MAX_WEEK
from planner.problems import FieldProblem, InputError, allowed_values, plain_problems

Status = Literal["done", "partly", "skipped"]


class LogEntry(BaseModel):
    """A session day's record. `week` is the programme week the session belonged to."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    day: date
    # strict: a whole number, never true for 1 or "5" for 5 (an import is JSON, not a form)
    week: int = Field(ge=lim.WEEK.low, le=lim.WEEK.high, strict=True)
    status: Status
    pain_before: int | None = Field(None, ge=lim.PAIN.low, le=lim.PAIN.high, strict=True)
    pain_after: int | None = Field(None, ge=lim.PAIN.low, le=lim.PAIN.high, strict=True)
    note: str = Field("", max_length=lim.NOTE.most)

    @field_validator("note")
    @classmethod
    def _readable_note(cls, note: str) -> str:
        # Line breaks are fine in a note; other control characters (NUL, which PostgreSQL refuses,
        # escape codes) and bidi overrides are not.
        if not is_single_line(note.replace("\r\n", " ").replace("\n", " ")):
            raise ValueError("must be plain text without control characters")
        return note


class LogEntryError(InputError):
    """Bad session-log input; `problems` name each field, by entry in a log ("log[2].week")."""


LogError = LogEntryError  # the name the log readers use; one class for every log problem


def allowed(field: str) -> str:
    """Plain words for the values a log entry's field allows."""
    return allowed_values(LogEntry, field, lim.LOG_LIMITS)


def parse_log_entry(data: dict[str, Any]) -> LogEntry:
    """Validate one log entry; raise LogEntryError naming every bad field."""
    try:
        return LogEntry.model_validate(data)
    except ValidationError as exc:
        found = plain_problems(exc, allowed, LogEntry.model_fields, items=False, root="log entry")
        raise LogEntryError(found) from None


def programme_week_of(day: date, start: date) -> int | None:
    """The programme week a day falls in (week 1 is the first 7 days), None before the start or
    past the last week."""
    week = (day - start).days // 7 + 1
    return week if 1 <= week <= MAX_WEEK else None


def _entry(index: int, raw: Any, start: date | None) -> LogEntry:
    """One entry of a log, its problems named "log[index].field"."""
    if isinstance(raw, LogEntry):
        return raw
    if isinstance(raw, dict) and start is not None and "week" not in raw:
        raw = {**raw, "week": 1}  # the week follows from the day (parse_log)
    try:
        return parse_log_entry(raw)
    except LogEntryError as exc:
        where = f"log[{index}]"
        named = [
            FieldProblem(where if p.field == "log entry" else f"{where}.{p.field}", p.message)
            for p in exc.problems
        ]
        raise LogEntryError(named) from None


def parse_log(entries: Any, start: date | None = None) -> list[LogEntry]:
    """Validate a session log: LogEntry objects or JSON-shaped dicts (as in the app's export).

    With a programme start, each entry counts in its date's programme week (whatever week was open
    when it was saved), and entries dated before the start are left out. Raises LogEntryError
    naming every bad entry's field, and any day logged twice.
    """
    if not isinstance(entries, list | tuple):
        raise LogEntryError([FieldProblem(field="log", message="must be a list of log entries")])
    problems, parsed, seen = [], [], {}
    for index, raw in enumerate(entries):
        try:
            entry = _entry(index, raw, start)
        except LogEntryError as exc:
            problems += exc.problems
            continue
        if entry.day in seen:
            message = f"{entry.day} is logged twice (also log[{seen[entry.day]}])"
            problems.append(FieldProblem(field=f"log[{index}].day", message=message))
        seen.setdefault(entry.day, index)
        parsed.append(entry)
    if problems:
        raise LogEntryError(problems)
    if start is None:
        return parsed
    dated = [(e, programme_week_of(e.day, start)) for e in parsed]
    return [e if e.week == w else e.model_copy(update={"week": w}) for e, w in dated if w]
