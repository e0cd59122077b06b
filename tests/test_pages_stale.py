"""Stale tabs, old bookmarks and odd links on the pages (issue 13, findings 1, 2 and 12): each
AppTest is one browser tab, and a write from a tab drawn before another tab deleted or changed the
person goes nowhere, with a plain message."""

from datetime import date, timedelta

import pytest

from pages.parts import state
from planner import parse_profile
from planner.log_entry import LogEntry
from storage import open_store
from tests.conftest import make_profile
from tests.page_steps import click, log_day, open_day, run, shown

START = date(2026, 1, 5)  # a Monday: with 3 days a week, sessions are Mon, Wed and Fri
GONE = "The person this page was showing is"  # ... no longer saved / not saved here any more


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed at START."""
    set_today(START)
    return page_store


def person(name: str, **changes) -> int:
    """Save a person whose programme starts on START, with a logged Monday; return the id."""
    store = open_store()
    profile = parse_profile(make_profile(name=name, start_date=START, **changes))
    person_id = store.save_person(profile, programme_start=START)
    store.save_log(person_id, LogEntry(day=START, week=1, status="done", note=f"{name}'s"))
    return person_id


def everyone() -> list:
    """Every saved person with their profile, version and log, to compare before and after."""
    store = open_store()
    return [
        (s.name, s.version, store.get_person(s.id).profile, store.log_for(s.id))
        for s in store.list_people()
    ]


def delete_in_another_tab(person_id: int) -> None:
    """Tab B: Saved people, Delete, Yes."""
    tab_b = click(run("people"), state.DELETE.format(person_id))
    click(tab_b, state.YES_DELETE)
    assert "Deleted" in shown(tab_b)


def test_a_stale_profile_tab_cannot_write_into_another_person():
    """Ann's profile open in tab A; tab B deletes Ann; tab A saves: refused, Bo untouched, and
    nobody is told their answers are saved."""
    ann, bo = person("Ann", pain=3), person("Bo", pain=6)
    tab_a = run("profile", {"person": str(ann)})
    assert tab_a.text_input(key="name").value == "Ann"
    delete_in_another_tab(ann)
    before = everyone()
    tab_a.slider(key="pain").set_value(8)
    tab_a.form_submit_button(key=state.SUBMIT).click().run()
    assert not tab_a.exception
    assert GONE in shown(tab_a) and "Nothing was saved" in shown(tab_a)
    assert not tab_a.success
    assert everyone() == before
    assert [s.id for s in open_store().list_people()] == [bo]


def test_a_stale_plan_tab_cannot_log_into_another_person():
    """Ann's plan open in tab A on Monday's form; tab B deletes Ann; tab A logs Monday: refused,
    and Bo's log is as it was."""
    ann, bo = person("Ann"), person("Bo")
    tab_a = open_day(run("plan", {"person": str(ann)}), 0)
    assert "For Ann" in [t.value for t in tab_a.text]
    delete_in_another_tab(ann)
    before = everyone()
    log_day(tab_a, START, "partly", 7, 6, note="from a stale tab")
    assert GONE in shown(tab_a)
    assert everyone() == before
    assert [e.note for e in open_store().log_for(bo)] == ["Bo's"]


def test_a_plan_tab_drawn_before_the_answers_changed_does_not_log_until_shown_again():
    """Tab B saves Ann's answers again; tab A's older form is refused once, then, drawn anew,
    saves."""
    ann = person("Ann")
    tab_a = open_day(run("plan", {"person": str(ann)}), 0)
    store = open_store()
    store.save_person(store.get_person(ann).profile, START, ann)  # tab B: Save and check
    log_day(tab_a, START, "partly", 7, 6, note="first try")
    assert "changed in another tab" in shown(tab_a)
    assert [e.note for e in store.log_for(ann)] == ["Ann's"]
    log_day(tab_a, START, "partly", 7, 6, note="second try")
    assert [e.note for e in store.log_for(ann)] == ["second try"]


