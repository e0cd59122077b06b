"""The progress pages under AppTest: the saved person survives a new session, the log is written
from the plan and session pages, the progress page shows progress_summary's numbers, and the
people page deletes, exports and imports only when asked.

Each test has its own data folder (a fresh SQLite store) and a fixed "today" (pages/parts/clock.py).
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from pages.parts import state
from pages.parts.text import TEXTS
from planner import build_plan, parse_profile
from planner.log_entry import LogEntry
from planner.plan import Day
from planner.progress_summary import pain_change
from planner.session_steps import Part, parts_for
from storage import open_store
from storage.audit import entries
from storage.transfer import export_all, to_json
from tests.conftest import make_profile
from tests.page_steps import ANSWERS, click, log_day, open_day, run, shown, submit

START = date(2026, 1, 5)  # a Monday: with 3 days a week, sessions are Mon, Wed and Fri


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed at START."""
    set_today(START)
    return page_store


def person(name: str = "Alex Example", **changes) -> int:
    """Save a person whose programme starts on START; return their id."""
    profile = parse_profile(make_profile(name=name, start_date=START, **changes))
    return open_store().save_person(profile, programme_start=START)


# --- the current person ---------------------------------------------------------------------------


def test_a_saved_profile_is_found_again_in_a_new_session():
    """Save on the profile page; a new session (a refresh) shows that person's plan."""
    at = submit(run("profile"), **ANSWERS)
    assert at.success
    person_id = open_store().list_people()[0].id
    assert at.query_params == {"person": str(person_id)}
    again = run("plan")
    assert "For Alex Example" in [t.value for t in again.text]
    plan = build_plan(open_store().get_person(person_id).profile, 1, log=[])
    assert {p.name for d in plan.days for p in d.exercises} <= set(again.table[0].value["Exercise"])


def test_with_several_people_the_url_picks_one_and_otherwise_the_page_asks():
    """?person=<id> shows that person; without it the page asks "Whose plan?" and then shows."""
    person("Alex Example")
    sam = person("Sam Sample")
    assert "For Sam Sample" in [t.value for t in run("plan", {"person": str(sam)}).text]
    at = run("plan")
    assert "Whose plan?" in [h.value for h in at.subheader]
    assert not at.table
    click(at, f"choose_{sam}")
    assert "For Sam Sample" in [t.value for t in at.text]
    assert at.query_params == {"person": str(sam)}


def test_open_their_plan_on_the_people_page_shows_that_persons_plan():
    """Choosing someone on the Saved people page makes them current and opens their plan."""
    person("Alex Example")
    sam = person("Sam Sample")
    at = click(run("people"), f"open_{sam}")
    assert at.title[0].value == "Weekly plan"
    assert "For Sam Sample" in [t.value for t in at.text]
    assert at.query_params == {"person": str(sam)}


def test_a_programme_that_starts_later_says_so_on_the_session_page(set_today):
    """Two days before the start: no "rest day", but when the programme starts."""
    person()
    set_today(START - timedelta(days=2))
    at = run("session")
    assert at.info[0].value.startswith("Your programme starts on Monday 5 January.")
    assert at.selectbox(key="guided_day").value == START


def test_a_link_to_a_deleted_person_says_so_and_never_shows_the_one_saved():
    """An old ?person= id that no longer exists is dropped with a warning, and the page asks
    whose plan to show rather than showing the only saved person."""
    alex = person("Alex Example")
    at = run("plan", {"person": str(alex + 41)})
    assert at.warning[0].value.startswith("The person this page was showing is not saved here")
    assert "For Alex Example" not in [t.value for t in at.text]
    assert at.button(key=f"choose_{alex}").label == "Alex Example"
    assert "person" not in at.query_params


def test_a_name_already_saved_is_refused_with_a_friendly_message():
    """A second person with a taken name is not saved; the message says what to do."""
    person("Alex Example")
    at = run("profile")
    click(at, "new_person")
    submit(at, **ANSWERS)
    assert "Someone called Alex Example is already saved" in at.error[0].value
    assert [p.name for p in open_store().list_people()] == ["Alex Example"]


