"""Shared mode in a real browser: with an [auth] section, the router asks to sign in first.

The provider is never contacted: the test only opens pages, it does not press "Sign in".
"""

import pytest

from tests.app_server import ROOT, chromium_browser, running_app
from tests.test_browser import open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared_url(tmp_path_factory):
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    template = (ROOT / ".streamlit" / "secrets.toml.example").read_text()
    secrets.write_text(template)
    with running_app(env={"STREAMLIT_SECRETS_FILES": str(secrets)}) as url:
        yield url


@pytest.mark.parametrize("path", ["plan", "people", "library", "profile"])
def test_every_page_but_home_asks_a_visitor_to_sign_in(shared_url, path):
    """A first visit straight to a page shows only the sign-in prompt."""
    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, f"{shared_url}/{path}")
        body = page.inner_text("body")
        assert page.get_by_role("button", name="Sign in").count() >= 1, body
        assert "Week of the programme" not in body and "Pelvic tilt" not in body


def test_home_is_open_with_a_sign_in_button(shared_url):
    with chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        open_page(page, shared_url)
        assert "BackPlan" in page.inner_text("body")
        assert page.get_by_role("button", name="Sign in").count() >= 1
