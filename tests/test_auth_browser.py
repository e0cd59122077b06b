"""Shared mode in a real browser: with an [auth] section, the router asks to sign in first.

The provider is never contacted: the test only opens pages, it does not press "Sign in".
"""

import pytest

from pages.parts.account import EXAMPLE_COOKIE_SECRET, MAKE_SECRET
from tests.browser_steps import PAGE_TITLES, open_page, sidebar_titles
from tests.conftest import shared_app

pytestmark = pytest.mark.browser


def asks_to_sign_in(page) -> None:
    """Only the router's sign-in prompt: its title and button, nothing of a page's own."""
    body = page.inner_text("body")
    assert page.get_by_role("heading", name="Sign in", exact=True).count() == 1, body
    assert page.get_by_role("button", name="Sign in").count() == 1, body
    assert "Week of the programme" not in body and "Pelvic tilt" not in body
    assert "Saved people" not in page.locator("[data-testid='stMain'] h1").all_inner_texts()


@pytest.mark.parametrize("path", ["plan", "people"])
def test_a_fresh_servers_first_visit_to_a_page_keeps_the_sign_in_gate(fresh_shared_url, page, path):
    """The very first visit of a new server, straight to /plan or /people: the sidebar lists the
    router's page titles (no file names) and the page asks to sign in."""
    open_page(page, f"{fresh_shared_url}/{path}")
    assert sidebar_titles(page) == PAGE_TITLES
    asks_to_sign_in(page)


@pytest.mark.parametrize("path", ["plan", "people", "library", "profile"])
def test_every_page_but_home_asks_a_visitor_to_sign_in(shared_url, page, path):
    """A visit straight to a page shows only the sign-in prompt."""
    open_page(page, f"{shared_url}/{path}")
    asks_to_sign_in(page)


def test_home_is_open_with_a_sign_in_button(shared_url, page):
    open_page(page, shared_url)
    assert "BackPlan" in page.inner_text("body")
    assert page.get_by_role("button", name="Sign in").count() >= 1


@pytest.fixture
def placeholder_url(tmp_path):
    """A server whose secrets are the example's, copied unchanged; ask for it before `page`."""
    with shared_app(tmp_path, cookie_secret=EXAMPLE_COOKIE_SECRET) as url:
        yield url


@pytest.mark.parametrize("path", ["", "people"])
def test_a_server_with_the_examples_cookie_secret_opens_no_page(placeholder_url, page, path):
    """The example secrets copied unchanged: Home and Saved people show only the refusal, with
    the command that makes a new secret, and no sign-in button."""
    page.goto(f"{placeholder_url}/{path}")
    page.get_by_text("BackPlan will not open").wait_for()
    body = page.inner_text("[data-testid='stMain']")
    assert "BackPlan will not open" in body and MAKE_SECRET in body, body
    assert page.get_by_role("button", name="Sign in").count() == 0