def test_a_damaged_data_file_is_set_aside_with_a_warning_and_the_app_still_saves(data_dir):
    """A database file that is not a database: warned about once, kept, and a new one works."""
    (data_dir / "backplan.db").write_bytes(b"this is not a database" * 100)
    at = run("profile")
    assert "The saved data file was damaged" in at.warning[0].value
    submit(at, **ANSWERS)
    assert not any("damaged" in w.value for w in at.warning)
    assert [p.name for p in open_store().list_people()] == ["Alex Example"]
    assert any(
        p.name != "backplan.db" and p.name.startswith("backplan") for p in data_dir.iterdir()
    )


# --- the log on the plan page ---------------------------------------------------------------------


def test_logging_a_day_on_the_plan_page_writes_a_log_entry():
    """Done, pain 5 then 3, with a note: one LogEntry for that day of week 1, and a confirmation."""
    alex = person()
    at = log_day(run("plan"), START, "done", 5, 3, "Felt looser")
    expected = LogEntry(day=START, week=1, status="done", pain_before=5, pain_after=3)
    assert open_store().log_for(alex) == [expected.model_copy(update={"note": "Felt looser"})]
    assert "Saved for Monday 5 January: Done, pain 5 before and 3 after." in shown(at)


def test_editing_a_logged_day_replaces_its_entry():
    """A logged day shows its values; saving it again keeps one entry, with the new values."""
    alex = person()
    log_day(run("plan"), START, "done", 5, 3)
    at = run("plan")
    key = f"log_{START.isoformat()}"
    assert at.radio(key=f"{key}_status").value == "done"
    assert at.segmented_control(key=f"{key}_after").value == 3
    assert "Logged: Done, pain 5 before and 3 after. Change it" in [e.label for e in at.expander]
    log_day(at, START, "partly", 5, 6)
    assert open_store().log_for(alex) == [
        LogEntry(day=START, week=1, status="partly", pain_before=5, pain_after=6)
    ]


def test_a_day_without_a_status_is_not_saved_and_the_page_says_why():
    """Saving without choosing done, partly or skipped gives a plain message and writes nothing."""
    alex = person()
    at = run("plan")
    at.form_submit_button(key=f"log_{START.isoformat()}_save").click().run()
    assert "Please choose how the session went" in at.error[0].value
    assert open_store().log_for(alex) == []


def test_future_session_days_cannot_be_logged_yet():
    """Wednesday's session can be logged from Wednesday; on Monday it has no form."""
    person()
    at = open_day(run("plan"), 1)
    wednesday = START + timedelta(days=2)
    assert "You can log this session on Wednesday 7 January or later." in shown(at)
    assert f"log_{wednesday.isoformat()}_save" not in [b.key for b in at.button]


def test_an_earlier_day_is_logged_from_its_tab(set_today):
    """On Wednesday the page opens on Wednesday; Monday's tab logs Monday (in week 1)."""
    alex = person()
    set_today(START + timedelta(days=2))
    at = run("plan")
    assert f"log_{START.isoformat()}_save" not in [b.key for b in at.button]
    log_day(open_day(at, 0), START, "skipped", 3, 3)
    assert open_store().log_for(alex) == [
        LogEntry(day=START, week=1, status="skipped", pain_before=3, pain_after=3)
    ]
    assert "Saved for Monday 5 January: Skipped, pain 3 before and 3 after." in shown(at)


def test_the_plan_page_opens_on_this_programme_week_and_says_how_the_log_set_it(set_today):
    """Nine days in, week 2 is shown; week 1 has no log, so the doses hold, and it says so."""
    person()
    set_today(START + timedelta(days=9))
    at = run("plan")
    assert at.selectbox(key=state.WEEK_CHOICE).value == 2
    assert at.selectbox(key=state.WEEK_CHOICE).format_func(2) == "Week 2 (this week)"
    plan = build_plan(make_profile(start_date=START), 2, log=[])
    assert at.info[0].value == f"**This week:** {plan.progression.text}"
    assert "Nothing was logged last week" in plan.progression.text


# --- the guided session ---------------------------------------------------------------------------


PART_CAPTIONS = {"warm_up": "Warm-up", "exercise": "Exercise ", "walk": "To finish"}


def first_day(**changes) -> Day:
    """The first session day of the saved person's week 1."""
    return build_plan(make_profile(start_date=START, **changes), 1, log=[]).days[0]


