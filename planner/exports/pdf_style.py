"""Shared look of BackPlan's printed sheets (fpdf2): paper, fonts, colours, sizes, a measuring pen.

Everything prints well in black and white: colours only add emphasis and fills stay light grey.
No text is ever set below MIN_PT. Lengths are millimetres; names ending in _PT are points.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from fpdf import FPDF, XPos, YPos

from planner.clinic import ClinicHeader
from planner.data_files import tip_title
from planner.exports.pdf_text import (
    FAMILY,
    FONT_FILES,
    printable,
    right_to_left,
    shorten,
    string_width,
    wrap,
)
from planner.plan import WeekPlan

PAPERS = {"a4": "A4", "letter": "Letter"}
MARGIN = 12.0
# A fixed creation date, so the same plan always gives byte-identical files.
CREATION_DATE = datetime(2024, 1, 1, tzinfo=UTC)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

TIP_TOPICS = ("posture", "hydration", "lifting", "flare_care", "weight", "stress")
TIP_CHARS = 190

MIN_PT = 9.0
TITLE_PT = 18.0
URGENT_PT = 22.0
HEADING_PT = 12.0
NAME_PT = 11.0
BODY_PT = 10.0
SMALL_PT = 9.0
LINE_FACTOR = 1.25  # line height as a multiple of the font size
PT_TO_MM = 25.4 / 72

INK = (20, 20, 20)
MUTED = (75, 75, 75)
ACCENT = (0, 78, 115)  # dark blue: prints as near-black in greyscale
ALERT = (165, 20, 20)
ALERT_FILL = (253, 238, 236)
RULE = (150, 150, 150)
SHADE = (232, 232, 232)
HEAD_FILL = (222, 234, 242)

SOURCES_LINE = (
    "Sources: ACSM Guidelines (2021); NHS Inform; McGill; IFOMPT red flags (Finucane 2020); "
    "Cochrane (Dahm 2010)."
)
RED_FLAG_SOURCES_LINE = (
    "Sources: British Association of Spine Surgeons, cauda equina standards (2018); IFOMPT "
    "red-flag framework (Finucane 2020); NICE CKS sciatica, 'Interpreting red flags'."
)


@dataclass(frozen=True)
class Frame:
    """What frames every page of a document: the clinic header on top, the page label below."""

    clinic: ClinicHeader | None = None
    page: str = ""


class _IgnoreSvgTitle(logging.Filter):
    """fpdf2 warns that it skips <title>, which the pictures keep for screen readers: drop that."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (isinstance(record.args, tuple) and record.args[:1] == ("title",))


logging.getLogger("fpdf.svg").addFilter(_IgnoreSvgTitle())


def week_label(plan: WeekPlan) -> str:
    """'Week 2' or 'Week 2: 10 Mar - 16 Mar 2025'."""
    dates = date_range(plan)
    return f"Week {plan.week}: {dates}" if dates else f"Week {plan.week}"


def date_range(plan: WeekPlan) -> str:
    """The week's date range, or '' when the days have no dates."""
    dates = [d.date for d in plan.days if d.date]
    if not dates:
        return ""
    first, last = dates[0], dates[-1]
    return f"{short_date(first, year=first.year != last.year)} - {short_date(last, year=True)}"


def pick_tips(plan: WeekPlan, count: int) -> list[tuple[str, str]]:
    """Up to `count` short tips, one per topic in TIP_TOPICS order, as (label, text)."""
    first: dict[str, str] = {}
    for tip in plan.tips:
        first.setdefault(tip.topic, tip.text)
    topics = [t for t in TIP_TOPICS if t in first][:count]
    return [(tip_title(t), shorten(first[t], TIP_CHARS)) for t in topics]


def paper_format(paper: str) -> str:
    """fpdf2's page format for 'a4' or 'letter'; ValueError for anything else."""
    if paper not in PAPERS:
        raise ValueError(f"paper: must be one of {', '.join(PAPERS)}, not {paper!r}")
    return PAPERS[paper]


