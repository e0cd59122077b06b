"""Steps for driving the pages under AppTest (Streamlit's public testing API): run the app from
its router and switch to a page, read what it shows, fill the profile form, click, log a day.

The store and "today" of each test come from conftest.py's page_store and set_today fixtures.
"""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from pages.parts import state
from planner import parse_profile
from storage import open_store

APP = Path(__file__).resolve().parent.parent / "app.py"
ANSWERS_START = date(2025, 3, 3)
ANSWERS = {  # the profile form filled in, by widget key (a valid profile)
    "name": "Alex Example",
    "age": 45,
    "sex": "female",
    "height_cm": 168.0,
    "weight_kg": 70.0,
    "sitting_hours": 5.0,
    "active_days": 3,
    "lifting": "sometimes",
    "posture": "fair",
    "core_strength": "average",
    "water_l": 1.5,
    "stress": 4,
    "pain": 4,
    "pain_weeks": 2,
    "days_per_week": 3,
    "minutes_per_day": 15,
    "start_date": ANSWERS_START,
}
TEXT_KINDS = ("title", "subheader", "markdown", "caption", "text", "error", "warning", "info")


def save_person(profile: dict, start: date | None = None) -> int:
    """Save a profile to the store as the pages do; return the person's id."""
    valid = parse_profile(profile)
    return open_store().save_person(valid, programme_start=valid.start_date or start)


def run(page: str, query: dict | None = None, at: AppTest | None = None) -> AppTest:
    """A fresh session (like a newly opened tab, or `at` as prepared) on one page, run from the
    router (app.py)."""
    if at is None:
        at = AppTest.from_file(APP, default_timeout=30)
    at.query_params.update(query or {})
    at.run()
    if page != "home":
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception
    return at


def shown(at: AppTest) -> str:
    """All the text on the page, alerts and captions included."""
    return "\n".join(str(e.value) for kind in (*TEXT_KINDS, "success") for e in at.get(kind))


WIDGET_KINDS = ("button", "form_submit_button", "checkbox", "number_input", "radio", "slider")
WIDGET_KINDS += ("text_input", "date_input", "selectbox", "toggle", "text_area")


def keys_shown(at: AppTest) -> set[str]:
    """The keys of every widget on the page."""
    return {w.key for kind in WIDGET_KINDS for w in getattr(at, kind) if w.key}


def is_safety_answer(key: str) -> bool:
    """A widget of the profile page's step 1 (the warning signs)."""
    return key == state.TRAUMA or key.startswith(state.RED_FLAG.format(""))


def check_warning_signs(at: AppTest, **answers) -> AppTest:
    """Step 1 of the profile page: tick the warning-sign boxes given by key, press Check."""
    for key, value in answers.items():
        at.get_by_key(key).set_value(value)
    at.form_submit_button(key=state.SAFETY_CHECK).click().run()
    assert not at.exception
    return at


def safety_cleared(at: AppTest) -> bool:
    """Whether step 1 was checked with no warning sign, so step 2 (the profile) shows."""
    return state.SAFETY_CLEAR in at.session_state and bool(at.session_state[state.SAFETY_CLEAR])


def submit(at: AppTest, **answers) -> AppTest:
    """Answer step 1 (the warning signs among `answers`) and, when it is clear, fill the
    profile by widget key and press Save and check."""
    safety = {k: v for k, v in answers.items() if is_safety_answer(k)}
    if safety or not safety_cleared(at):
        check_warning_signs(at, **safety)
    if not safety_cleared(at):
        return at  # a warning sign: its advice is the end of the page
    for key, value in answers.items():
        if not is_safety_answer(key):
            at.get_by_key(key).set_value(value)
    at.form_submit_button(key=state.SUBMIT).click().run()
    assert not at.exception
    return at


def click(at: AppTest, key: str) -> AppTest:
    """Click the button with this key and let the page rerun."""
    at.button(key=key).click().run()
    assert not at.exception
    return at


def open_day(at: AppTest, index: int) -> AppTest:
    """Open the plan page's tab of its index-th session day, as clicking the tab does (the tab
    widget's value is the tab's label)."""
    at.session_state[state.DAY_TAB] = at.tabs[index].label
    at.run()
    assert not at.exception
    return at


def log_day(at: AppTest, day: date, status: str, before: int, after: int, note: str = ""):
    """Fill in and save one day's log form on the plan page."""
    at.radio(key=state.log_key(day, state.LOG_STATUS)).set_value(status)
    at.segmented_control(key=state.log_key(day, state.LOG_BEFORE)).set_value(before)
    at.segmented_control(key=state.log_key(day, state.LOG_AFTER)).set_value(after)
    at.text_area(key=state.log_key(day, state.LOG_NOTE)).input(note)
    at.form_submit_button(key=state.log_key(day, state.LOG_SAVE)).click().run()
    assert not at.exception
    return at
