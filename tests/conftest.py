"""Shared fixtures: one factory for profiles, so every test states only what matters to it; a
fresh store and a fixed "today" for the page tests; the real app and Chromium for the browser
tests."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

BASE_PROFILE: dict[str, Any] = {
    "name": "Alex Example",
    "age": 45,
    "sex": "female",
    "height_cm": 168,
    "weight_kg": 70,
    "sitting_hours": 5,
    "active_days": 3,
    "lifting": "sometimes",
    "posture": "fair",
    "core_strength": "average",
    "water_l": 1.5,
    "stress": 4,
    "pain": 4,
    "pain_weeks": 2,
    "recent_trauma": False,
    "conditions": [],
    "red_flags": [],
    "days_per_week": 3,
    "minutes_per_day": 15,
}


def make_profile(**changes: Any) -> dict[str, Any]:
    """A valid profile dict with the given fields changed (None removes a field)."""
    data = {**BASE_PROFILE, **changes}
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def profile_factory():
    """Build profile dicts: profile_factory(pain=8, conditions=["pregnancy"])."""
    return make_profile


@pytest.fixture
def page_store(tmp_path, monkeypatch) -> Iterator[Path]:
    """A fresh SQLite store in a temporary folder, as the pages open it; yields the folder."""
    from storage import dispose_engines

    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    yield tmp_path
    dispose_engines()


@pytest.fixture
def set_today(monkeypatch) -> Callable[[date], None]:
    """Fix the pages' "today" (pages/parts/clock.py): set_today(date(2026, 1, 5))."""
    from pages.parts import clock

    def fix(day: date) -> None:
        monkeypatch.setattr(clock, "today", lambda: day)

    return fix


@pytest.fixture(scope="module")
def app_url():
    """The real app under `streamlit run` on a free local port, one server per test module."""
    from tests.app_server import running_app

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (apt-get)")
    with running_app() as url:
        yield url


@pytest.fixture
def fresh_url():
    """A server of its own for one test (a fresh server's first visit). Ask for it before `page`,
    so the page is closed before the server stops."""
    from tests.app_server import running_app

    with running_app() as url:
        yield url


@contextmanager
def shared_app(folder: Path, cookie_secret: str | None = None) -> Iterator[str]:
    """The app in shared mode: the example [auth] secrets, written into `folder` with a new
    random cookie_secret (or the one given) in place of the example's placeholder."""
    import secrets as random_secrets

    from pages.parts.account import EXAMPLE_COOKIE_SECRET
    from tests.app_server import ROOT, running_app

    example = (ROOT / ".streamlit" / "secrets.toml.example").read_text()
    chosen = cookie_secret or random_secrets.token_urlsafe(32)
    secrets = folder / "secrets.toml"
    secrets.write_text(example.replace(EXAMPLE_COOKIE_SECRET, chosen))
    with running_app(env={"STREAMLIT_SECRETS_FILES": str(secrets)}) as url:
        yield url


@pytest.fixture(scope="module")
def shared_url(tmp_path_factory):
    """The app in shared mode (sign-in configured), one server per test module."""
    with shared_app(tmp_path_factory.mktemp("secrets")) as url:
        yield url


@pytest.fixture
def fresh_shared_url(tmp_path):
    """A shared-mode server of its own for one test; ask for it before `page`."""
    with shared_app(tmp_path) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, one per test module."""
    from tests.app_server import chromium_browser

    with chromium_browser() as launched:
        yield launched


@pytest.fixture
def page(browser):
    """A new browser context (a new Streamlit session) at desktop size for each test; any
    JavaScript or console error (a resource fetched from outside localhost fails) fails it."""
    from tests.app_server import console_errors

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = console_errors(page)
    yield page
    context.close()
    assert not errors, "\n".join(errors)
