"""The Streamlit pages under AppTest: each runs, the form validates and saves, the plan shows.

Each test has its own data folder (a fresh SQLite store) and a fixed "today" (pages/parts/clock.py).
"""

from datetime import timedelta

import pytest
from streamlit.testing.v1 import AppTest

from pages.parts import state
from pages.parts.text import TEXTS
from planner import build_plan, parse_profile
from planner.data_files import FAMILIES, catalogue, exercises_by_id, safety_rules
from planner.log_entry import LogEntry
from planner.safety import screen_warning_signs
from storage import open_store
from tests.conftest import make_profile
from tests.page_steps import (
    ANSWERS,
    ANSWERS_START,
    check_warning_signs,
    keys_shown,
    open_day,
    run,
    save_person,
    shown,
    submit,
)

START = ANSWERS_START
TODAY = START


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed at TODAY."""
    set_today(TODAY)
    return page_store


def saved_profiles() -> list:
    """Every profile in the store."""
    store = open_store()
    return [store.get_person(p.id).profile for p in store.list_people()]


def open_page(page: str, profile: dict | None = None) -> AppTest:
    """Run the app from its router, with an optional saved person, and switch to a page."""
    if profile is not None:
        save_person(profile, TODAY)
    return run(page)


def dose_lines(at: AppTest) -> list[str]:
    """The exercise cards drawn on the page, as their name and dose lines."""
    return [m.value for m in at.markdown if m.value.startswith("**") and "  \n" in m.value]


def day_heading(day) -> str:
    """A session day's heading on the plan page: 'Monday, 3 Mar'."""
    return f"{day.day}, {day.date.day} {day.date:%b}"


def names(plan) -> set[str]:
    return {item.name for day in plan.days for item in day.exercises}


def family_order(exercise) -> int:
    return FAMILIES.index(exercise.family)


@pytest.mark.parametrize(
    "page", ["home", "profile", "plan", "library", "tips", "session", "progress", "people"]
)
def test_every_page_runs_without_a_saved_profile(page):
    """Every page opens on a fresh session without an exception."""
    open_page(page)


@pytest.mark.parametrize("page", ["plan", "tips", "session", "progress"])
def test_pages_that_need_a_profile_point_to_the_safety_check(page):
    """Without a saved person these pages say so and link to the profile page."""
    at = open_page(page)
    assert "Fill in the safety check and profile first" in shown(at)
    assert [link.value for link in at.page_link] == ["Go to the safety check"]


def test_home_page_explains_the_app_and_links_to_the_safety_check():
    """Home shows the burden with its source, the disclaimer and the way in."""
    at = open_page("home")
    text = shown(at)
    assert "619 million" in text and "Lancet Rheumatology 2023" in text
    assert "not a substitute" in text
    assert "Start the safety check" in [link.value for link in at.page_link]


def test_a_valid_profile_is_saved_and_leads_to_the_plan():
    """Valid answers are stored as the validated profile, with the risk level and a plan link."""
    at = submit(open_page("profile"), **ANSWERS)
    expected = parse_profile(make_profile(stress=4, start_date=START))
    assert saved_profiles() == [expected]
    assert at.success
    assert f"Your risk level: {build_plan(expected).risk.level}" in shown(at)
    assert "See your weekly plan" in [link.value for link in at.page_link]


def test_a_bad_value_names_its_field_keeps_the_answers_and_saves_nothing():
    """An imperial height out of range gets a message naming the field; the typed values stay."""
    at = check_warning_signs(open_page("profile"))
    at.radio(key="units").set_value("imperial").run()
    metric = {"height_cm", "weight_kg"}
    answers = {k: v for k, v in ANSWERS.items() if k not in metric}
    at = submit(at, **answers, height_in=30.0, weight_lb=160.0)
    assert "Height in inches" in at.error[0].value and "39 to 99" in at.error[0].value
    assert saved_profiles() == []
    assert at.number_input(key="height_in").value == 30.0
    assert at.number_input(key="age").value == 45
    assert at.radio(key="posture").value == "fair"


