"""Weekly plan: a tab per session day with its log (opening on today's), the desk breaks, the
whole week as a table, why it looks so, and downloads. The plan adapts to the log (build_plan's
progression note says how)."""

import json
import math
from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from pages.parts import cards, clock, current, log_form, router, state
from pages.parts.printing import print_controls
from pages.parts.text import TEXTS, bulleted
from planner import WeekPlan, build_plan
from planner.clinic import ClinicHeader
from planner.exports.csv_table import plan_csv
from planner.exports.ics_calendar import plan_ics
from planner.exports.json_plan import plan_json
from planner.exports.pdf_sheet import plan_pdf
from planner.plan import Day, Prescription
from planner.schedule import current_session, programme_week
from storage import StoreError
from storage.clinic import get_clinic

WEEKS = range(1, 13)
PAPERS: dict[str, str] = TEXTS["papers"]
COLUMNS = ("Day", "Exercise", "Sets x reps", "Hold", "Min")
NBSP = "\u00a0"  # keeps 'Tue 24 Nov' on one line in the table
DOWNLOADS = (  # two columns: the PDF and the calendar on the first row
    ("pdf", "Printable sheet (PDF)", "application/pdf", state.DOWNLOAD_PDF, ":material/print:"),
    ("ics", "Calendar (ICS)", "text/calendar", state.DOWNLOAD_ICS, ":material/event:"),
    ("csv", "Table (CSV)", "text/csv", state.DOWNLOAD_CSV, ":material/table:"),
    ("json", "Data (JSON)", "application/json", state.DOWNLOAD_JSON, ":material/data_object:"),
)


@st.cache_data(max_entries=64, show_spinner=False)
def pdf_bytes(plan_json: str, paper: str, clinic: ClinicHeader | None, _plan: WeekPlan) -> bytes:
    """The printable sheet, made once per plan (keyed on its JSON), paper and clinic header."""
    return plan_pdf(_plan, paper=paper, clinic=clinic)


def sheet(plan: WeekPlan, paper: str, clinic: ClinicHeader | None) -> bytes:
    """The plan's printable sheet (or, for a plan that must not go ahead, the doctor's note)."""
    return pdf_bytes(json.dumps(plan.to_dict(), sort_keys=True), paper, clinic, plan)


def short_date(day: date | None) -> str:
    return f"{day.day} {day:%b}" if day else ""


def day_label(day: Day) -> str:
    """'Tue 24 Nov' for a dated day, else the day's own name ('Day 1')."""
    if day.date is None:
        return day.day
    return f"{day.day[:3]} {short_date(day.date)}".replace(" ", NBSP)


def exercise_row(item: Prescription) -> dict[str, str]:
    each = " each side" if item.sides == 2 else ""
    return {
        "Exercise": item.name,
        "Sets x reps": f"{item.sets} x {item.reps}{each}",
        "Hold": f"{item.hold_s} s" if item.hold_s else "",
        "Min": f"{math.ceil(item.seconds / 30) / 2:g}",  # up to the next half minute
    }


def day_rows(day: Day) -> list[dict[str, str]]:
    """A session day's lines: the warm-up, each exercise, the walk (a rest day: one line)."""
    if not day.is_session:
        return [{"Exercise": "Rest day"}]
    warm = sum(w.minutes for w in day.warm_up)
    rows = [{"Exercise": "Warm-up", "Min": str(warm)}] if warm else []
    rows += [exercise_row(item) for item in day.exercises]
    if day.walk_min:
        rows.append({"Exercise": cards.DAY["walk_name"], "Min": str(day.walk_min)})
    return rows


def week_table(plan: WeekPlan) -> pd.DataFrame:
    """One row per line of each day; few short columns: no sideways scroll on phones."""
    rows = [{"Day": day_label(day), **row} for day in plan.days for row in day_rows(day)]
    return pd.DataFrame(rows, columns=list(COLUMNS)).fillna("")


def day_tabs(plan: WeekPlan, log_day: Callable[[Day], None] | None = None) -> None:
    """A tab for each session day (ending with `log_day`, the day's log), opening on today's or
    the next session; then the rest days. Only the open tab is drawn: five days of exercise cards
    at once made every click on the page slow, and the week's table lists every day's exercises."""
    sessions = plan.sessions
    labels = [day_label(day) for day in sessions]
    first = current_session([day.date for day in sessions], clock.today())
    tabs = st.tabs(labels, default=labels[first], key=state.DAY_TAB, on_change="rerun")
    for day, tab in zip(sessions, tabs, strict=True):
        if tab.open:
            with tab:
                day_card(day, plan, log_day)
    rest = [day_label(day) for day in plan.days if not day.is_session]
    if rest:
        st.markdown(cards.DAY["rest_days"].format(days=", ".join(rest)))