def test_a_guided_session_drawn_before_the_answers_changed_is_saved_only_once_shown_again():
    """Ann's guided session in tab A; tab B saves her answers again; tab A's save is refused
    once, with nothing written, then saves."""
    ann = person("Ann")
    tab_a = run("session", {"person": str(ann)})
    tab_a.segmented_control(key=state.GUIDED_PAIN_BEFORE).set_value(5)
    click(tab_a, state.GUIDED_BEGIN)
    for _ in range(20):  # skip through the parts; bounded so a stuck session fails
        if state.GUIDED_SAVE in [b.key for b in tab_a.button]:
            break
        click(tab_a, state.GUIDED_SKIP)
    store = open_store()
    store.save_person(store.get_person(ann).profile, START, ann)  # tab B: Save and check
    tab_a.segmented_control(key=state.GUIDED_PAIN_AFTER).set_value(4)
    click(tab_a, state.GUIDED_SAVE)
    assert "changed in another tab" in shown(tab_a)
    assert [e.note for e in store.log_for(ann)] == ["Ann's"]
    click(tab_a, state.GUIDED_SAVE)
    assert [e.status for e in store.log_for(ann)] == ["skipped"]


def test_an_old_bookmark_shows_not_found_and_not_the_person_given_a_new_id():
    """Delete the newest person (Bo) and save Cy: ?person=<Bo's id> says not found, not Cy."""
    person("Ann")
    bo = person("Bo")
    open_store().delete_person(bo)
    cy = person("Cy")
    assert cy != bo
    at = run("plan", {"person": str(bo)})
    assert at.warning[0].value.startswith("The person this page was showing is not saved here")
    assert "Cy" not in [t.value for t in at.text if t.value.startswith("For ")]
    assert at.button(key=f"choose_{cy}")


@pytest.mark.parametrize(
    "link",
    ["²", "١٢", "1" * 20, "9" * 5000, "-1", "0", "2147483648", " 1", "1e3", "0x1"],
)
@pytest.mark.parametrize("page", ["plan", "profile", "library"])
def test_a_person_link_that_is_not_a_plain_id_gives_a_message_not_a_traceback(page, link):
    """?person= values int() refuses or no database could hold: a plain message on every page."""
    person("Ann")
    at = run(page, {"person": link})
    assert not at.exception
    assert "This link does not name a saved person" in shown(at)
    assert "person" not in at.query_params


def test_deleting_someone_who_changed_since_delete_was_pressed_is_refused():
    """Delete pressed for Ann; tab B renames her; Yes, delete in tab A: refused, Ann kept."""
    ann = person("Ann")
    tab_a = click(run("people"), state.DELETE.format(ann))
    store = open_store()
    store.save_person(parse_profile(make_profile(name="Annie")), START, ann)
    click(tab_a, state.YES_DELETE)
    assert "changed in another tab" in shown(tab_a)
    assert [s.name for s in store.list_people()] == ["Annie"]


def test_saved_people_shows_a_page_at_a_time_and_finds_by_name():
    """45 people: 20 on a page, Next shows the next 20, a search finds one across pages."""
    store = open_store()
    for number in range(45):
        store.save_person(parse_profile(make_profile(name=f"Person {number:02}")), START)
    at = run("people")
    names = [m.value for m in at.markdown if m.value.startswith("**Person")]
    assert names == [f"**Person {n:02}**" for n in range(20)]
    assert "People 1 to 20 of 45" in shown(at)
    at = click(at, state.PEOPLE_NEXT)
    names = [m.value for m in at.markdown if m.value.startswith("**Person")]
    assert names[0] == "**Person 20**" and len(names) == 20
    at.text_input(key=state.PEOPLE_SEARCH).input("on 4").run()
    names = [m.value for m in at.markdown if m.value.startswith("**Person")]
    assert names == [f"**Person {n}**" for n in range(40, 45)]
    at.text_input(key=state.PEOPLE_SEARCH).input("100%").run()
    assert "Nobody saved here has “100\\%” in their name." in shown(at)  # % escaped by plain()


def test_whose_plan_lists_the_first_people_and_points_to_saved_people_for_the_rest():
    """With 30 people and nobody chosen: 12 buttons and a link to find anyone else by name."""
    store = open_store()
    for number in range(30):
        store.save_person(parse_profile(make_profile(name=f"P{number:02}")), START)
    at = run("plan")
    assert len([b for b in at.button if b.key.startswith("choose_")]) == 12
    assert "Find someone else by name" in [link.label for link in at.get("page_link")]


def test_logging_a_later_day_keeps_working_after_an_earlier_one(set_today):
    """Two saves in a row from the same tab both go in (the form is drawn again after each)."""
    ann = person("Ann")
    set_today(START + timedelta(days=2))
    tab = open_day(run("plan", {"person": str(ann)}), 1)
    log_day(tab, START + timedelta(days=2), "done", 3, 2)
    log_day(tab, START + timedelta(days=2), "partly", 4, 3)
    assert [e.status for e in open_store().log_for(ann)] == ["done", "partly"]