def guided_parts(**changes) -> tuple[Part, ...]:
    """The guided session's parts for the first session day."""
    return parts_for(first_day(**changes), walk_name=TEXTS["day"]["walk_name"])


def walk_through(at: AppTest, results: list[str], parts: tuple[Part, ...]) -> AppTest:
    """Answer pain 6, start, then click Done or Skip for each part, checking which part shows."""
    at.segmented_control(key="guided_pain_before").set_value(6)
    click(at, "guided_begin")
    for part, result in zip(parts, results, strict=True):
        assert at.caption[0].value.startswith(PART_CAPTIONS[part.kind])
        click(at, "guided_done" if result == "done" else "guided_skip")
    return at


def test_the_guided_session_walks_through_and_writes_the_log():
    """Pain 6 before, every part done, pain 4 now: the log holds a done session for today."""
    alex = person()
    parts = guided_parts()
    at = walk_through(run("session"), ["done"] * len(parts), parts)
    assert "This session goes into your log as **Done**." in shown(at)
    at.segmented_control(key="guided_pain_after").set_value(4)
    click(at, "guided_save")
    assert open_store().log_for(alex) == [
        LogEntry(day=START, week=1, status="done", pain_before=6, pain_after=4)
    ]
    assert "Saved to your log for Monday 5 January: Done, pain 6 before and 4 after." in shown(at)


def test_a_skipped_exercise_makes_the_session_partly_done():
    """One exercise skipped, the rest done: logged as partly."""
    alex = person()
    parts = guided_parts()
    results = ["skipped" if p is parts_of_kind(parts, "exercise")[0] else "done" for p in parts]
    at = walk_through(run("session"), results, parts)
    click(at, "guided_save")
    assert [(e.status, e.pain_after) for e in open_store().log_for(alex)] == [("partly", None)]


def parts_of_kind(parts: tuple[Part, ...], kind: str) -> list[Part]:
    return [p for p in parts if p.kind == kind]


def test_the_guided_session_starts_with_the_pain_rule_and_the_whole_session_in_order():
    """Before Start: the pain rule with its source, and warm-up, exercises and walk listed."""
    person(minutes_per_day=40)
    plan = build_plan(make_profile(start_date=START, minutes_per_day=40), 1, log=[])
    rule = next(note for note in plan.notes if note.id == "pain_rule")
    at = run("session")
    text = shown(at)
    assert rule.text in text and f"Source: {rule.source}" in text
    names = [p.name for p in guided_parts(minutes_per_day=40)]
    assert names[-1] == TEXTS["day"]["walk_name"]
    places = [text.index(f"**{name}**") for name in names]
    assert places == sorted(places)


def test_the_guided_session_counts_down_the_warm_up_and_the_walk():
    """The first part is the first warm-up item with its minutes to count down; the last, the
    walk with the plan's walk minutes."""
    person(minutes_per_day=40)
    day = first_day(minutes_per_day=40)
    assert day.warm_up and day.walk_min
    at = click(run("session"), "guided_begin")
    warm = day.warm_up[0]
    assert at.caption[0].value == "Warm-up"
    assert warm.name in [h.value for h in at.subheader]
    assert f"# Warm up: {warm.minutes}:00" in shown(at)
    for _ in range(len(guided_parts(minutes_per_day=40)) - 1):
        click(at, "guided_done")
    assert at.caption[0].value == "To finish"
    walk = TEXTS["day"]["walk"].format(minutes=day.walk_min)
    assert walk in [h.value for h in at.subheader]
    assert f"# Walk: {day.walk_min}:00" in shown(at)


def test_the_guided_session_shows_each_exercise_and_counts_the_reps():
    """The first exercise with its dose and steps; Next rep moves the counter on by one."""
    person()
    first = first_day().exercises[0]
    at = click(run("session"), "guided_begin")
    for _ in parts_of_kind(guided_parts(), "warm_up"):
        click(at, "guided_done")
    assert first.name in [h.value for h in at.subheader]
    assert f"**{first.dose_text}**" in shown(at)
    assert f"Rep 1 of {first.reps}" in [h.value for h in at.subheader]
    assert f"# Hold: {first.hold_s} s" in shown(at)
    click(at, "guided_next")
    assert f"Rep 2 of {first.reps}" in [h.value for h in at.subheader]


