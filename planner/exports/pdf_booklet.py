"""A programme booklet (usually four weeks) as one PDF: cover, one sheet per week, how to do each
exercise, and tips.

The cover names the person, sums up their profile and risk, and says why the plan looks as it does.
Each week page is the weekly sheet of pdf_sheet, drawn into this document. The instructions and tips
flow over as many pages as they need: every block is measured before it is placed, and a block that
does not fit starts the next page. Every page carries the clinic header (when given), the sources
and "Page N of M". A red-flag plan gives the one-page see-a-doctor sheet only. Pure: the same plans
give the same bytes.
"""

from collections.abc import Callable, Sequence
from functools import partial

from planner.clinic import ClinicHeader
from planner.data_files import FAMILIES, Exercise, exercises_by_id, safety_rules, tip_title
from planner.exports import pdf_style as s
from planner.exports.pdf_sheet import draw_plan_page, plan_pdf
from planner.exports.pdf_text import printable
from planner.plan import WeekPlan
from planner.profile import Profile

Block = Callable[[s.Pen, float], float]  # draws (or measures) at y, returns its height
PageDraw = Callable[[object, s.Frame], None]  # draws one page on the pdf's current page
LABEL_W = 42.0  # the label column of the cover's summary
PICTURE_W = 40.0
PICTURE_RATIO = 2 / 3
GAP = 3.0
WIDEST_PAGE_LABEL = "Page 999 of 999"  # room kept for the page label while paginating
USE = (
    "There is one page for each week: tick a box for each exercise you do and write down your "
    "pain after each session. How to do each exercise, and everyday tips, are at the back."
)
COVER_TITLE = "BackPlan - your programme"
STEPS_TITLE = "How to do each exercise"
# The cover and the instructions take the larger text unless the smaller one saves a page.
TEXT_SIZES = (s.BODY_PT, s.SMALL_PT)


def booklet_pdf(
    plans: Sequence[WeekPlan],
    paper: str = "a4",
    clinic: ClinicHeader | None = None,
    profile: Profile | None = None,
) -> bytes:
    """The weeks' plans as one booklet PDF; with `profile`, the cover also shows age, pain and
    conditions. A red-flag plan gives the one-page see-a-doctor sheet instead."""
    if not plans:
        raise ValueError("plans: give at least one week")
    first = plans[0]
    if not first.safe_to_exercise:
        return plan_pdf(first, paper=paper, clinic=clinic)
    pdf = s.new_document(paper, f"BackPlan - {weeks_label(plans).lower()} programme")
    pages = [
        *_fewest_pages(pdf, plans, COVER_TITLE, partial(cover_blocks, plans, profile), clinic),
        *[_week_page(plan) for plan in plans],
        *_fewest_pages(pdf, plans, STEPS_TITLE, partial(exercise_blocks, plans), clinic),
        *_flowed(pdf, plans, "Everyday tips", tip_blocks(first), clinic),
    ]
    for number, draw in enumerate(pages, start=1):
        if number > 1:
            pdf.add_page()
        draw(pdf, s.Frame(clinic, f"Page {number} of {len(pages)}"))
    return bytes(pdf.output())


def weeks_label(plans: Sequence[WeekPlan]) -> str:
    """'Weeks 1-4', or 'Week 3' for a single week."""
    low, high = plans[0].week, plans[-1].week
    return f"Week {low}" if low == high else f"Weeks {low}-{high}"


def _fewest_pages(pdf, plans, title: str, blocks_of, clinic) -> list[PageDraw]:
    """The section's pages with blocks_of(text size): the fewest pages, then the larger text."""
    options = [_flowed(pdf, plans, title, blocks_of(size), clinic) for size in TEXT_SIZES]
    return min(options, key=len)  # min keeps the first (larger text) among equals


def _week_page(plan: WeekPlan) -> PageDraw:
    return lambda pdf, frame: draw_plan_page(pdf, plan, frame)


def _flowed(pdf, plans, title: str, blocks: list[Block], clinic) -> list[PageDraw]:
    """Pages with a header and as many blocks as fit on each, in order."""
    first = plans[0]
    dates = _programme_dates(plans)
    subtitle = f"{weeks_label(plans)}{': ' + dates if dates else ''}"

    def head(pen: s.Pen, continued: bool) -> float:
        shown = f"{title} (continued)" if continued else title
        return s.header(pen, shown, "", first.name, subtitle, clinic=clinic)

    measure = s.Pen(pdf, draw=False)
    bottom = s.footer(measure, first.disclaimer, s.SOURCES_LINE, WIDEST_PAGE_LABEL) - GAP
    chunks = paginate(measure, blocks, lambda i: head(measure, i > 0), bottom)

    def page(index: int, chunk: list[Block]) -> PageDraw:
        def draw(pdf, frame: s.Frame) -> None:
            pen = s.Pen(pdf)
            y = head(pen, index > 0)
            for block in chunk:
                y += block(pen, y)
            s.footer(pen, first.disclaimer, s.SOURCES_LINE, frame.page)

        return draw

    return [page(i, chunk) for i, chunk in enumerate(chunks)]


