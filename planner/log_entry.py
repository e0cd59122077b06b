"""One entry of the session log: how a session went and the pain before and after (0-10)."""

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from planner import limits as lim
from planner.clinic import is_single_line
from planner.problems import InputError, allowed_values, plain_problems

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
    """A log entry that cannot be kept; `problems` names each field and what it allows."""


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