def test_on_a_rest_day_the_session_page_says_so_and_offers_the_next_session(set_today):
    """Tuesday is a rest day: the page says so and offers Wednesday's session."""
    person()
    set_today(START + timedelta(days=1))
    at = run("session")
    assert "Today is a rest day" in at.info[0].value
    assert "The next one is on Wednesday 7 January." in at.info[0].value
    assert at.selectbox(key="guided_day").value == START + timedelta(days=2)


# --- progress -------------------------------------------------------------------------------------

LOG = [
    LogEntry(day=START, week=1, status="done", pain_before=6, pain_after=5),
    LogEntry(day=START + timedelta(days=2), week=1, status="partly", pain_before=5),
    LogEntry(day=START + timedelta(days=7), week=2, status="done", pain_before=3, pain_after=3),
]


def test_the_progress_page_shows_the_summary_and_the_charts():
    """The summary text is progress_summary's, with its source; two charts and the log table."""
    alex = person(pain=6)
    for entry in LOG:
        open_store().save_log(alex, entry)
    at = run("progress")
    change = pain_change(LOG, baseline=6)
    assert change.meaningful
    assert at.success[0].value == change.text
    assert "Your pain is down 3 points since you started" in change.text
    assert "Source: Ostelo et al., Spine 2008" in shown(at)
    assert len(at.get("vega_lite_chart")) == 2
    assert list(at.table[0].value["Day"]) == [
        "Monday 12 January",
        "Wednesday 7 January",
        "Monday 5 January",
    ]


def test_the_progress_page_with_an_empty_log_points_to_the_plan_page():
    """No log yet: a friendly pointer to the weekly plan, no charts."""
    person()
    at = run("progress")
    assert "Log your first session on the Weekly plan page" in at.info[0].value
    assert not at.get("vega_lite_chart")


# --- saved people ---------------------------------------------------------------------------------


def test_deleting_a_person_needs_a_second_click():
    """Delete asks first; No keeps them; Yes deletes them and their log."""
    alex = person()
    open_store().save_log(alex, LOG[0])
    at = click(run("people"), f"delete_{alex}")
    assert "Delete Alex Example and their whole log?" in at.warning[0].value
    click(at, "cancel_delete")
    assert [p.id for p in open_store().list_people()] == [alex]
    click(click(at, f"delete_{alex}"), "confirm_delete")
    assert open_store().list_people() == []
    assert "Deleted Alex Example and their log." in at.success[0].value


def test_download_all_my_data_is_offered_and_audited_with_a_count():
    """The export button is there for a saved person; a click records the export of 2 people."""
    alex = person("Alex Example")
    person("Sam Sample", age=70)
    open_store().save_log(alex, LOG[0])
    at = run("people")
    button = at.download_button(key=state.EXPORT)
    assert button.proto.label == "Download all my data"
    button.click().run()
    assert [e.detail for e in entries(open_store()) if e.action == "export"] == ["people=2"]


def test_an_import_that_clashes_asks_before_replacing():
    """A file with a saved name: nothing changes until "Yes, replace them" is clicked."""
    person("Alex Example", age=45)
    data = export_all(open_store(), now=datetime(2026, 1, 5, 12, tzinfo=UTC))
    data["people"][0]["profile"]["age"] = 60
    at = run("people")
    at.file_uploader(key="import_file_0").set_value(
        ("backplan.json", to_json(data).encode(), "application/json")
    ).run()
    click(at, "import_go")
    assert "Replace these people: Alex Example?" in at.warning[0].value
    assert open_store().get_person(open_store().list_people()[0].id).profile.age == 45
    click(at, "import_replace")
    assert open_store().get_person(open_store().list_people()[0].id).profile.age == 60
    assert "Imported: replaced Alex Example." in at.success[0].value


def test_a_broken_import_file_lists_its_problems_plainly():
    """A file that is not an export says why, and imports nothing."""
    at = run("people")
    at.file_uploader(key="import_file_0").set_value(
        ("notes.json", b'{"format": "something else"}', "application/json")
    ).run()
    assert "This file cannot be imported" in at.error[0].value
    assert "not a BackPlan export file" in at.error[0].value
    assert not [b for b in at.button if b.key == "import_go"]
