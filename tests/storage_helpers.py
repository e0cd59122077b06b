"""What the storage tests share: a start date, profile and log-entry factories, a store fixture.

Test modules import what they use explicitly, fixtures included (`from tests.storage_helpers
import START, profile, store`), with the PostgreSQL fixtures from tests.pg_server beside them: the
`store` fixture asks for `url`, which each module then provides.
"""

from datetime import date

import pytest

from planner.log_entry import LogEntry
from planner.profile import Profile, parse_profile
from storage import Store, open_store
from tests.conftest import make_profile

START = date(2026, 1, 5)


def profile(name: str = "Alex Example", **changes) -> Profile:
    """A validated Profile with the given name."""
    return parse_profile(make_profile(name=name, **changes))


def entry(day: date, status: str = "done", **changes) -> LogEntry:
    """A log entry for `day` in week 1."""
    return LogEntry(day=day, week=1, status=status, **changes)


@pytest.fixture
def store(url) -> Store:
    """An empty store of owner "local", on each backend `url` gives."""
    return open_store(url)