def test_an_empty_form_asks_for_each_required_answer():
    """Submitting the empty form names the missing fields, height and weight included."""
    at = submit(open_page("profile"))
    message = at.error[0].value
    labels = ("Name (for your saved plan and the printed sheet)", "Age in years", "Sex")
    for label in (*labels, "Height in centimetres", "Weight in kilograms"):
        assert label in message
    assert saved_profiles() == []


@pytest.mark.parametrize(
    ("answer", "headline"),
    [
        ({"red_flags_bladder_bowel": True}, "Go to an emergency department now"),
        ({"red_flags_weakness_both_legs": True}, "Go to an emergency department now"),
        ({"red_flags_fever": True}, "Get medical help today"),
        ({"red_flags_cancer_history": True}, "Get medical help today"),
        ({"red_flags_night_pain": True}, "See a doctor in the next few days, before you exercise"),
        ({"recent_trauma": True}, "See a doctor in the next few days, before you exercise"),
    ],
)
def test_ticking_only_a_warning_sign_gives_its_advice_at_once(answer, headline):
    """Step 1 alone, nothing else filled in: the advice with its urgency is the first thing after
    the button, with each reason; no profile questions, no "is required" list, no plan link."""
    at = check_warning_signs(open_page("profile"), **answer)
    errors = [e.value for e in at.error]
    assert errors[0].startswith(f"### {headline}\n")
    screen = screen_warning_signs(
        [k.removeprefix("red_flags_") for k in answer if k != "recent_trauma"],
        "recent_trauma" in answer,
    )
    assert errors[1:] == [f"**{s.label}**: {s.message}" for s in screen.stops]
    assert "is required" not in "\n".join(errors)
    assert state.SUBMIT not in keys_shown(at) and "age" not in keys_shown(at)
    assert "See your weekly plan" not in [link.value for link in at.page_link]
    assert saved_profiles() == []


def test_the_profile_questions_wait_for_a_clear_safety_check():
    """Before step 1 is checked only the warning signs are asked; a clear check opens step 2."""
    at = open_page("profile")
    assert state.SUBMIT not in keys_shown(at) and "age" not in keys_shown(at)
    at = check_warning_signs(at)
    assert {state.SUBMIT, "age", "floor", "screen_work", "long_term_steroids"} <= keys_shown(at)
    assert not at.error


def test_a_saved_person_who_ticks_a_warning_sign_is_stopped_on_every_page():
    """A saved person's new warning sign is saved with their answers: the plan page then shows
    the stop, not exercises."""
    at = submit(open_page("profile"), **ANSWERS)
    assert at.success
    at = check_warning_signs(at, red_flags_saddle_numbness=True)
    assert at.error[0].value.startswith("### Go to an emergency department now")
    assert saved_profiles()[0].red_flags == ["saddle_numbness"]
    at.switch_page("pages/plan.py").run()
    assert at.error[0].value.startswith("### Go to an emergency department now")


def test_the_profile_page_fills_in_the_saved_answers():
    """Coming back to the form shows the saved profile, ready to edit."""
    saved = make_profile(age=70, lifting="often", conditions=["arthritis"], weight_kg=None)
    at = open_page("profile", {**saved, "weight_lb": 180})
    assert at.radio(key="units").value == "imperial"
    assert at.number_input(key="age").value == 70
    assert at.number_input(key="weight_lb").value == 180
    assert at.radio(key="lifting").value == "often"
    assert at.checkbox(key="conditions_arthritis").value is True
    assert at.checkbox(key="conditions_pregnancy").value is False