def day_card(day: Day, plan: WeekPlan, log_day: Callable[[Day], None] | None) -> None:
    """One session day in the order it is done: the pain rule, the warm-up, the exercises with
    pictures and doses, the walk; then its log. The minutes are the plan's own (Day.minutes)."""
    when = f"{day.day}, {short_date(day.date)}" if day.date else day.day
    with st.container(border=True):
        st.subheader(when)
        st.caption(f"About {day.minutes} minutes in all")
        cards.pain_rule(plan)
        if day.warm_up:
            cards.warm_up(day)
        st.markdown(f"**{cards.DAY['exercises'].format(minutes=day.exercise_minutes)}**")
        for item in day.exercises:
            cards.prescription_card(item)
        if day.walk_min:
            cards.walk(day, plan)
        if log_day is not None:
            log_day(day)


def why_this_plan(plan: WeekPlan) -> None:
    """The reasons behind the plan's choices, each with its source."""
    st.subheader("Why this plan")
    for note in (*plan.notes, *plan.removed_families):
        st.markdown(note.text)
        st.caption(f"Source: {note.source}")
    st.subheader("Your risk")
    cards.risk_summary(plan.risk)


def downloads(plan: WeekPlan, clinic: ClinicHeader | None) -> None:
    """The PDF sheet (with the saved clinic header), calendar, table and JSON, each made only when
    its button is clicked (Streamlit's deferred download), not on every rerun of the page. A click
    does not rerun the page ("ignore"): a rerun would replace the other buttons' deferred files,
    so a second download clicked while it ran could fail."""
    st.subheader("Print and take it along")
    paper = st.radio(
        "Paper size", tuple(PAPERS), format_func=PAPERS.get, key=state.PAPER, horizontal=True
    )
    name = f"backplan-week-{plan.week}"
    start = plan.days[0].date or clock.today()
    makers = {
        "pdf": lambda: sheet(plan, paper, clinic),
        "ics": lambda: plan_ics(plan, start=start, created=clock.now()),
        "csv": lambda: plan_csv(plan),
        "json": lambda: plan_json(plan),
    }
    for column, (ext, label, mime, key, icon) in zip(st.columns(2) * 2, DOWNLOADS, strict=True):
        column.download_button(
            label, data=makers[ext], file_name=f"{name}.{ext}", mime=mime, key=key,
            width="stretch", icon=icon, on_click="ignore",
        )  # fmt: skip


def stop(plan: WeekPlan, clinic: ClinicHeader | None) -> None:
    """The stop screen, the note for the doctor, and nothing else."""
    cards.stop_screen(plan)
    st.download_button(
        "A one-page note to take to your doctor (PDF)",
        data=lambda: sheet(plan, "a4", clinic),
        file_name="backplan-see-a-doctor.pdf",
        mime="application/pdf",
        key=state.DOWNLOAD_PDF,
    )
    st.caption(plan.disclaimer)
    st.stop()


router.start_page()
st.title("Weekly plan")
store, person = current.person()
profile = current.plan_profile(person)
st.text(f"For {person.name}")
try:
    log = store.log_for(person.id)
    clinic = get_clinic(store)
except StoreError as error:
    current.store_error(error)
    st.stop()
this_week = programme_week(person.programme_start, clock.today())
st.session_state.setdefault(state.WEEK_CHOICE, current.week(profile))
plan = build_plan(profile, st.session_state[state.WEEK_CHOICE], log=log)  # once a rerun
if not plan.safe_to_exercise:
    stop(plan, clinic)
week = st.selectbox(
    "Week of the programme",
    range(1, max(WEEKS.stop, this_week + 1)),
    key=state.WEEK_CHOICE,
    format_func=lambda n: f"Week {n} (this week)" if n == this_week else f"Week {n}",
)
st.session_state[state.WEEK] = week
if plan.progression is not None:
    st.info(f"**This week:** {plan.progression.text}", icon=":material/trending_up:")
    st.caption(f"Source: {plan.progression.source}")
if plan.advice:
    st.warning(bulleted(plan.advice))
st.markdown(f"**Week {plan.week}: {len(plan.sessions)} sessions.**")
logged = {entry.day: entry for entry in log}
day_tabs(plan, lambda day: log_form.log_form(store, person.ref, day, week, logged.get(day.date)))
if plan.desk_breaks:
    cards.desk_breaks(plan)
st.subheader("The whole week")  # after the day: on a phone the table is long
st.table(week_table(plan), hide_index=True, border="horizontal")
why_this_plan(plan)
print_controls()
downloads(plan, clinic)
st.caption(plan.disclaimer)
