"""Steps for driving the real app in Chromium (Playwright's sync API), as a person would: open a
page, go through the sidebar, fill the profile, rate pain, log today, take a screenshot.

Every step waits for the state it needs (Streamlit's script state, then the element), never for a
fixed time.
"""

from datetime import date

from tests.app_server import ROOT, wait_for_app

SHOTS = ROOT / "test-artifacts"
NAME_LABEL = "Name (for your saved plan and the printed sheet)"
PROFILE = {  # fill_profile's answers, by the label of each box
    NAME_LABEL: "Pat Example",
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
EXCEPTION = "[data-testid='stException']"
PAGE_TITLES = [  # the sidebar's links, in order (pages/parts/navigation.py)
    "Home", "Safety check and profile", "Weekly plan", "Exercise library", "Tips",
    "Batch printing", "Today's session", "Progress", "Saved people",
]  # fmt: skip


def open_page(page, url: str) -> None:
    """Open an address and wait for the page's script to finish; no exception is shown."""
    page.goto(url)
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")


def sidebar_titles(page) -> list[str]:
    """The sidebar navigation's page titles (each link's last line: the first is its icon)."""
    links = page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()
    return [text.strip().splitlines()[-1].strip() for text in links]


def shoot(page, name: str, width: int = 1280) -> None:
    """A screenshot of the whole page (Streamlit scrolls inside its main area, so grow the view)."""
    SHOTS.mkdir(exist_ok=True)
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain], section.main')]"
        ".map(e => e.scrollHeight), 900)"
    )
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 8000)})
    wait_for_app(page)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    page.set_viewport_size(before)


def go(page, title: str) -> None:
    """Navigate with the sidebar, as a person would (the session, and its profile, stay).

    Each page's title is its sidebar label, so waiting for that heading means the page has run.
    """
    page.get_by_role("link", name=title).first.click()
    page.get_by_role("heading", name=title, exact=True).first.wait_for()
    wait_for_app(page)
    assert page.locator(EXCEPTION).count() == 0, page.inner_text("body")


def check_warning_signs(page, red_flag: str | None = None) -> None:
    """Step 1 of the profile page: tick `red_flag` if given, and press Check my answers."""
    if red_flag:
        page.get_by_text(red_flag, exact=True).click()
    page.get_by_role("button", name="Check my answers").click()
    if red_flag:  # its advice, else step 2's first question
        page.locator("[data-testid='stAlertContentError']").first.wait_for()
    else:
        page.get_by_label(NAME_LABEL, exact=True).wait_for()
    wait_for_app(page)


def fill_profile(page, red_flag: str | None = None, answers: dict | None = None) -> None:
    """Pass step 1 (ticking `red_flag` if given: then its advice is the end), then fill the
    profile with PROFILE and CHOICES (`answers` changes some boxes) and save."""
    check_warning_signs(page, red_flag)
    if red_flag:
        return
    for label, value in (PROFILE | (answers or {})).items():
        page.get_by_label(label, exact=True).fill(value)
    for group, option in CHOICES.items():
        choose(page, group, option)
    page.get_by_role("button", name="Save and check").click()
    page.get_by_text("Your answers are saved", exact=False).or_(
        page.locator("[data-testid='stAlertContentError']")
    ).first.wait_for()
    wait_for_app(page)


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
    wait_for_app(page)


def blank_profile(page, app_url: str) -> None:
    """The profile page with an empty form, as for someone new (someone may be saved already)."""
    open_page(page, f"{app_url}/profile")
    someone_else = page.get_by_role("button", name="Start a profile for someone else")
    if someone_else.count():
        someone_else.click()
        someone_else.wait_for(state="detached")  # the rerun has cleared the form
        wait_for_app(page)
