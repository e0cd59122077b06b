"""The one place the pages read the clock (tests replace these two functions)."""

from datetime import UTC, date, datetime


def today() -> date:
    """Today's date, on this server."""
    return date.today()


def now() -> datetime:
    """The time now, in UTC (for the audit trail, file names and exports)."""
    return datetime.now(UTC)
