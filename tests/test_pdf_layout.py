"""Print checks on the sheet and the booklet, read back from the PDF: every run of text is at least
9 pt, sits inside the page margins, and overlaps no other run."""

import pytest
import typst

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.exports import pdf_style
from planner.exports.pdf_booklet import booklet_pdf
from planner.exports.pdf_sheet import plan_pdf
from planner.profile import RED_FLAGS
from tests.pdf_checks import problems

LONG_NAME = "Zoë Łukasiewicz-Ñúñez Ångström-Øyen Maximiliana Wolkenstein"  # 60 characters
BUSY = {
    "days_per_week": 7,
    "minutes_per_day": 60,
    "core_strength": "weak",
    "lifting": "often",
    "age": 70,
    "start_date": "2025-12-29",
}
WIDEST_CLINIC = ClinicHeader("W" * 60, "M" * 100)
OVERLAPPING = """
#set page(paper: "a4", margin: 20mm)
#set text(font: "DejaVu Sans", size: 10pt)
#for word in ("first words here", "second words here", "more", "and more", "x", "y", "z") [
  #word \
]
#place(top + left, dy: 100mm)[Overlapping]
#place(top + left, dy: 100mm)[Overlapping too]
#place(top + left, dy: 120mm)[ok]
"""


def plans(weeks: int = 4, **changes):
    profile = parse_profile(
        {
            "name": "Alex Example", "age": 45, "sex": "female", "height_cm": 168,
            "weight_kg": 70, "sitting_hours": 5, "active_days": 3, "lifting": "sometimes",
            "posture": "fair", "core_strength": "average", "water_l": 1.5, "stress": 4,
            "pain": 4, "pain_weeks": 2, "recent_trauma": False, "conditions": [],
            "red_flags": [], "days_per_week": 3, "minutes_per_day": 15,
        } | changes
    )  # fmt: skip
    return profile, [build_plan(profile, week) for week in range(1, weeks + 1)]


def test_the_checker_finds_overlapping_runs():
    """Two runs drawn on top of each other are reported, so a clean result means something."""
    fonts = typst.Fonts(False, False, [str(pdf_style.FONT_DIR)])
    found = problems(typst.compile(OVERLAPPING.encode(), font_paths=fonts))
    assert "page 1: 'Overlapping' overlaps 'Overlapping too'" in found
    assert not [line for line in found if "'ok'" in line or "words here" in line]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "case",
    [
        {"days_per_week": 3},
        BUSY,
        BUSY | {"name": LONG_NAME},
        {"conditions": ["pregnancy", "high_blood_pressure"], "days_per_week": 6},
        {"red_flags": list(RED_FLAGS), "recent_trauma": True, "name": LONG_NAME},
    ],
    ids=["plain", "busy", "busy-long-name", "pregnancy", "every-red-flag"],
)
def test_the_weekly_sheet_prints_cleanly(case, paper):
    """No tiny text, nothing past the margins, no overlaps: with and without a clinic header."""
    _, (plan, *_) = plans(weeks=1, **case)
    assert problems(plan_pdf(plan, paper=paper)) == []
    assert problems(plan_pdf(plan, paper=paper, clinic=WIDEST_CLINIC)) == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "case",
    [
        {},
        BUSY | {"name": LONG_NAME},
        {"conditions": ["osteoporosis", "hip_replacement", "high_blood_pressure"], "age": 81},
    ],
    ids=["plain", "busy-long-name", "many-conditions"],
)
def test_the_booklet_prints_cleanly(case, paper):
    """Every page of the four-week booklet, with the widest clinic header, prints cleanly."""
    profile, weekly = plans(**case)
    data = booklet_pdf(weekly, paper=paper, clinic=WIDEST_CLINIC, profile=profile)
    assert problems(data) == []
