"""The one-page weekly exercise sheet (A4 or US Letter portrait) as PDF bytes, for the fridge.

The sheet lists the week's distinct exercises (same exercise, same dose: one row) with a picture,
the dose and key steps, and a tick box on each day it is scheduled; then the time and a pain score
per session, key tips, when to stop and get help, the disclaimer and sources. The layout is measured
before it is drawn: when the week does not fit, pictures and steps shrink and optional sections go,
from the richest ROW_STYLES and EXTRAS to the most compact. A red-flag plan gets the "see a doctor"
sheet of pdf_stop_sheet instead. Pure: the same plan always gives the same bytes.
"""

from dataclasses import dataclass, replace
from pathlib import Path

from planner.clinic import ClinicHeader
from planner.data_files import FAMILIES, exercises_by_id
from planner.exports import pdf_style as s
from planner.exports.pdf_stop_sheet import STOP_TITLE, draw_stop_page
from planner.exports.pdf_text import printable
from planner.plan import Prescription, WeekPlan

DAY_W = 10.0
PAD = 1.9
TICK = 6.5
PICTURE_RATIO = 2 / 3  # height to width of the exercise pictures (240 x 160)
FALLBACK_STOP = (
    "Stop and get emergency care now if you get numbness between your legs or new bladder or "
    "bowel problems. See a doctor soon if you get new weakness or numbness in a leg, or a fever."
)


@dataclass(frozen=True)
class Fit:
    """One way to lay out the sheet: picture width, steps per exercise and optional sections."""

    picture: float
    steps: int
    tips: int
    notes: bool
    advice: bool = True


# Richest first: (picture width in mm, steps shown), then (tips shown, "why this plan" notes).
ROW_STYLES = ((26, 2), (24, 1), (22, 0), (18, 0), (14, 0))
EXTRAS = ((4, True), (4, False), (3, False), (2, False))


@dataclass(frozen=True)
class Row:
    """One distinct exercise of the week and the days (0-6) it is scheduled on."""

    item: Prescription
    days: frozenset[int]
    picture: Path


def plan_pdf(plan: WeekPlan, paper: str = "a4", clinic: ClinicHeader | None = None) -> bytes:
    """The plan as a one-page PDF; paper is 'a4' or 'letter' (ValueError otherwise); an optional
    clinic header prints at the top."""
    s.paper_format(paper)
    title = f"BackPlan - weekly plan, week {plan.week}"
    pdf = s.new_document(paper, title if plan.safe_to_exercise else STOP_TITLE)
    draw_plan_page(pdf, plan, s.Frame(clinic))
    if pdf.pages_count != 1:
        raise RuntimeError("layout bug: the sheet ran onto a second page")
    return bytes(pdf.output())


def draw_plan_page(pdf, plan: WeekPlan, frame: s.Frame) -> None:
    """Draw the week's sheet, or the see-a-doctor sheet of a red-flag plan, on pdf's current
    page, framed by the clinic header and page label of `frame`."""
    if not plan.safe_to_exercise:
        bottom = draw_stop_page(pdf, plan, frame)
    else:
        rows = week_rows(plan)
        fit = choose_fit(pdf, plan, rows, frame)
        bottom = _exercise_sheet(s.Pen(pdf), plan, rows, fit, frame)
    if bottom > pdf.h - s.MARGIN:
        raise RuntimeError(f"layout bug: the sheet ends at {bottom:.1f} mm, below the margin")


def week_rows(plan: WeekPlan) -> list[Row]:
    """The distinct exercises of the week in family order; a missing picture is an error."""
    days: dict[Prescription, set[int]] = {}
    for i, day in enumerate(plan.days):
        for item in day.exercises:
            days.setdefault(item, set()).add(i)
    catalogue = exercises_by_id()
    rows = []
    for item, on in days.items():
        picture = catalogue[item.id].image_path
        if not picture.is_file():
            raise FileNotFoundError(f"exercise picture missing: {picture}")
        rows.append(Row(item, frozenset(on), picture))
    order = {f: i for i, f in enumerate(FAMILIES)}
    return sorted(rows, key=lambda r: (order.get(r.item.category, 99), min(r.days)))


def choose_fit(pdf, plan: WeekPlan, rows: list[Row], frame: s.Frame) -> Fit:
    """The richest rows that fit, then as many tips and notes as still fit; advice goes last."""

    def layout(pen: s.Pen, fit: Fit) -> float:
        return _exercise_sheet(pen, plan, rows, fit, frame)

    plain = [Fit(picture, steps, tips=2, notes=False) for picture, steps in ROW_STYLES]
    rows_fit = s.first_fitting(pdf, [*plain, replace(plain[-1], advice=False)], layout)
    return s.first_fitting(pdf, [replace(rows_fit, tips=t, notes=n) for t, n in EXTRAS], layout)


