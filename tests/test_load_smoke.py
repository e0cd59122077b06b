"""The load test's machinery (bench/load_test.py, `make load`) on a small scale: one session, then
three at once, against one real server (no warm-up, to stay quick); nothing fails and every log row
the page confirmed is in the database."""

import asyncio
from pathlib import Path

import pytest

from bench.load_test import run_load

pytestmark = pytest.mark.browser


def test_three_concurrent_sessions_lose_nothing():
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (apt-get)")
    phases = run_load(sessions=3, visits=2, solo_visits=1, deadline_s=150, warm_up=False)
    solo, together = asyncio.run(phases)
    for phase in (solo, together):
        assert not phase.errors, phase.errors
        assert phase.found == phase.expected, (phase.expected, phase.found)
    assert len(solo.times_ms) == 1 and len(together.times_ms) == 6
    assert together.expected == 6 and all(t > 0 for t in together.times_ms)
    assert together.rss_open_mb > 0
