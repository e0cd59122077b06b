"""One entry of the session log: how a session went and the pain before and after (0-10)."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from planner.guidelines import MAX_WEEK

Status = Literal["done", "partly", "skipped"]


class LogEntry(BaseModel):
    """A session day's record. `week` is the programme week the session belonged to."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    day: date
    week: int = Field(ge=1, le=MAX_WEEK)
    status: Status
    pain_before: int | None = Field(None, ge=0, le=10)
    pain_after: int | None = Field(None, ge=0, le=10)
    note: str = Field("", max_length=500)
