"""The session log, shared by the plan and session pages: how a session day went and the pain
before and after it, saved with Store.save_log (a day already logged is replaced).

Widget keys on the plan page, one form per session day: state.log_key(day, part) for each part
(LOG_STATUS, LOG_BEFORE, LOG_AFTER, LOG_NOTE and LOG_SAVE).
"""

from datetime import date

import streamlit as st
from pydantic import ValidationError

from pages.parts import clock, current, state
from pages.parts.navigation import SESSION_PAGE
from pages.parts.text import TEXTS, plain
from planner import limits
from planner.log_entry import LogEntry
from planner.plan import Day
from storage import PersonRef, Store, StoreError

STATUS_WORDS: dict[str, str] = TEXTS["log"]["status"]
LABELS: dict[str, str] = TEXTS["log"]["labels"]
PAIN_PARTS = {"pain_before": state.LOG_BEFORE, "pain_after": state.LOG_AFTER}


def pain_scale() -> tuple[int, ...]:
    """Every pain score LogEntry accepts, lowest first."""
    return limits.PAIN.steps()


def note_limit() -> int:
    """The longest note LogEntry accepts."""
    return limits.NOTE.most


def long_date(day: date) -> str:
    """'Monday 3 March'."""
    return f"{day:%A} {day.day} {day:%B}"


def described(entry: LogEntry) -> str:
    """'Done, pain 5 before and 3 after' in plain words."""
    pains = [
        f"{score} {word}"
        for score, word in ((entry.pain_before, "before"), (entry.pain_after, "after"))
        if score is not None
    ]
    pain = f", pain {' and '.join(pains)}" if pains else ""
    return f"{STATUS_WORDS[entry.status]}{pain}"


def problem_text(error: ValidationError) -> str:
    """The first problem of a log entry, named by the label the person sees."""
    first = error.errors()[0]
    field = str(first["loc"][0]) if first["loc"] else "status"
    return f"{LABELS.get(field, field)}: {first['msg'].lower()}."


def save_entry(store: Store, person: PersonRef | int, **fields) -> LogEntry | None:
    """Check and save one day of the person's log (refused when they are gone or changed since
    `person` was read); a problem is shown in plain words and None returned."""
    if fields.get("status") is None:
        st.error("Please choose how the session went: done, partly or skipped.")
        return None
    try:
        entry = LogEntry(**fields)
        store.save_log(person, entry)
    except ValidationError as error:
        st.error(f"This could not be saved. {plain(problem_text(error))}")
        return None
    except StoreError as error:
        current.store_error(error)
        return None
    return entry


def ask(day: date, entry: LogEntry | None) -> dict:
    """The form's widgets, filled in from `entry` when the day is logged; returns the answers."""
    status = st.radio(
        LABELS["status"],
        tuple(STATUS_WORDS),
        index=tuple(STATUS_WORDS).index(entry.status) if entry else None,
        format_func=STATUS_WORDS.get,
        horizontal=True,
        key=state.log_key(day, state.LOG_STATUS),
    )
    pains = {
        field: st.segmented_control(
            LABELS[field],
            pain_scale(),
            default=getattr(entry, field) if entry else None,
            key=state.log_key(day, part),
        )
        for field, part in PAIN_PARTS.items()
    }
    note = st.text_area(
        LABELS["note"],
        value=entry.note if entry else "",
        max_chars=note_limit(),
        key=state.log_key(day, state.LOG_NOTE),
    )
    return {"status": status, "note": note.strip(), **pains}


def log_form(store: Store, person: PersonRef, day: Day, week: int, entry: LogEntry | None) -> None:
    """The log of one session day, in an expander: filled in when logged, editable. A save goes
    to the person the form was drawn for, or nowhere."""
    when, today = day.date, clock.today()
    if when > today:
        st.caption(f"You can log this session on {long_date(when)} or later.")
        return
    if when == today:
        st.page_link(SESSION_PAGE, label="Do this session step by step", icon=":material/timer:")
    flash = st.session_state.get(state.LOG_SAVED)
    if flash and flash[0] == when:
        st.success(f"Saved for {long_date(when)}: {flash[1]}.", icon=":material/check_circle:")
        st.session_state.pop(state.LOG_SAVED)
    title = f"Logged: {described(entry)}. Change it" if entry else "Log how this session went"
    with (
        st.expander(title, expanded=entry is None and when == today, icon=":material/edit:"),
        st.form(state.log_key(when), border=False),
    ):
        answers = ask(when, entry)
        save, drawn = state.log_key(when, state.LOG_SAVE), state.log_key(when, state.LOG_FOR)
        if st.form_submit_button(
            "Save this day",
            key=save,
            type="primary",
            on_click=current.keep_drawn_for,
            args=(drawn, person),
        ):
            target = current.drawn_for(drawn)
            saved = save_entry(store, target, day=when, week=week, **answers)
            if saved:
                st.session_state[state.LOG_SAVED] = (when, described(saved))
                st.rerun()
