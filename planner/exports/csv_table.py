"""The week's plan as a CSV table: one row per exercise per session day (RFC 4180).

Rows end in CRLF ("\\r\\n", as RFC 4180 and spreadsheet programs expect): write the string to a
file opened with newline="" (or as bytes) so the line endings are not doubled. The header is
always present; a red-flag plan has no sessions, so it gives the header only. Text cells that a
spreadsheet could run as a formula get a leading single quote.
"""

import csv
import io

from planner.plan import WeekPlan

COLUMNS = (
    "day", "date", "category", "id", "name", "position",
    "sets", "reps", "hold_s", "sides", "minutes",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plan_csv(plan: WeekPlan) -> str:
    """The plan as CSV text with the COLUMNS header."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for day in plan.days:
        for p in day.exercises:
            when = day.date.isoformat() if day.date else ""
            row = (day.day, when, p.category, p.id, p.name, p.position)
            writer.writerow(
                [guard(v) for v in row] + [p.sets, p.reps, p.hold_s, p.sides, day.minutes]
            )
    return out.getvalue()


def guard(text: str) -> str:
    """Text made safe from spreadsheet formula injection: risky first characters get a quote."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
