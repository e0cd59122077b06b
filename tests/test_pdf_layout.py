"""Print checks on the sheet and the booklet, read back from the PDF: every run of text is at least
9 pt, sits inside the page margins, and overlaps no other run."""

import io
from dataclasses import dataclass
from itertools import combinations

import pytest
from pypdf import PdfReader

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.exports import pdf_style, pdf_text
from planner.exports.pdf_booklet import booklet_pdf
from planner.exports.pdf_sheet import plan_pdf
from planner.profile import RED_FLAGS

PT_PER_MM = 72 / 25.4
ASCENT, DESCENT = 0.76, 0.24  # DejaVu Sans, as a share of the font size
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


@dataclass(frozen=True)
class Run:
    """One piece of text as printed: its box in points (origin bottom left) and its size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    def overlaps(self, other: "Run", slack: float = 0.3) -> bool:
        return (
            self.x0 < other.x1 - slack
            and other.x0 < self.x1 - slack
            and self.y0 < other.y1 - slack
            and other.y0 < self.y1 - slack
        )


def runs_of(page) -> list[Run]:
    """Every non-blank run of text on the page, measured with the font it is set in."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        text = text.strip()
        if not text or font is None:
            return
        bold = "Bold" in str(font.get("/BaseFont", ""))
        width = pdf_text.string_width(text, size, bold) * PT_PER_MM
        x, y = tm[4], tm[5]
        found.append(Run(text, x, y - DESCENT * size, x + width, y + ASCENT * size, size))

    page.extract_text(visitor_text=visit)
    return found


def problems(data: bytes) -> list[str]:
    """Everything that would print badly, one line each (empty when the PDF is clean)."""
    found = []
    margin = pdf_style.MARGIN * PT_PER_MM - 0.5
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        runs = runs_of(page)
        if len(runs) < 10:
            found.append(f"page {number}: only {len(runs)} runs of text")
        for run in runs:
            if run.size < pdf_style.MIN_PT:
                found.append(f"page {number}: {run.text!r} is {run.size} pt")
            if run.x0 < margin or run.x1 > width - margin:
                found.append(f"page {number}: {run.text!r} runs past a side margin")
            if run.y0 < margin or run.y1 > height - margin:
                found.append(f"page {number}: {run.text!r} runs past the top or bottom margin")
        for a, b in combinations(runs, 2):
            if a.overlaps(b):
                found.append(f"page {number}: {a.text!r} overlaps {b.text!r}")
    return found


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
    pdf = pdf_style.new_document("a4", "overlap")
    pen = pdf_style.Pen(pdf)
    for text in ("first words here", "second words here", "more", "and more", "x", "y", "z"):
        pen.text(30, 30 + 5 * len(text), 80, text, 10)
    for text in ("Overlapping", "Overlapping too", "ok"):
        pen.text(30, 150, 80, text, 10)
    found = problems(bytes(pdf.output()))
    assert any("overlaps" in line for line in found)


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
