"""Personal downloads in a real browser: "Download all my data" is made only when asked for,
and once served it does not stay in Streamlit's media store, whose /media/ addresses answer
anyone, with or without the session's cookies.

Streamlit drops a served file at the second script run (of any session) that ends after it was
made: the first only marks it, so a download still in flight is never cut off. The click's own
rerun may be the first; the tests wait for two runs after it.
"""

from urllib.parse import urlsplit

import pytest

from tests.app_server import wait_for_app
from tests.browser_steps import NAME_LABEL, fill_profile, go, open_page

pytestmark = pytest.mark.browser

MEDIA_ON_PAGE = "els => els.map(e => e.href || e.src)"
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".ico")


def saved_people(page, app_url: str, name: str) -> list[str]:
    """Save a person and open Saved people; return every /media/ address the browser fetched
    meanwhile or the page holds."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_page(page, f"{app_url}/profile")
    fill_profile(page, answers={NAME_LABEL: name})
    go(page, "Saved people")
    held = page.eval_on_selector_all("[href*='media/'], [src*='media/']", MEDIA_ON_PAGE)
    return [url for url in (*fetched, *held) if urlsplit(url).path.startswith("/media/")]


def download_all(page) -> tuple[str, bytes]:
    """Click "Download all my data"; the file's address and what the browser received."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Download all my data").click()
    wait_for_app(page)
    return download.value.url, download.value.path().read_bytes()


def fetched_by_a_stranger(browser, url: str) -> tuple[int, bytes]:
    """The HTTP status and body of `url` fetched from a new context: no cookie, no session."""
    stranger = browser.new_context()
    try:
        response = stranger.request.get(url)
        return response.status, response.body()
    finally:
        stranger.close()


def only_pictures(media: list[str]) -> bool:
    """True when every /media/ address is a picture (the page icon), none a personal file."""
    return all(url.lower().endswith(IMAGE_SUFFIXES) for url in media)


def test_a_personal_download_is_made_when_asked_and_gone_after_the_page_runs_again(
    page, app_url, browser
):
    """Before the click the page has fetched and holds no /media/ address but pictures; the
    export's address answers a stranger while it is served, and after two more runs of the
    same tab (asking to delete someone, then keeping them) it is a 404."""
    assert only_pictures(saved_people(page, app_url, "Ann Rerun"))
    url, received = download_all(page)
    assert urlsplit(url).path.startswith("/media/") and b"Ann Rerun" in received
    assert fetched_by_a_stranger(browser, url) == (200, received)  # the file's own address
    for button in ("Delete", "No, keep them"):
        page.get_by_role("button", name=button).first.click()
        page.get_by_text("Delete Ann Rerun and their whole log?").wait_for(
            state="visible" if button == "Delete" else "hidden"
        )
        wait_for_app(page)
    assert fetched_by_a_stranger(browser, url)[0] == 404


def test_a_personal_download_is_gone_after_the_tab_closed(browser, page, app_url):
    """The tab that downloaded is closed; once another visitor's pages have run twice, the
    export's address is a 404 for anyone."""
    tab = browser.new_context()
    closing = tab.new_page()
    assert only_pictures(saved_people(closing, app_url, "Ann Closed"))
    url, received = download_all(closing)
    assert b"Ann Closed" in received
    tab.close()
    for _ in range(2):
        open_page(page, app_url)
    assert fetched_by_a_stranger(browser, url)[0] == 404
