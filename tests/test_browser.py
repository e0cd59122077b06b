"""End to end in a real browser: `streamlit run` plus Debian's Chromium driven by Playwright.

A person's path: every page opens without an exception; the profile form is filled and saved; the
plan shows the exercises build_plan gives; a red flag shows the stop screen; a logged session is
still there after a reload. Screenshots go to test-artifacts/ so a person can look at them.
"""

import json
import re
from datetime import date, datetime

import pytest

from planner import build_plan
from planner.schedule import current_session
from storage.transfer import validate_export
from tests.app_server import wait_for_app
from tests.browser_steps import (
    PAGE_TITLES,
    blank_profile,
    fill_profile,
    go,
    log_today,
    open_page,
    rate,
    shoot,
    sidebar_titles,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path", ["", "profile", "plan", "library", "tips", "session", "progress", "people"]
)
def test_every_page_opens_without_an_exception(page, app_url, path):
    """A fresh visitor can open each page directly; pages that need a profile say so."""
    open_page(page, f"{app_url}/{path}")
    shoot(page, f"page-{path or 'home'}-fresh")
    if path in ("plan", "tips", "session", "progress"):
        assert "safety check" in page.inner_text("body").lower()


def test_a_person_fills_the_profile_and_sees_their_plan(page, app_url):
    """Fill the form, save, go to the weekly plan: the week's table lists every exercise
    build_plan chose, and the open day's card (only that one is drawn) shows the pain rule, the
    warm-up and that day's exercises with their doses."""
    open_page(page, f"{app_url}/profile")
    fill_profile(page)
    body = page.inner_text("body")
    assert "Your answers are saved" in body
    shoot(page, "profile-saved")
    go(page, "Weekly plan")
    expected = build_plan(
        {
            "age": 52, "sex": "male", "height_cm": 170, "weight_kg": 80, "sitting_hours": 8,
            "active_days": 2, "lifting": "often", "posture": "fair", "core_strength": "weak",
            "water_l": 1.5, "stress": 5, "pain": 5, "pain_weeks": 2, "recent_trauma": False,
            "conditions": [], "red_flags": [], "days_per_week": 3, "minutes_per_day": 15,
            "start_date": date.today().isoformat(),
        }
    )  # fmt: skip
    table = page.locator("[data-testid='stTable']").first.inner_text()
    for name in {p.name for d in expected.days for p in d.exercises}:
        assert name in table, name
    sessions = expected.sessions
    day = sessions[current_session([d.date for d in sessions], date.today())]
    card = page.locator("[role='tabpanel']:visible").first.inner_text()
    rule = next(note.text for note in expected.notes if note.id == "pain_rule")
    assert rule in card
    for item in (*day.warm_up, *day.exercises):
        assert item.name in card, item.name
    for item in day.exercises:
        assert item.dose_text in card, item.dose_text
    assert page.get_by_role("button", name=re.compile("PDF")).count() >= 1
    shoot(page, "plan")
    for title in ("Exercise library", "Tips"):
        go(page, title)
        shoot(page, title.lower().replace(" ", "-"))
    assert "litres" in page.inner_text("body").lower() or " L " in page.inner_text("body")


def test_a_red_flag_stops_the_plan_in_the_browser(page, app_url):
    """Ticking new bladder or bowel problems shows the emergency message at once, and nothing
    more is asked."""
    blank_profile(page, app_url)  # someone new: a saved person would be given the warning sign
    fill_profile(page, red_flag="New problems controlling your bladder or bowel")
    body = page.inner_text("body")
    assert "emergency department now" in body.lower()
    shoot(page, "profile-red-flag")
    # the advice is the end of the page: no profile questions, no way on to a plan
    assert page.get_by_role("button", name="Save and check").count() == 0
    assert page.get_by_role("link", name="See your weekly plan").count() == 0


@pytest.mark.parametrize("path", ["plan", "people", "batch"])
def test_a_first_visit_straight_to_a_page_runs_under_the_router(fresh_url, page, path):
    """On a fresh server, opening /plan (or /people, /batch) first shows that page under BackPlan's
    navigation: every sidebar link is a page title, none a file name such as "app" or "ui"."""
    url = fresh_url
    open_page(page, f"{url}/{path}")
    heading = {"plan": "Weekly plan", "people": "Saved people", "batch": "Batch printing"}[path]
    assert page.get_by_role("heading", name=heading, exact=True).count() == 1
    assert sidebar_titles(page) == PAGE_TITLES