def paginate(pen: s.Pen, blocks: list[Block], top_of, bottom: float) -> list[list[Block]]:
    """Blocks packed into pages in order; top_of(page index) is where content starts."""
    pages: list[list[Block]] = [[]]
    y = top_of(0)
    for block in blocks:
        height = block(pen, y)
        if pages[-1] and y + height > bottom:
            pages.append([])
            y = top_of(len(pages) - 1)
        if y + height > bottom:
            raise ValueError("a section of the booklet is taller than a page")
        pages[-1].append(block)
        y += height
    return pages


def _programme_dates(plans: Sequence[WeekPlan]) -> str:
    dates = [d.date for plan in plans for d in plan.days if d.date]
    if not dates:
        return ""
    first, last = dates[0], dates[-1]
    return f"{s.short_date(first, year=first.year != last.year)} - {s.short_date(last, year=True)}"


def heading(text: str) -> Block:
    def block(pen: s.Pen, y: float) -> float:
        width = pen.pdf.epw
        return pen.text(s.MARGIN, y + 1, width, text, s.HEADING_PT, bold=True, color=s.ACCENT) + 2

    return block


def paragraph(text: str, size: float = s.BODY_PT, after: float = 1.5, **kw) -> Block:
    def block(pen: s.Pen, y: float) -> float:
        return pen.text(s.MARGIN, y, pen.pdf.epw, printable(text), size, **kw) + after

    return block


def bullet(text: str, size: float = s.BODY_PT) -> Block:
    def block(pen: s.Pen, y: float) -> float:
        pen.text(s.MARGIN + 1, y, 4, "•", size)
        return pen.text(s.MARGIN + 5, y, pen.pdf.epw - 5, printable(text), size) + 1

    return block


def together(*blocks: Block) -> Block:
    """Blocks kept on one page (a heading with its first item)."""

    def block(pen: s.Pen, y: float) -> float:
        top = y
        for part in blocks:
            y += part(pen, y)
        return y - top

    return block


def summary_row(label: str, lines: Sequence[str], size: float = s.BODY_PT) -> Block:
    """One row of the cover's summary: a bold label, then its lines of text (a line starting
    with '- ' is a bullet), and a rule below."""

    def block(pen: s.Pen, y: float) -> float:
        x, width = s.MARGIN + LABEL_W, pen.pdf.epw - LABEL_W
        pen.text(s.MARGIN, y + 1.2, LABEL_W - 2, label, size, bold=True)
        bottom = y + 1.2
        for line in lines:
            text, indent = (line[2:], 4.0) if line.startswith("- ") else (line, 0.0)
            if indent:
                pen.text(x, bottom, indent, "•", size)
            bottom += pen.text(x + indent, bottom, width - indent, printable(text), size)
        bottom = max(bottom, y + 1.2 + s.line_height(size)) + 1.2
        pen.rule(s.MARGIN, bottom, s.MARGIN + pen.pdf.epw, bottom, lw=0.2)
        return bottom - y

    return block


def summary(plans: Sequence[WeekPlan], profile: Profile | None) -> list[tuple[str, list[str]]]:
    """The cover's 'About you' rows as (label, lines)."""
    first = plans[0]
    longest = max(d.minutes for plan in plans for d in plan.days)
    rows: list[tuple[str, list[str]]] = []
    if profile is not None:
        rows.append(("Age", [f"{profile.age} years"]))
    rows.append(("Body mass index", [f"{first.bmi:.1f} ({first.bmi_band})"]))
    if profile is not None:
        weeks = f"{profile.pain_weeks} week{'s' * (profile.pain_weeks != 1)}"
        rows.append(("Pain now", [f"{profile.pain} out of 10; this episode: {weeks}"]))
    sessions = len(first.sessions)
    rows.append(("Sessions", [f"{sessions} a week, up to {longest} minutes each"]))
    if profile is not None:
        labels = [safety_rules().conditions[c].label for c in profile.conditions]
        rows.append(("Conditions", ["; ".join(labels) or "None given"]))
    factors = [f"- {f.reason}" for f in first.risk.factors]
    rows.append(("Back-pain risk", [first.risk.level.capitalize(), *factors]))
    return rows


