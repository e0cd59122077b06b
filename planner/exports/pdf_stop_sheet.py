"""The "see a doctor first" sheet of a red-flag plan (one page, no exercises): how urgently to get
care, why, and what to do meanwhile, in the largest text that fits. Pure, like the weekly sheet.
"""

from planner.data_files import safety_rules
from planner.exports import pdf_style as s
from planner.exports.pdf_text import printable
from planner.plan import WeekPlan

# Text size and the gap between reasons (mm) on the see-a-doctor sheet, roomiest first.
STOP_SIZES = ((s.NAME_PT, 3.0), (s.BODY_PT, 3.0), (s.SMALL_PT, 3.0), (s.SMALL_PT, 1.0))
STOP_TITLE = "BackPlan - see a doctor first"
URGENCY = {level: rule.headline for level, rule in safety_rules().urgency.items()}
AFTER_STOP = (
    "Do not start the exercises until a doctor has checked you. Show this sheet to the doctor. "
    "When they say exercise is safe for you, BackPlan can make your plan."
)


def draw_stop_page(pdf, plan: WeekPlan, frame: s.Frame) -> float:
    """Draw the sheet on pdf's current page with the roomiest spacing that fits; returns its end."""

    def stop(pen: s.Pen, spacing: tuple[float, float]) -> float:
        return _stop_sheet(pen, plan, spacing, frame)

    return stop(s.Pen(pdf), s.first_fitting(pdf, STOP_SIZES, stop))


def _stop_sheet(pen: s.Pen, plan: WeekPlan, spacing, frame: s.Frame) -> float:
    """The 'see a doctor first' sheet of a red-flag plan: urgency, reasons, no exercises.
    `spacing` is the reasons' (text size, gap between them)."""
    size, gap = spacing
    intro = "Your answers show a warning sign, so BackPlan has made no exercise plan for you."
    dates = s.date_range(plan)
    y = s.header(pen, STOP_TITLE, dates, plan.name, intro, clinic=frame.clinic)
    urgency = URGENCY.get(plan.urgency or "soon", URGENCY["soon"])

    def contents(pen: s.Pen, x: float, y: float, width: float) -> float:
        top = y
        y += pen.text(x, y, width, urgency, s.URGENT_PT, bold=True, color=s.ALERT) + 1
        return y + pen.text(x, y, width, AFTER_STOP, s.NAME_PT) - top

    y = s.boxed(pen, y + 2, contents, pad=4) + 6
    y += pen.text(s.MARGIN, y, pen.pdf.epw, "Why", s.HEADING_PT, bold=True, color=s.ACCENT) + 1
    for reason in plan.stop_reasons:
        label, _, message = printable(reason).partition(": ")
        if message:
            y += pen.text(s.MARGIN, y, pen.pdf.epw, label, size, bold=True)
        y += pen.text(s.MARGIN, y, pen.pdf.epw, message or label, size) + gap
    return s.with_footer(pen, plan.disclaimer, s.RED_FLAG_SOURCES_LINE, y, frame.page)
