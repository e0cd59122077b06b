"""One entry of the session log: how a session went and the pain before and after (0-10)."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planner.clinic import is_single_line
from planner.guidelines import MAX_WEEK

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