def _exercise_sheet(pen: s.Pen, plan: WeekPlan, rows: list[Row], fit: Fit, frame) -> float:
    """Lay out (or measure) the exercise sheet; returns where the page must end for it to fit."""
    sessions = len(plan.sessions)
    longest = max((d.minutes for d in plan.days), default=0)
    subtitle = (
        f"Back-pain risk: {plan.risk.level}. {sessions} session{'s' * (sessions != 1)} this week, "
        f"up to {longest} minutes each."
    )
    title, week = "BackPlan - weekly plan", s.week_label(plan)
    y = s.header(pen, title, week, plan.name, subtitle, clinic=frame.clinic)
    y = _grid(pen, plan, rows, fit, y) + 4
    y = _tips(pen, plan, fit, y)
    if fit.notes and plan.notes:
        y = _bullets(pen, "Why this plan", [n.text for n in plan.notes], y)
    y = _help_box(pen, plan, fit, y)
    return s.with_footer(pen, plan.disclaimer, s.SOURCES_LINE, y, frame.page)


@dataclass(frozen=True)
class Columns:
    """Horizontal positions of the routine grid."""

    x: float
    picture: float
    text_x: float
    text_w: float
    day_x: float

    days: int

    @classmethod
    def for_page(cls, width: float, fit: Fit, days: int) -> "Columns":
        picture = fit.picture + 2 * PAD
        text_x = s.MARGIN + picture
        day_x = s.MARGIN + width - days * DAY_W
        return cls(s.MARGIN, picture, text_x + PAD, day_x - text_x - 2 * PAD, day_x, days)

    def day(self, i: int) -> float:
        return self.day_x + i * DAY_W


def _grid(pen: s.Pen, plan: WeekPlan, rows: list[Row], fit: Fit, y: float) -> float:
    """The routine: a header of days, one row per exercise, then time and pain rows."""
    cols = Columns.for_page(pen.pdf.epw, fit, len(plan.days))
    top = y
    y = _grid_head(pen, plan, cols, y)
    for row in rows:
        y = _exercise_row(pen, plan, cols, row, fit, y)
    y = _session_row(pen, plan, cols, (y, 7.0), "Minutes", _minutes_cell)
    y = _session_row(pen, plan, cols, (y, 9.0), "Pain today (0-10)", _pain_cell)
    pen.box(cols.x, top, pen.pdf.epw, y - top, stroke=s.RULE, lw=0.4)
    return y


def _grid_head(pen: s.Pen, plan: WeekPlan, cols: Columns, y: float) -> float:
    height = 2 * s.line_height(s.SMALL_PT) + 2
    pen.box(cols.x, y, pen.pdf.epw, height, fill=s.HEAD_FILL, stroke=None)
    pen.text(
        cols.x + PAD, y + 1.5, cols.text_w, "Exercise: tick a box when done", s.BODY_PT, bold=True
    )
    for i, day in enumerate(plan.days):
        top, bottom = (day.day[:3], str(day.date.day)) if day.date else ("Day", str(i + 1))
        color = s.INK if day.is_session else s.MUTED
        x = cols.day(i)
        pen.text(x, y + 1, DAY_W, top, s.SMALL_PT, bold=day.is_session, color=color, align="C")
        pen.text(
            x, y + 1 + s.line_height(s.SMALL_PT), DAY_W, bottom, s.SMALL_PT, color=color, align="C"
        )
    return y + height


def _exercise_row(pen: s.Pen, plan: WeekPlan, cols: Columns, row: Row, fit: Fit, y: float) -> float:
    """Picture, name, dose and key steps (centred in the row), and the week's tick boxes."""
    pic_h = fit.picture * PICTURE_RATIO
    text_h = _row_text(s.Pen(pen.pdf, draw=False), cols, row, fit, 0)
    height = max(text_h, pic_h) + 2 * PAD
    _row_text(pen, cols, row, fit, y + (height - text_h) / 2)
    pic_y = y + (height - pic_h) / 2
    pen.picture(row.picture, cols.x + PAD, pic_y, fit.picture, pic_h, row.item.name)
    for i in range(len(plan.days)):
        if i in row.days:
            tick_y = y + (height - TICK) / 2
            pen.box(cols.day(i) + (DAY_W - TICK) / 2, tick_y, TICK, TICK, stroke=s.INK, lw=0.35)
        else:
            pen.box(cols.day(i), y, DAY_W, height, fill=s.SHADE, stroke=None)
    _row_lines(pen, cols, y, height)
    return y + height