def test_the_plan_page_shows_the_exercises_build_plan_chose():
    """The table holds the whole week; each session day's tab holds exactly that day's exercises
    and doses, and only the open tab is drawn."""
    profile = make_profile(start_date=START, conditions=["pregnancy"])
    plan = build_plan(profile, 1)
    at = open_page("plan", profile)
    table = at.table[0].value
    expected = [p.name for d in plan.days for p in d.exercises] + ["Rest day"] * 4
    expected += ["Warm-up"] * len(plan.sessions)
    assert sorted(table["Exercise"]) == sorted(expected)
    assert len(at.tabs) == len(plan.sessions)
    for index, day in enumerate(plan.sessions):
        open_day(at, index)
        assert dose_lines(at) == [f"**{i.name}**  \n{i.dose_text}" for i in day.exercises]
        assert day_heading(day) in [h.value for h in at.subheader]


def day_minutes(table, day) -> float:
    """The sum of the week table's minutes for one day."""
    label = f"{day.date:%a} {day.date.day} {day.date:%b}"
    rows = table[[text.replace("\u00a0", " ") == label for text in table["Day"]]]
    return sum(float(m) for m in rows["Min"] if m)


def test_the_week_table_has_a_warm_up_and_a_walk_line_and_its_minutes_add_up():
    """Each session day's rows open with the warm-up and end with the walk, and their minutes
    add up to the day's minutes (each exercise row rounds up to the next half minute)."""
    profile = make_profile(start_date=START, minutes_per_day=40)
    plan = build_plan(profile, 1)
    table = open_page("plan", profile).table[0].value
    for day in plan.sessions:
        label = f"{day.date:%a} {day.date.day} {day.date:%b}"
        rows = list(table[[t.replace("\u00a0", " ") == label for t in table["Day"]]]["Exercise"])
        assert rows[0] == "Warm-up" and rows[-1] == TEXTS["day"]["walk_name"]
        assert day.minutes <= day_minutes(table, day) < day.minutes + len(day.exercises) / 2


def test_a_day_card_shows_the_pain_rule_the_warm_up_the_exercises_then_the_walk():
    """In the order it is done, with the pain rule's and the walk's sources."""
    profile = make_profile(start_date=START, minutes_per_day=40)
    plan = build_plan(profile, 1)
    day = plan.sessions[0]
    text = shown(open_page("plan", profile))
    rule = next(n for n in plan.notes if n.id == "pain_rule")
    walk = next(n for n in plan.notes if n.id == "walk")
    in_order = [
        TEXTS["day"]["pain_rule"],
        *(f"**{w.name}**, {w.minutes} min" for w in day.warm_up),
        *(f"**{i.name}**" for i in day.exercises),
        TEXTS["day"]["walk"].format(minutes=day.walk_min),
        f"Source: {walk.source}",
    ]
    places = [text.index(words) for words in in_order]
    assert places == sorted(places)
    assert text.index(rule.text) < text.index(f"**{day.warm_up[0].name}**")


def test_the_day_card_and_why_this_plan_give_the_same_minutes():
    """Each day's 'About N minutes' counts warm-up, exercises and walk; the time note under 'Why
    this plan' gives their range (or the one number when every day is the same)."""
    profile = make_profile(start_date=START, minutes_per_day=40, days_per_week=3)
    plan = build_plan(profile, 1)
    at = open_page("plan", profile)
    cards = []
    for index, day in enumerate(plan.sessions):
        open_day(at, index)
        cards.append(next(c.value for c in at.caption if c.value.startswith("About ")))
        assert cards[-1] == f"About {day.minutes} minutes in all"
    each = sorted(int(card.split()[1]) for card in cards)
    minutes = f"{each[0]}" if each[0] == each[-1] else f"{each[0]}-{each[-1]}"
    assert f"Sessions take about {minutes} minutes of the 40 you allowed" in shown(at)


def test_a_person_who_sits_a_lot_sees_the_desk_breaks_as_every_hour_items():
    """Each desk-break movement with its instructions, under 'Every hour of sitting'."""
    profile = make_profile(start_date=START, sitting_hours=8)
    plan = build_plan(profile, 1)
    text = shown(open_page("plan", profile))
    assert plan.desk_breaks
    assert TEXTS["day"]["desk_breaks"] in text
    for item in plan.desk_breaks:
        assert f"**{item.name}**: {item.instructions}" in text