def new_document(paper: str, title: str) -> FPDF:
    """A portrait page with DejaVu fonts, fixed metadata and no automatic page breaks."""
    pdf = FPDF(orientation="portrait", unit="mm", format=paper_format(paper))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.c_margin = 0  # text starts exactly where the layout puts it
    for style, path in FONT_FILES.items():
        pdf.add_font(FAMILY, style, path)
    pdf.set_title(title)
    pdf.set_author("BackPlan")
    pdf.set_creator("BackPlan")
    pdf.set_subject("Back exercise plan")
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_lang("en")
    pdf.add_page()
    return pdf


def line_height(size_pt: float) -> float:
    """Line height in mm for a font size in points."""
    return size_pt * PT_TO_MM * LINE_FACTOR


def short_date(day: date, year: bool = False) -> str:
    """'3 Mar' or '3 Mar 2025', independent of the machine's locale."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


@dataclass
class Pen:
    """Draws on the page, or, with draw=False, only measures: one layout code path for both."""

    pdf: FPDF
    draw: bool = True

    def font(self, size_pt: float, bold: bool = False, color=INK) -> None:
        """Set font, size and colour; refuses sizes below MIN_PT."""
        if size_pt < MIN_PT:
            raise ValueError(f"font size {size_pt} pt is below the {MIN_PT} pt minimum")
        self.pdf.set_font(FAMILY, "B" if bold else "", size_pt)
        self.pdf.set_text_color(*color)

    def lines(self, text: str, width: float, size_pt: float, bold: bool = False) -> list[str]:
        """The lines `text` wraps into at word breaks in a box `width` wide."""
        self.font(size_pt, bold)
        return wrap(text, width, size_pt, bold)

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """The width of one line of text."""
        self.font(size_pt, bold)
        return string_width(text, size_pt, bold)

    def text(self, x: float, y: float, width: float, text: str, size_pt: float, **kw) -> float:
        """A wrapped paragraph at (x, y); returns its height. kw: bold, color, align."""
        bold, align = kw.get("bold", False), kw.get("align", "L")
        lines = self.lines(text, width, size_pt, bold)
        step = line_height(size_pt)
        if self.draw:
            self.font(size_pt, bold, kw.get("color", INK))
            self.pdf.set_text_shaping(right_to_left(text))
            for i, line in enumerate(lines):
                self.pdf.set_xy(x, y + i * step)
                self.pdf.cell(width, step, line, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT)
            self.pdf.set_text_shaping(False)
        return len(lines) * step

    def box(self, x: float, y: float, w: float, h: float, fill=None, stroke=RULE, lw=0.3):
        """A rectangle, filled and/or outlined."""
        if not self.draw:
            return
        self.pdf.set_line_width(lw)
        if stroke:
            self.pdf.set_draw_color(*stroke)
        if fill:
            self.pdf.set_fill_color(*fill)
        style = ("F" if fill else "") + ("D" if stroke else "")
        self.pdf.rect(x, y, w, h, style=style)

    def rule(self, x1: float, y1: float, x2: float, y2: float, color=RULE, lw=0.3) -> None:
        """A straight line."""
        if self.draw:
            self.pdf.set_line_width(lw)
            self.pdf.set_draw_color(*color)
            self.pdf.line(x1, y1, x2, y2)

    def picture(self, path: Path, x: float, y: float, w: float, h: float, alt: str) -> None:
        """An image fitted and centred in the w x h box, with alternative text."""
        if self.draw:
            self.pdf.image(str(path), x, y, w=w, h=h, keep_aspect_ratio=True, alt_text=alt)


def boxed(pen: Pen, y: float, contents, fill=ALERT_FILL, stroke=ALERT, pad: float = 2.5) -> float:
    """A full-width box around `contents(pen, x, y, width) -> height`; returns the y below it."""
    x, width = MARGIN + pad + 0.5, pen.pdf.epw - 2 * pad - 1
    height = contents(Pen(pen.pdf, draw=False), x, y + pad, width) + 2 * pad
    pen.box(MARGIN, y, pen.pdf.epw, height, fill=fill, stroke=stroke, lw=0.6)
    contents(pen, x, y + pad, width)
    return y + height


def footer(pen: Pen, disclaimer: str, sources: str, page: str = "") -> float:
    """The disclaimer and sources at the foot of the page, with an optional page label ('Page 2
    of 7') at the right of the sources; returns the footer's top y."""
    pdf = pen.pdf
    width = pdf.epw
    label_w = pen.width(page, SMALL_PT, bold=True) + 4 if page else 0
    height = len(pen.lines(disclaimer, width, SMALL_PT)) * line_height(SMALL_PT)
    height += len(pen.lines(sources, width - label_w, SMALL_PT)) * line_height(SMALL_PT)
    top = pdf.h - MARGIN - height
    pen.rule(MARGIN, top - 2, pdf.w - MARGIN, top - 2)
    y = top + pen.text(MARGIN, top, width, disclaimer, SMALL_PT, color=MUTED)
    pen.text(MARGIN, y, width - label_w, sources, SMALL_PT, color=MUTED)
    if page:
        pen.text(pdf.w - MARGIN - label_w, y, label_w, page, SMALL_PT, bold=True, align="R")
    return top - 2


def clinic_band(pen: Pen, clinic: ClinicHeader | None, y: float) -> float:
    """The clinic's name and contact, right-aligned at the top of the page; returns its height
    (0 without a clinic). Name and contact share a line when they fit, else take one each."""
    if clinic is None:
        return 0.0
    pdf, width = pen.pdf, pen.pdf.epw
    name, contact = printable(clinic.name), printable(clinic.contact)
    name_w = pen.width(name, SMALL_PT, bold=True)
    gap = 4.0
    top = y
    if contact and name_w + gap + pen.width(contact, SMALL_PT) <= width:
        contact_w = pen.width(contact, SMALL_PT)
        pen.text(pdf.w - MARGIN - contact_w, y, contact_w, contact, SMALL_PT, color=MUTED)
        x = pdf.w - MARGIN - contact_w - gap - name_w
        y += pen.text(x, y, name_w + 0.5, name, SMALL_PT, bold=True, color=MUTED)
    else:
        y += pen.text(MARGIN, y, width, name, SMALL_PT, bold=True, color=MUTED, align="R")
        if contact:
            y += pen.text(MARGIN, y, width, contact, SMALL_PT, color=MUTED, align="R")
    pen.rule(MARGIN, y + 0.8, pdf.w - MARGIN, y + 0.8, lw=0.2)
    return y + 2.5 - top


def header(pen: Pen, title: str, right: str, name: str | None, subtitle: str, **kw) -> float:
    """Title and `right` (week, dates) on top; below, the name with the subtitle beside it (or
    under it when both do not fit one line). kw: clinic (a ClinicHeader band above the title).
    Returns the y below the rule."""
    pdf, x, width = pen.pdf, MARGIN, pen.pdf.epw
    top = MARGIN + clinic_band(pen, kw.get("clinic"), MARGIN)
    right_w = pen.width(right, HEADING_PT + 2, bold=True) + 1
    pen.text(x, top, width - right_w, title, TITLE_PT, bold=True, color=ACCENT)
    right_y = top + line_height(TITLE_PT) - line_height(HEADING_PT + 2)
    pen.text(
        pdf.w - MARGIN - right_w, right_y, right_w, right, HEADING_PT + 2, bold=True, align="R"
    )
    y = top + line_height(TITLE_PT) + 1
    name = printable(name or "")
    name_h = pen.text(x, y, width, name, HEADING_PT + 1, bold=True)
    room = width - pen.width(name, HEADING_PT + 1, bold=True) - 8
    if name and name_h <= line_height(HEADING_PT + 1) and pen.width(subtitle, BODY_PT) <= room:
        sub_y = y + name_h - line_height(BODY_PT)
        pen.text(x, sub_y, width, subtitle, BODY_PT, color=MUTED, align="R")
        y += name_h + 1.5
    else:
        y += name_h + pen.text(x, y + name_h, width, subtitle, BODY_PT, color=MUTED) + 1.5
    pen.rule(x, y, pdf.w - MARGIN, y, color=ACCENT, lw=0.6)
    return y + 3


def first_fitting(pdf, options, layout):
    """The first option (richest first) whose measured layout ends above the bottom margin."""
    for option in options:
        if layout(Pen(pdf, draw=False), option) <= pdf.h - MARGIN:
            return option
    raise ValueError("this plan has too much to fit on a one-page sheet")


def with_footer(pen: Pen, disclaimer: str, sources: str, y: float, page: str) -> float:
    """Draw the footer; return where the page would end if it sat just below the content."""
    top = footer(pen, disclaimer, sources, page)
    return y + 4 + (pen.pdf.h - MARGIN - top)
