"""End to end in a real browser: `streamlit run` plus Debian's Chromium driven by Playwright.

A person's path: every page opens without an exception; the profile form is filled and saved; the
plan shows the exercises build_plan gives; a red flag shows the stop screen; a logged session is
still there after a reload. Screenshots go to test-artifacts/ so a person can look at them.
"""

import re
from datetime import date, datetime

import pytest

from planner import build_plan
from tests.app_server import ROOT, chromium_browser, running_app, wait_for_app

pytestmark = pytest.mark.browser
SHOTS = ROOT / "test-artifacts"
PROFILE = {
    "Name (for your saved plan and the printed sheet)": "Pat Example",
    "Age in years": "52",
    "Height in centimetres": "170",
    "Weight in kilograms": "80",
    "Hours a day spent sitting": "8",
    "Days a week with at least 30 minutes of activity": "2",
    "Litres of drinks a day": "1.5",
    "Weeks this episode has lasted (0 if less than a week)": "2",
}
CHOICES = {"Sex": "Male", "Do you lift or carry heavy things?": "Often"}
CHOICES |= {"How is your sitting posture?": "Fair"}
CHOICES |= {"How strong are your stomach (core) muscles?": "Weak"}


@pytest.fixture
def page(app_url):
    with chromium_browser() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        context.close()
        assert not errors, f"JavaScript errors: {errors}"


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")


def shoot(page, name: str) -> None:
    """A screenshot of the whole page (Streamlit scrolls inside its main area, so grow the view)."""
    SHOTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section.main')]"
        ".map(e => e.scrollHeight), 900)"
    )
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 40, 8000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def go(page, title: str) -> None:
    """Navigate with the sidebar, as a person would (the session, and its profile, stay).

    Each page's title is its sidebar label, so waiting for that heading means the page has run.
    """
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("heading", name=title, exact=True).first.wait_for()
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0, page.inner_text("body")


def fill_profile(page, red_flag: str | None = None) -> None:
    for label, value in PROFILE.items():
        page.get_by_label(label, exact=True).fill(value)
    for group, option in CHOICES.items():
        page.get_by_role("radiogroup", name=group).get_by_text(option, exact=True).click()
    if red_flag:
        page.get_by_text(red_flag, exact=True).click()
    page.get_by_role("button", name="Save and check").click()
    wait_for_app(page)


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
    """Fill the form, save, go to the weekly plan: the exercises match build_plan's."""
    open_page(page, f"{app_url}/profile")
    fill_profile(page)
    body = page.inner_text("body")
    assert "Your answers are saved" in body
    shoot(page, "profile-saved")
    go(page, "Weekly plan")
    body = page.inner_text("body")
    expected = build_plan(
        {
            "age": 52, "sex": "male", "height_cm": 170, "weight_kg": 80, "sitting_hours": 8,
            "active_days": 2, "lifting": "often", "posture": "fair", "core_strength": "weak",
            "water_l": 1.5, "stress": 5, "pain": 5, "pain_weeks": 2, "recent_trauma": False,
            "conditions": [], "red_flags": [], "days_per_week": 3, "minutes_per_day": 15,
        }
    )  # fmt: skip
    for name in {p.name for d in expected.days for p in d.exercises}:
        assert name in body, name
    assert page.get_by_role("button", name=re.compile("PDF")).count() >= 1
    shoot(page, "plan")
    for title in ("Exercise library", "Tips"):
        go(page, title)
        shoot(page, title.lower().replace(" ", "-"))
    assert "litres" in page.inner_text("body").lower() or " L " in page.inner_text("body")


def test_a_red_flag_stops_the_plan_in_the_browser(page, app_url):
    """Ticking new bladder or bowel problems shows the emergency message and no plan."""
    open_page(page, f"{app_url}/profile")
    fill_profile(page, red_flag="New problems controlling your bladder or bowel")
    body = page.inner_text("body")
    assert "emergency department now" in body.lower()
    shoot(page, "profile-red-flag")
    go(page, "Weekly plan")
    assert "Pelvic tilt" not in page.inner_text("body")


def test_a_first_visit_straight_to_a_page_uses_the_apps_navigation():
    """On a fresh server, opening /plan first still shows BackPlan's titled navigation.

    (Streamlit would otherwise run pages/plan.py alone and list every file in pages/.)
    """
    with running_app() as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{url}/plan")
        links = page.get_by_role("link").all_inner_texts()
        assert any("Weekly plan" in text for text in links), links
        assert not any(text.strip() == "ui" for text in links), links


def choose(page, group: str, option: str) -> None:
    """Click one option of a radio group (its label; the input itself is hidden)."""
    page.get_by_role("radiogroup", name=group).first.get_by_text(option, exact=True).click()


def rate(page, scale: str, score: int) -> None:
    """Click one button of a 0-10 pain scale."""
    group = page.get_by_role("radiogroup", name=scale).first
    group.get_by_role("radio", name=str(score), exact=True).click()


def log_today(page, status: str, before: int, after: int) -> None:
    """Fill in and save today's log on the Weekly plan page (it opens on today's tab)."""
    form = page.locator(f".st-key-log_{date.today().isoformat()}_status").locator("..")
    choose(form, "How did the session go?", status)
    rate(form, "Pain before the session (0 = none, 10 = worst)", before)
    rate(form, "Pain after the session (0 = none, 10 = worst)", after)
    page.get_by_role("button", name="Save this day").click()
    page.get_by_text("Saved for", exact=False).wait_for()


def test_a_logged_session_is_still_there_after_a_reload():
    """Log today's session (done, pain 5 then 3) on the plan page; Progress shows it, also after
    the browser reloads the page (a new session, found again through the URL and the store)."""
    today = date.today()
    when = f"{today:%A} {today.day} {today:%B}"
    with running_app() as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
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
        assert not errors, f"JavaScript errors: {errors}"


def test_a_click_on_a_day_tab_shows_that_days_session():
    """The plan opens on today's session; clicking the next session day's tab draws that day's
    card (heading, exercises, and when it can be logged) in place of today's."""
    today = date.today()
    with running_app() as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
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


def test_the_guided_session_counts_down_a_hold():
    """Start today's session and the clock: the seconds left go down while it runs."""
    with running_app() as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{url}/profile")
        fill_profile(page)
        go(page, "Today's session")
        rate(page, "Pain now, before you start (0 = none, 10 = worst)", 4)
        page.get_by_role("button", name="Start the session").click()
        page.get_by_text("Exercise 1 of", exact=False).wait_for()
        wait_for_app(page)
        assert "Rep 1 of" in page.inner_text("body")
        seconds = re.compile(r"Hold: (\d+) s")
        first = int(seconds.search(page.inner_text("body")).group(1))
        page.get_by_role("button", name="Start", exact=True).click()
        page.wait_for_timeout(2500)
        later = seconds.search(page.inner_text("body"))
        assert later and int(later.group(1)) < first, page.inner_text("body")
        assert page.get_by_role("button", name="Pause").count() == 1
        shoot(page, "session-countdown")
