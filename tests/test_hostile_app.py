"""Hostile input to the app's two ways in: the JSON import of saved people and logs
(storage.transfer, used by the Saved people page) and the profile form (pages/profile.py under
AppTest). See test_hostile_input.py for the corpus's rules.

The store already holds people and a log; a refused import or form leaves exactly the same rows.
An import problem names its record and field ("people[1].profile.age"); the form names the field by
the label the person sees.
"""

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from pages.parts import state
from planner.log_entry import LogEntry
from planner.profile import parse_profile
from storage import StoreError, dispose_engines, open_store
from storage.transfer import export_all, import_all, read_export_file
from tests.conftest import make_profile
from tests.hostile_cases import Case, params, write_input
from tests.hostile_cases_app import ANSWERS, FORM_CASES, IMPERIAL, IMPORT_CASES, NOW, START
from tests.page_steps import check_warning_signs, run


@pytest.fixture
def store(tmp_path):
    """A store that already holds Ann, with a two-day log, and Bo."""
    opened = open_store(f"sqlite:///{tmp_path / 'backplan'}.db")
    ann = opened.save_person(parse_profile(make_profile(name="Ann", pain=6)), START)
    opened.save_person(parse_profile(make_profile(name="Bo")), START)
    for day in (5, 6):
        opened.save_log(ann, LogEntry(day=date(2026, 1, day), week=1, status="done", note="ok"))
    yield opened
    dispose_engines()


@pytest.mark.parametrize("case", params([c for c in IMPORT_CASES if not c.accepted]))
def test_the_import_refuses_hostile_files_and_keeps_what_was_saved(case, store, tmp_path):
    """The problem names the record and field; every saved person and log entry is still there."""
    before = export_all(store, NOW)
    source = write_input(tmp_path, case)
    with pytest.raises(StoreError) as refused:  # TransferError, or ImportConflict
        import_all(store, read_export_file(source))
    assert case.expect in str(refused.value)
    assert export_all(store, NOW) == before


@pytest.mark.parametrize("case", params([c for c in IMPORT_CASES if c.accepted]))
def test_the_import_accepts_what_is_fine(case, store, tmp_path):
    report = import_all(store, read_export_file(write_input(tmp_path, case)))
    assert list(report.added) == case.expect.split()
    assert [p.name for p in store.list_people()] == sorted(["Ann", "Bo", *report.added])


@pytest.fixture
def app_store(page_store, set_today):
    """The app's own store in a temporary folder, already holding Ann and Bo."""
    set_today(START)
    opened = open_store()
    for name in ("Ann", "Bo"):
        opened.save_person(parse_profile(make_profile(name=name)), START)
    return opened


def saved(store) -> list:
    return [(p.name, store.get_person(p.id).profile) for p in store.list_people()]


def fill_in(case: Case) -> AppTest:
    """The profile form for someone new, filled in with the case's answers and submitted."""
    at = check_warning_signs(run("profile"))
    answers = ANSWERS
    if "imperial" in case.args:
        at.radio(key=state.UNITS).set_value("imperial").run()
        answers = IMPERIAL
    for key, value in (answers | case.data).items():
        at.get_by_key(key).set_value(value)
    at.form_submit_button(key=state.SUBMIT).click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("case", params([c for c in FORM_CASES if not c.accepted]))
def test_the_form_names_the_field_and_saves_nothing(case, app_store):
    before = saved(app_store)
    at = fill_in(case)
    errors = "\n".join(e.value for e in at.error)
    assert case.expect in errors
    assert not at.success
    assert saved(app_store) == before


@pytest.mark.parametrize("case", params([c for c in FORM_CASES if c.accepted]))
def test_the_form_saves_what_is_fine(case, app_store):
    at = fill_in(case)
    assert at.success and not at.error
    added = [profile for name, profile in saved(app_store) if name not in ("Ann", "Bo")]
    assert [p.model_dump(include=set(case.data)) for p in added] == [case.data]
