"""The "see a doctor first" sheet of a red-flag plan (one page, no exercises): how urgently to get
care, why, and what to do meanwhile; templates/stop.typ sets the reasons in the largest text that
fits. Pure, like the weekly sheet.
"""

from planner.clinic import ClinicHeader
from planner.data_files import safety_rules
from planner.exports import pdf_style as s
from planner.plan import WeekPlan

INTRO = "Your answers show a warning sign, so BackPlan has made no exercise plan for you."
AFTER_STOP = (
    "Do not start the exercises until a doctor has checked you. Show this sheet to the doctor. "
    "When they say exercise is safe for you, BackPlan can make your plan."
)


def stop_document(plan: WeekPlan, paper: str, clinic: ClinicHeader | None) -> dict:
    """The data of templates/stop.typ for a red-flag plan, framed for `paper` and `clinic`."""
    title = stop_title(plan)
    frame = s.frame(plan, paper, clinic, title=title, sources=s.RED_FLAG_SOURCES_LINE)
    return {"kind": "stop", "frame": frame, "page": stop_page(plan)}


def stop_title(plan: WeekPlan) -> str:
    """The title that matches the plan's urgency (a red flag without one counts as 'soon')."""
    return safety_rules().urgency[plan.urgency or "soon"].headline


def stop_page(plan: WeekPlan) -> dict:
    """Urgency, reasons (each split into a bold label and its message) and what to do."""
    reasons = []
    for reason in plan.stop_reasons:
        label, _, message = reason.partition(": ")
        reasons.append(
            {"label": label, "message": message} if message else {"label": "", "message": label}
        )
    return {
        "title": stop_title(plan),
        "right": s.date_range(plan),
        "name": s.one_line(plan.name or ""),
        "intro": INTRO,
        "urgency": safety_rules().urgency[plan.urgency or "soon"].action,
        "after": AFTER_STOP,
        "reasons": reasons,
    }