def test_the_plan_page_opens_on_todays_session_or_the_next_one(set_today):
    """On a session day its tab is open; on a rest day, the next session's; after the week, the
    last one's. The rest days are named under the tabs."""
    profile = make_profile(start_date=START, days_per_week=3)
    plan = build_plan(profile, 1)
    monday, wednesday, friday = plan.sessions
    save_person(profile, TODAY)
    for today, opened in (
        (START, monday),
        (START + timedelta(days=1), wednesday),
        (START + timedelta(days=4), friday),
        (START + timedelta(days=6), friday),
    ):
        set_today(today)
        at = open_page("plan")
        assert day_heading(opened) in [h.value for h in at.subheader]
        assert dose_lines(at) == [f"**{i.name}**  \n{i.dose_text}" for i in opened.exercises]
    rest_days = [d.date for d in plan.days if not d.is_session]
    rest = ", ".join(f"{d:%a}\u00a0{d.day}\u00a0{d:%b}" for d in rest_days)
    assert f"**Rest days:** {rest}. A walk is good." in shown(at)


def test_the_plan_page_shows_a_picture_of_each_exercise_with_alt_text():
    """Each exercise of a session day has its drawing, described for screen readers."""
    profile = make_profile(start_date=START)
    at = open_page("plan", profile)
    for index, day in enumerate(build_plan(profile, 1).sessions):
        drawn = [i for i in day.exercises if exercises_by_id()[i.id].image_path.is_file()]
        assert drawn, "the catalogue's drawings are in exercises/images"
        open_day(at, index)
        alts = [image.proto.imgs[0].alt for image in at.image]
        assert alts == [f"Drawing: {i.name}" for i in drawn]


