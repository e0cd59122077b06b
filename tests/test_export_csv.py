"""The CSV table export, parsed back with csv.DictReader."""

import csv
import dataclasses
import io

import pytest

from planner import build_plan
from planner.exports.csv_table import COLUMNS, guard, plan_csv

HEADER = "day,date,category,id,name,position,sets,reps,hold_s,sides,minutes"


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_header_names_the_columns_in_order(profile_factory):
    """The first line is exactly the documented header."""
    text = plan_csv(build_plan(profile_factory()))
    assert text.split("\r\n")[0] == HEADER
    assert tuple(HEADER.split(",")) == COLUMNS


def test_there_is_one_row_per_exercise_per_session_day(profile_factory):
    """Row count equals the week's total exercises, and the values match the plan."""
    plan = build_plan(profile_factory(days_per_week=4, start_date="2025-03-03"))
    found = rows(plan_csv(plan))
    expected = [(d, p) for d in plan.days for p in d.exercises]
    assert len(found) == len(expected)
    for row, (day, item) in zip(found, expected, strict=True):
        assert row == {
            "day": day.day,
            "date": day.date.isoformat(),
            "category": item.category,
            "id": item.id,
            "name": item.name,
            "position": item.position,
            "sets": str(item.sets),
            "reps": str(item.reps),
            "hold_s": str(item.hold_s),
            "sides": str(item.sides),
            "minutes": str(day.minutes),
        }


def test_days_without_dates_have_an_empty_date(profile_factory):
    """Without a start date, days are 'Day 1'... and the date cell is empty."""
    found = rows(plan_csv(build_plan(profile_factory())))
    assert found[0]["day"] == "Day 1"
    assert {r["date"] for r in found} == {""}


def test_lines_end_in_crlf(profile_factory):
    """RFC 4180 line endings, with no bare newlines."""
    text = plan_csv(build_plan(profile_factory()))
    assert text.endswith("\r\n")
    assert text.count("\n") == text.count("\r\n")


def test_a_red_flag_plan_gives_the_header_only(profile_factory):
    """No sessions, no rows, but still a valid table."""
    assert plan_csv(build_plan(profile_factory(red_flags=["fever"]))) == HEADER + "\r\n"


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Bird dog", "Bird dog"),
        ("", ""),
    ],
)
def test_the_formula_guard_quotes_risky_first_characters(text, safe):
    """Cells a spreadsheet would run as a formula get a leading single quote."""
    assert guard(text) == safe


def test_text_cells_of_a_crafted_plan_are_guarded(profile_factory):
    """Every text cell goes through the guard; numbers stay numbers."""
    plan = build_plan(profile_factory())
    day = plan.sessions[0]
    first = dataclasses.replace(day.exercises[0], name="=cmd|' /C calc'!A0", id="@evil")
    crafted = dataclasses.replace(day, day="+Monday", exercises=(first,))
    index = plan.days.index(day)
    plan = dataclasses.replace(plan, days=(*plan.days[:index], crafted, *plan.days[index + 1 :]))
    row = rows(plan_csv(plan))[0]
    assert row["name"] == "'=cmd|' /C calc'!A0"
    assert row["id"] == "'@evil"
    assert row["day"] == "'+Monday"
    assert row["sets"] == str(first.sets)
