"""Shared fixtures: one factory for profiles, so every test states only what matters to it."""

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


@pytest.fixture(scope="module")
def app_url():
    """The real app under `streamlit run` on a free local port, one server per test module."""
    from tests.app_server import running_app

    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (apt-get)")
    with running_app() as url:
        yield url
