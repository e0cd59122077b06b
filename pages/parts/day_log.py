"""The session log, shared by the plan and session pages: how a session day went and the pain
before and after it, saved with Store.save_log (a day already logged is replaced).

Widget keys on the plan page, one form per session day (<day> is the ISO date):
log_<day>_status, log_<day>_before, log_<day>_after, log_<day>_note and log_<day>_save.
"""

from datetime import date

import streamlit as st
from pydantic import ValidationError

from pages.parts import ui
from planner import limits
from planner.log_entry import LogEntry
from planner.plan import Day
from storage import Store, StoreError

STATUS_WORDS = {"done": "Done", "partly": "Partly", "skipped": "Skipped"}
LABELS = {
    "status": "How did the session go?",
    "pain_before": "Pain before the session (0 = none, 10 = worst)",
    "pain_after": "Pain after the session (0 = none, 10 = worst)",
    "note": "Note (optional)",
}
SESSION_PAGE = "pages/session.py"
FLASH = "log_saved"  # the confirmation to show after the rerun that follows a save


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


def save_entry(store: Store, person_id: int, **fields) -> LogEntry | None:
    """Check and save one day of the log; a problem is shown in plain words and None returned."""
    if fields.get("status") is None:
        st.error("Please choose how the session went: done, partly or skipped.")
        return None
    try:
        entry = LogEntry(**fields)
        store.save_log(person_id, entry)
    except ValidationError as error:
        st.error(f"This could not be saved. {ui.plain(problem_text(error))}")
        return None
    except StoreError as error:
        ui.store_error(error)
        return None
    return entry


def ask(key: str, entry: LogEntry | None) -> dict:
    """The form's widgets, filled in from `entry` when the day is logged; returns the answers."""
    status = st.radio(
        LABELS["status"],
        tuple(STATUS_WORDS),
        index=tuple(STATUS_WORDS).index(entry.status) if entry else None,
        format_func=STATUS_WORDS.get,
        horizontal=True,
        key=f"{key}_status",
    )
    pains = {
        field: st.segmented_control(
            LABELS[field],
            pain_scale(),
            default=getattr(entry, field) if entry else None,
            key=f"{key}_{field.removeprefix('pain_')}",
        )
        for field in ("pain_before", "pain_after")
    }
    note = st.text_area(
        LABELS["note"], value=entry.note if entry else "", max_chars=note_limit(), key=f"{key}_note"
    )
    return {"status": status, "note": note.strip(), **pains}


def log_form(store: Store, person_id: int, day: Day, week: int, entry: LogEntry | None) -> None:
    """The log of one session day, in an expander: filled in when logged, editable."""
    when, today = day.date, ui.today()
    if when > today:
        st.caption(f"You can log this session on {long_date(when)} or later.")
        return
    if when == today:
        st.page_link(SESSION_PAGE, label="Do this session step by step", icon=":material/timer:")
    flash = st.session_state.get(FLASH)
    if flash and flash[0] == when:
        st.success(f"Saved for {long_date(when)}: {flash[1]}.", icon=":material/check_circle:")
        st.session_state.pop(FLASH)
    title = f"Logged: {described(entry)}. Change it" if entry else "Log how this session went"
    key = f"log_{when.isoformat()}"
    with (
        st.expander(title, expanded=entry is None and when == today, icon=":material/edit:"),
        st.form(key, border=False),
    ):
        answers = ask(key, entry)
        if st.form_submit_button("Save this day", key=f"{key}_save", type="primary"):
            saved = save_entry(store, person_id, day=when, week=week, **answers)
            if saved:
                st.session_state[FLASH] = (when, described(saved))
                st.rerun()