def _row_text(pen: s.Pen, cols: Columns, row: Row, fit: Fit, y: float) -> float:
    """The exercise's name, dose and first steps from y; returns their height."""
    x, width, top = cols.text_x, cols.text_w, y
    y += pen.text(x, y, width, row.item.name, s.NAME_PT, bold=True)
    y += pen.text(x, y, width, row.item.dose_text, s.BODY_PT, bold=True, color=s.ACCENT)
    y += pen.text(x, y, width, " ".join(key_steps(row.item.instructions, fit.steps)), s.SMALL_PT)
    return y - top


def key_steps(steps: tuple[str, ...], count: int) -> tuple[str, ...]:
    """The first `count` steps; a single step is the movement (step 2), as the picture shows the
    starting position."""
    return steps[1:2] or steps[:1] if count == 1 else steps[:count]


def _row_lines(pen: s.Pen, cols: Columns, y: float, height: float) -> None:
    pen.rule(cols.x, y, cols.x + pen.pdf.epw, y)
    for i in range(cols.days):
        pen.rule(cols.day(i), y, cols.day(i), y + height, lw=0.2)


def _session_row(pen: s.Pen, plan: WeekPlan, cols: Columns, at, label: str, cell) -> float:
    """A row with one cell per session day (shaded on rest days); `at` is (y, height)."""
    y, height = at
    label_w = cols.day_x - cols.x - 2 * PAD
    label_y = y + (height - s.line_height(s.BODY_PT)) / 2
    pen.text(cols.x + PAD, label_y, label_w, label, s.BODY_PT, bold=True, align="R")
    for i, day in enumerate(plan.days):
        if day.is_session:
            cell(pen, day, cols.day(i), y, height)
        else:
            pen.box(cols.day(i), y, DAY_W, height, fill=s.SHADE, stroke=None)
    _row_lines(pen, cols, y, height)
    return y + height


def _minutes_cell(pen: s.Pen, day, x: float, y: float, height: float) -> None:
    text_y = y + (height - s.line_height(s.SMALL_PT)) / 2
    pen.text(x, text_y, DAY_W, str(day.minutes), s.SMALL_PT, align="C")


def _pain_cell(pen: s.Pen, day, x: float, y: float, height: float) -> None:
    pen.box(x + 1.2, y + 1.2, DAY_W - 2.4, height - 2.4, stroke=s.INK, lw=0.35)


def _tips(pen: s.Pen, plan: WeekPlan, fit: Fit, y: float) -> float:
    tips = s.pick_tips(plan, fit.tips)
    if not tips:
        return y
    y += (
        pen.text(s.MARGIN, y, pen.pdf.epw, "Everyday tips", s.HEADING_PT, bold=True, color=s.ACCENT)
        + 0.5
    )
    label_w = 25.0
    for label, text in tips:
        pen.text(s.MARGIN, y, label_w, label, s.SMALL_PT, bold=True)
        y += pen.text(s.MARGIN + label_w, y, pen.pdf.epw - label_w, printable(text), s.SMALL_PT)
        y += 0.6
    return y + 2


def _bullets(pen: s.Pen, title: str, items: list[str], y: float) -> float:
    y += pen.text(s.MARGIN, y, pen.pdf.epw, title, s.HEADING_PT, bold=True, color=s.ACCENT)
    for item in items:
        pen.text(s.MARGIN, y, 4, "•", s.SMALL_PT)
        y += pen.text(s.MARGIN + 4, y, pen.pdf.epw - 4, printable(item), s.SMALL_PT) + 0.5
    return y + 2


def _help_box(pen: s.Pen, plan: WeekPlan, fit: Fit, y: float) -> float:
    """The red-flag reminder, always on the exercise sheet."""
    stop = next((t.text for t in plan.tips if t.topic == "see_a_doctor"), FALLBACK_STOP)
    advice = plan.advice if fit.advice else ()

    def contents(pen: s.Pen, x: float, y: float, width: float) -> float:
        top = y
        title = "When to stop and get help"
        y += pen.text(x, y, width, title, s.NAME_PT, bold=True, color=s.ALERT)
        y += pen.text(x, y, width, printable(stop), s.BODY_PT)
        for line in advice:
            y += pen.text(x, y, width, printable(line), s.SMALL_PT)
        return y - top

    return s.boxed(pen, y, contents)
