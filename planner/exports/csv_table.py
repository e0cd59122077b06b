"""The week's plan as a CSV table: one row per exercise per session day (RFC 4180).

Rows end in CRLF ("\\r\\n", as RFC 4180 and spreadsheet programs expect): write the string to a
file opened with newline="" (or as bytes) so the line endings are not doubled. The header is
always present; a red-flag plan has no sessions, so it gives the header only. Text cells that a
spreadsheet could run as a formula get a leading single quote (`guarded_csv`, also used for the
Batch printing page's table).
"""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from planner.plan import WeekPlan

COLUMNS = (
    "day", "date", "category", "id", "name", "position",
    "sets", "reps", "hold_s", "sides", "minutes",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plan_csv(plan: WeekPlan) -> str:
    """The plan as CSV text with the COLUMNS header."""
    rows = [
        (day.day, day.date.isoformat() if day.date else "", p.category, p.id, p.name, p.position,
         p.sets, p.reps, p.hold_s, p.sides, day.minutes)
        for day in plan.days
        for p in day.exercises
    ]  # fmt: skip
    return guarded_csv(COLUMNS, rows)


def guarded_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A header and rows as CSV text (CRLF line ends), every text cell guarded (see `guard`).
    The one CSV writer for tables people open in a spreadsheet: a plan, the batch table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([guard(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()


def guard(text: str) -> str:
    """Text made safe from spreadsheet formula injection: risky first characters get a quote."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
