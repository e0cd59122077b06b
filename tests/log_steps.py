"""Session logs for the tests: a week of entries written as letters."""

from datetime import date, timedelta

from planner.log_entry import LogEntry

MONDAY = date(2026, 11, 30)


def week_log(week: int, statuses: str, before: int | None = 4, after: int | None = 4) -> list:
    """Entries for a week: statuses as letters, d(one) p(artly) s(kipped)."""
    names = {"d": "done", "p": "partly", "s": "skipped"}
    first = MONDAY + timedelta(weeks=week - 1)
    return [
        LogEntry(
            day=first + timedelta(days=i),
            week=week,
            status=names[c],
            pain_before=before,
            pain_after=after,
        )
        for i, c in enumerate(statuses)
    ]