def cover_blocks(
    plans: Sequence[WeekPlan], profile: Profile | None, size: float = s.BODY_PT
) -> list[Block]:
    """The cover: how to use the booklet, the summary, and why the plan looks as it does."""
    first = plans[0]
    rows = [summary_row(label, lines, size) for label, lines in summary(plans, profile)]
    blocks = [paragraph(USE, size, after=3), together(heading("About you"), rows[0]), *rows[1:]]
    reasons = [n.text for n in (*first.notes, *first.removed_families)]
    if reasons:
        blocks.append(lambda pen, y: 4.0)
        why = heading("Why the plan looks as it does")
        blocks.append(together(why, bullet(reasons[0], size)))
        blocks += [bullet(text, size) for text in reasons[1:]]
    return blocks


def programme_exercises(plans: Sequence[WeekPlan]) -> list[Exercise]:
    """Every distinct exercise of the programme, in family order, then first appearance."""
    seen: dict[str, int] = {}
    for plan in plans:
        for day in plan.days:
            for item in day.exercises:
                seen.setdefault(item.id, len(seen))
    catalogue = exercises_by_id()
    order = {f: i for i, f in enumerate(FAMILIES)}
    ids = sorted(seen, key=lambda i: (order.get(catalogue[i].family, 99), seen[i]))
    return [catalogue[i] for i in ids]


def exercise_block(exercise: Exercise, size: float = s.BODY_PT) -> Block:
    """Picture on the left; name, numbered steps and cautions on the right; a rule below."""
    if not exercise.image_path.is_file():
        raise FileNotFoundError(f"exercise picture missing: {exercise.image_path}")

    def block(pen: s.Pen, y: float) -> float:
        x = s.MARGIN + PICTURE_W + 4
        width = pen.pdf.epw - PICTURE_W - 4
        top = y + 2
        y = top + pen.text(x, top, width, exercise.name, s.NAME_PT + 1, bold=True) + 0.5
        for number, step in enumerate(exercise.steps, start=1):
            pen.text(x, y, 5, f"{number}.", size, bold=True)
            y += pen.text(x + 5, y, width - 5, printable(step), size) + 0.4
        if exercise.cautions:
            y += 0.8
            y += pen.text(x, y, width, "Take care", s.SMALL_PT, bold=True, color=s.ALERT)
            for caution in exercise.cautions:
                y += pen.text(x, y, width, printable(caution), s.SMALL_PT)
        pic_h = PICTURE_W * PICTURE_RATIO
        pen.picture(exercise.image_path, s.MARGIN, top, PICTURE_W, pic_h, exercise.name)
        bottom = max(y, top + pic_h) + 2
        pen.rule(s.MARGIN, bottom, s.MARGIN + pen.pdf.epw, bottom, lw=0.2)
        return bottom - (top - 2)

    return block


def exercise_blocks(plans: Sequence[WeekPlan], size: float = s.BODY_PT) -> list[Block]:
    intro = paragraph(
        "The pictures show the starting position. Move slowly, breathe out on the effort, and "
        "stop if pain spreads down a leg or gets clearly worse.",
        size,
        after=1,
    )
    return [intro, *[exercise_block(e, size) for e in programme_exercises(plans)]]


def tip_blocks(plan: WeekPlan) -> list[Block]:
    """Every tip by topic, then the see-a-doctor box with any advice for this person."""
    blocks: list[Block] = []
    topics: dict[str, list[str]] = {}
    for tip in plan.tips:
        if tip.topic != "see_a_doctor":
            topics.setdefault(tip.topic, []).append(tip.text)
    for topic, texts in topics.items():
        label = paragraph(tip_title(topic), s.NAME_PT, 0.3, bold=True)
        blocks.append(together(label, paragraph(texts[0])))
        blocks += [paragraph(text) for text in texts[1:]]
    stop = [t.text for t in plan.tips if t.topic == "see_a_doctor"]
    blocks.append(lambda pen, y: 2.0)
    blocks.append(help_box([*stop, *plan.advice]))
    return blocks


def help_box(lines: list[str]) -> Block:
    def contents(pen: s.Pen, x: float, y: float, width: float) -> float:
        top = y
        y += pen.text(x, y, width, "When to stop and get help", s.NAME_PT, bold=True, color=s.ALERT)
        for line in lines:
            y += pen.text(x, y, width, printable(line), s.BODY_PT) + 0.5
        return y - top

    return lambda pen, y: s.boxed(pen, y, contents) - y
