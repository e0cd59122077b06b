"""What every printed document shares: papers, the smallest text, sources, dates, tips, frame.

The layout itself lives in the Typst templates (templates/); this module only prepares their data.
"""

import re
from bisect import bisect_right
from datetime import date
from functools import cache
from pathlib import Path

from planner.clinic import ClinicHeader
from planner.data_files import tip_title
from planner.plan import WeekPlan

PAPERS = {"a4": "a4", "letter": "us-letter"}  # our names -> Typst's paper names
MARGIN = 12.0  # mm, as in templates/style.typ
MIN_PT = 9.0  # no text is set smaller (templates/style.typ's `small`)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
TIP_TOPICS = ("posture", "hydration", "lifting", "flare_care", "weight", "stress")
SHEET_TIPS = 3  # tips on a weekly sheet, whole and the same on every paper

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
FONT_FILES = (FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf")
COVERAGE_FILE = FONT_DIR / "coverage.txt"  # what both faces draw, made by tests/font_coverage.py

SOURCES_LINE = (
    "Sources: ACSM Guidelines (2021); NHS Inform; McGill; IFOMPT red flags (Finucane 2020); "
    "Cochrane (Dahm 2010)."
)
RED_FLAG_SOURCES_LINE = (
    "Sources: British Association of Spine Surgeons, cauda equina standards (2018); IFOMPT "
    "red-flag framework (Finucane 2020); NICE CKS sciatica, 'Interpreting red flags'."
)


def paper_format(paper: str) -> str:
    """Typst's paper name for 'a4' or 'letter'; ValueError for anything else."""
    if paper not in PAPERS:
        raise ValueError(f"paper: must be one of {', '.join(PAPERS)}, not {paper!r}")
    return PAPERS[paper]


@cache
def _coverage() -> tuple[list[int], list[int]]:
    """The (firsts, lasts) of the code-point runs both DejaVu faces draw (read from a small text
    file: opening the fonts to ask took longer than typesetting a sheet)."""
    firsts, lasts = [], []
    for line in COVERAGE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, last = line.split("-")
            firsts.append(int(first, 16))
            lasts.append(int(last, 16))
    return firsts, lasts


def drawable(ch: str) -> bool:
    """Whether both DejaVu faces have a glyph for the character."""
    firsts, lasts = _coverage()
    i = bisect_right(firsts, ord(ch)) - 1
    return i >= 0 and ord(ch) <= lasts[i]


def one_line(text: str) -> str:
    """User-typed text on one line, each character the font cannot draw replaced by '?'."""
    return "".join(ch if drawable(ch) else "?" for ch in re.sub(r"\s+", " ", text).strip())


def frame(plan: WeekPlan, paper: str, clinic: ClinicHeader | None, **kw) -> dict:
    """What frames every page: paper, title, clinic header, disclaimer and sources.
    kw: title, sources, page_numbers."""
    return {
        "paper": paper_format(paper),
        "title": kw["title"],
        "clinic": clinic and {"name": one_line(clinic.name), "contact": one_line(clinic.contact)},
        "disclaimer": plan.disclaimer,
        "sources": kw.get("sources", SOURCES_LINE),
        "page-numbers": kw.get("page_numbers", False),
    }


def short_date(day: date, year: bool = False) -> str:
    """'3 Mar' or '3 Mar 2025', independent of the machine's locale."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def span(dates: list[date]) -> str:
    """'3 Mar - 9 Mar 2025' for the first and last of `dates`, or '' without dates."""
    if not dates:
        return ""
    first, last = dates[0], dates[-1]
    return f"{short_date(first, year=first.year != last.year)} - {short_date(last, year=True)}"


def date_range(plan: WeekPlan) -> str:
    """The week's date range, or '' when the days have no dates."""
    return span([d.date for d in plan.days if d.date])


def week_label(plan: WeekPlan) -> str:
    """'Week 2' or 'Week 2: 10 Mar - 16 Mar 2025'."""
    dates = date_range(plan)
    return f"Week {plan.week}: {dates}" if dates else f"Week {plan.week}"


def topic_label(topic: str) -> str:
    """The one title of a tip topic, from the tips data ("During a flare")."""
    return tip_title(topic)


def pick_tips(plan: WeekPlan, count: int) -> list[dict]:
    """Up to `count` whole tips, one per topic in TIP_TOPICS order, as {label, text}."""
    first: dict[str, str] = {}
    for tip in plan.tips:
        first.setdefault(tip.topic, tip.text)
    topics = [t for t in TIP_TOPICS if t in first][:count]
    return [{"label": topic_label(t), "text": first[t]} for t in topics]