def test_a_logged_session_is_still_there_after_a_reload(fresh_url, page):
    """Log today's session (done, pain 5 then 3) on the plan page; Progress shows it, also after
    the browser reloads the page (a new session, found again through the URL and the store)."""
    today = date.today()
    when = f"{today:%A} {today.day} {today:%B}"
    url = fresh_url
    open_page(page, f"{url}/profile")
    fill_profile(page)
    go(page, "Weekly plan")
    log_today(page, "Done", 5, 3)
    wait_for_app(page)
    assert f"Saved for {when}: Done, pain 5 before and 3 after." in page.inner_text("body")
    shoot(page, "plan-with-log")

    go(page, "Progress")
    summary = "Your pain is down 1 point since you started (from 5 to 4 out of 10)"
    for attempt in ("before", "after"):
        body = page.inner_text("body")
        assert summary in body, (attempt, body)
        assert when in body and "For Pat Example" in body, attempt
        assert page.locator("[data-testid='stVegaLiteChart']").count() == 2, attempt
        page.reload()
        wait_for_app(page)
    assert "?person=" in page.url
    shoot(page, "progress")


def test_a_click_on_a_day_tab_shows_that_days_session(fresh_url, page):
    """The plan opens on today's session; clicking the next session day's tab draws that day's
    card (heading, exercises, and when it can be logged) in place of today's."""
    today = date.today()
    url = fresh_url
    open_page(page, f"{url}/profile")
    fill_profile(page)
    go(page, "Weekly plan")
    tabs = page.get_by_role("tab")
    assert tabs.first.get_attribute("aria-selected") == "true"
    heading = page.locator("[role=tabpanel] h3")
    assert heading.inner_text() == f"{today:%A}, {today.day} {today:%b}"
    tabs.nth(1).click()
    label = tabs.nth(1).inner_text().replace("\u00a0", " ")  # 'Fri 27 Nov'
    day = datetime.strptime(f"{label} {today.year}", "%a %d %b %Y").date()
    if day < today:  # the week runs into the new year
        day = day.replace(year=today.year + 1)
    heading.filter(has_text=f"{day:%A}, {day.day} {day:%b}").wait_for()
    wait_for_app(page)
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
    body = page.inner_text("body")
    assert f"You can log this session on {day:%A} {day.day} {day:%B} or later." in body
    assert page.locator(f".st-key-log_{today.isoformat()}_status").count() == 0
    assert page.locator("[role=tabpanel] [data-testid=stImage]").count() >= 3
    shoot(page, "plan-second-day")


def counts_down(page, pattern: str) -> None:
    """Start the clock; the time left (`pattern`'s seconds, or its minutes and seconds) goes
    down."""
    found = re.search(pattern, page.inner_text("body")).groups()
    first = int(found[0]) * 60 + int(found[1]) if len(found) == 2 else int(found[0])
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_function(  # the fragment reruns every second while the clock runs
        "([pattern, first]) => { const m = document.body.innerText.match(new RegExp(pattern));"
        " const left = m && (m[2] === undefined ? Number(m[1]) : m[1] * 60 + Number(m[2]));"
        " return m && left < first; }",
        arg=[pattern, first],
        timeout=10_000,
    )
    assert page.get_by_role("button", name="Pause").count() == 1


def test_the_guided_session_counts_down_the_warm_up_then_a_hold(fresh_url, page):
    """Start today's session: the warm-up comes first and its minutes count down; after it, the
    first exercise's hold counts down too."""
    open_page(page, f"{fresh_url}/profile")
    fill_profile(page)
    go(page, "Today's session")
    rate(page, "Pain now, before you start (0 = none, 10 = worst)", 4)
    page.get_by_role("button", name="Start the session").click()
    page.get_by_text("Warm-up", exact=True).wait_for()
    wait_for_app(page)
    counts_down(page, r"Warm up: (\d+):(\d\d)")
    shoot(page, "session-warm-up")
    # Pause first: while the clock runs the page redraws every second, and a click can land
    # between two redraws and be lost. A paused session moves on by Done alone.
    page.get_by_role("button", name="Pause", exact=True).click()
    page.get_by_role("button", name="Resume", exact=True).wait_for()
    part = page.locator("[data-testid=stMain] h3").first
    for _ in range(12):  # a warm-up has a few items; bounded so a stuck session fails
        if page.get_by_text("Exercise 1 of", exact=False).count():
            break
        before = part.inner_text()
        page.locator(".st-key-guided_done button").click()
        # Right after a click the old run still looks finished: wait for the next part's name.
        page.wait_for_function(
            "before => document.querySelector('[data-testid=stMain] h3')?.innerText !== before",
            arg=before,
        )
        wait_for_app(page)
    assert "Rep 1 of" in page.inner_text("body")
    counts_down(page, r"Hold: (\d+) s")
    shoot(page, "session-countdown")


def test_download_all_my_data_gives_a_file_that_imports(page, app_url):
    """Save a person, then "Download all my data" on Saved people: the browser gets a BackPlan
    export file that validates and holds that person."""
    open_page(page, f"{app_url}/profile")
    fill_profile(page, answers={"Name (for your saved plan and the printed sheet)": "Dee Load"})
    go(page, "Saved people")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all my data").click()
    assert re.fullmatch(
        r"backplan-export-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename
    )
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert "Dee Load" in [record.profile.name for record in validate_export(data)]