def test_choosing_another_week_changes_the_doses():
    """After two good logged weeks, week 3 shows week 3's stepped-up doses and says why."""
    profile = make_profile(start_date=START)
    person_id = save_person(profile, TODAY)
    log = [
        LogEntry(day=START + timedelta(days=d), week=1 + d // 7, status="done", pain_before=3)
        for d in (0, 2, 4, 7, 9, 11)
    ]
    for entry in log:
        open_store().save_log(person_id, entry)
    week1, week3 = build_plan(profile, 1, log=log), build_plan(profile, 3, log=log)
    doses = {p.dose_text for p in week3.sessions[0].exercises}
    assert doses != {p.dose_text for p in week1.sessions[0].exercises}
    at = open_page("plan")
    at.selectbox(key=state.WEEK_CHOICE).set_value(3).run()
    assert not at.exception
    assert all(dose in shown(at) for dose in doses)
    assert at.info[0].value == f"**This week:** {week3.progression.text}"
    days = {text.replace("\u00a0", " ") for text in at.table[0].value["Day"]}
    assert "Mon 17 Mar" in days and "Mon 3 Mar" not in days


def test_the_plan_page_explains_the_plan_with_sources():
    """Every note and removed family is shown with its source."""
    plan = build_plan(make_profile(conditions=["osteoporosis"], age=70), 1)
    at = open_page("plan", make_profile(conditions=["osteoporosis"], age=70))
    text = shown(at)
    for note in (*plan.notes, *plan.removed_families):
        assert note.text in text and f"Source: {note.source}" in text


def test_the_plan_page_offers_pdf_calendar_table_and_json():
    """The four downloads are there, and the paper size can be chosen."""
    at = open_page("plan", make_profile())
    keys = {button.key for button in at.download_button}
    assert keys == {"download_pdf", "download_ics", "download_csv", "download_json"}
    at.radio(key=state.PAPER).set_value("letter").run()
    assert not at.exception


def test_a_red_flag_profile_sees_no_exercises_on_the_plan_page():
    """With a red flag the plan page shows only the stop screen and the doctor's note."""
    at = open_page("plan", make_profile(red_flags=["fever"]))
    text = shown(at)
    assert at.error[0].value.startswith("### Get medical help today")  # fever: urgent
    assert not any(e.name in text for e in catalogue().exercise)
    assert not at.table
    assert [button.key for button in at.download_button] == ["download_pdf"]


STOPPING = make_profile(red_flags=["fever"])


@pytest.mark.parametrize("page", ["plan", "session", "progress", "tips"])
def test_a_stopped_plan_shows_the_warning_first_and_no_exercises_on_every_page(page):
    """The urgency's headline and reasons at the top, no exercise and no way to start one."""
    at = open_page(page, STOPPING)
    plan = build_plan(STOPPING)
    assert at.error[0].value.startswith(f"### {safety_rules().urgency[plan.urgency].headline}")
    assert [e.value for e in at.error[1:]] == list(plan.stop_reasons)
    text = shown(at)
    assert not any(e.name in text for e in catalogue().exercise)
    assert not at.button and not at.page_link


def test_the_library_of_a_stopped_plan_says_first_not_to_start_the_exercises():
    """The library may still list the exercises, below the warning."""
    at = open_page("library", STOPPING)
    plan = build_plan(STOPPING)
    first = at.error[0].value
    assert first.startswith(f"### {safety_rules().urgency[plan.urgency].headline}")
    assert "Please do not start these exercises yet." in first
    assert "In your plan" not in shown(at)


def test_a_name_with_markdown_is_shown_exactly_as_typed():
    """The person's name is shown as plain text, never as Markdown."""
    at = open_page("plan", make_profile(name="**Bob** [x](http://e.com)"))
    assert "For **Bob** [x](http://e.com)" in [t.value for t in at.text]


def test_the_library_shows_every_exercise_in_the_catalogue():
    """Each catalogue exercise has its card, with its source."""
    at = open_page("library")
    headings = [h.value for h in at.subheader]
    assert headings == [e.name for e in sorted(catalogue().exercise, key=family_order)]
    assert "In your plan" not in shown(at)


def test_the_library_marks_the_exercises_in_the_persons_plan():
    """With a saved profile, each exercise in the plan is marked, and only those."""
    profile = make_profile(conditions=["hip_replacement"])
    at = open_page("library", profile)
    marked = [m for m in at.markdown if "In your plan" in m.value]
    assert len(marked) == len(names(build_plan(profile, 1)))


def test_the_library_says_who_an_exercise_is_not_for():
    """An exercise forbidden by a condition names that condition in plain words."""
    rules = safety_rules().conditions.values()
    at = open_page("library")
    text = shown(at)
    for exercise in catalogue().exercise:
        labels = [rule.label.lower() for rule in rules if rule.forbids & exercise.tags]
        if labels:
            assert f"**Not for:** {', '.join(labels)}" in text


def test_the_tips_page_shows_every_tip_of_the_plan_with_its_source():
    """Each tip's text and source appear, under friendly topic titles."""
    profile = make_profile(stress=8, lifting="often")
    plan = build_plan(profile, 1)
    at = open_page("tips", profile)
    text = shown(at)
    for tip in plan.tips:
        assert tip.text in text and f"Source: {tip.source}" in text
    assert "When to see a doctor" in [h.value for h in at.subheader]
    assert f"{plan.bmi:.1f}" in [m.value for m in at.metric]


def test_the_tips_page_defers_to_the_doctor_on_water_for_heart_or_kidney_disease():
    """No water target is given when a doctor sets the fluid limit."""
    at = open_page("tips", make_profile(conditions=["heart_or_kidney_disease"]))
    assert "Follow your doctor's advice on how much to drink." in shown(at)


def test_a_person_saved_in_another_tab_is_not_overwritten_by_a_blank_form():
    """A blank form saves a new person even if someone became "the only one saved" meanwhile
    (found by the load test: the second save replaced the first person)."""
    at = open_page("profile")
    save_person(
        make_profile(name="Bea First", age=60), TODAY
    )  # another tab saves while this one fills
    submit(at, **ANSWERS | {"name": "Al Second"})
    assert sorted(p.name for p in saved_profiles()) == ["Al Second", "Bea First"]
    assert next(p for p in saved_profiles() if p.name == "Bea First").age == 60
