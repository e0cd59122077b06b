"""Printing the Weekly plan page in a real browser: print media hides the app's chrome and keeps
the plan; Chromium's own print-to-PDF gives a short document."""

import io

import pytest
from pypdf import PdfReader

from tests.browser_steps import SHOTS, fill_profile, go, open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def plan_page(page, app_url):
    """The Weekly plan page of a person who has just filled in the profile."""
    open_page(page, f"{app_url}/profile")
    fill_profile(page)
    go(page, "Weekly plan")
    return page


def test_print_media_shows_the_plan_without_the_apps_chrome(plan_page):
    """In print: no sidebar, header, buttons, inputs or day tabs; the open day's card and the
    week's table are there."""
    page = plan_page
    assert page.locator("#bp-print-button").is_visible()
    assert page.locator("[data-testid=stSidebar]").is_visible()
    page.emulate_media(media="print")
    page.locator("[data-testid=stSidebar]").wait_for(state="hidden")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "plan-print.png"), full_page=True)
    for hidden in (
        "[data-testid=stSidebar]",
        "[data-testid=stHeader]",
        "#bp-print-button",
        "[data-testid=stDownloadButton]",
        "[data-testid=stSelectbox]",
        "[data-testid=stRadio]",
        "[role=tablist]",
    ):
        assert not page.locator(hidden).first.is_visible(), hidden
    cards = page.locator("[data-testid=stLayoutWrapper] > [data-testid=stVerticalBlock]")
    assert 1 <= cards.count() <= 2 and cards.first.is_visible()  # the open day (and its pain rule)
    assert page.locator("table").first.is_visible()
    assert page.locator("[data-testid=stImage] img").first.is_visible()


def test_chromium_prints_the_plan_on_at_most_three_pages(plan_page):
    """Chromium's print-to-PDF of the page is at most three A4 pages with the exercises on them
    (the open day with its warm-up and walk, then the whole week's table; the one-page sheet is
    the PDF download)."""
    page = plan_page
    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=True)
    (SHOTS / "plan-print.pdf").write_bytes(data)
    reader = PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 3, len(reader.pages)
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Weekly plan" in text and "Pelvic tilt" in text
    assert "Print this plan" not in text
