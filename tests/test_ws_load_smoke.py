"""The websocket load test's machinery (bench/ws_load.py, `make load-ws`) on a small scale: three
people at once against one real server, speaking Streamlit's protocol without a browser; nothing
fails and every log row the page confirmed is in the store, under the right person."""

import time

import pytest

from bench.ws_load import run_servers

pytestmark = pytest.mark.browser  # starts `streamlit run` (no browser is driven)


def test_three_websocket_sessions_log_every_confirmed_row():
    """A warm-up person, then three at once, two plan visits each: no errors, 1 + 6 rows found."""
    warm_up, together = run_servers(1, None, sessions=3, visits=2, until=time.monotonic() + 50)
    for phase in (warm_up, together):
        assert not phase.errors, phase.errors
        assert phase.found == phase.expected, (phase.expected, phase.found)
    assert (warm_up.expected, together.expected) == (1, 6)
    assert sorted(together.saved) == ["WS 1-00", "WS 1-01", "WS 1-02"]
    assert len(together.times["open the Weekly plan"]) == 6
    assert all(ms > 0 for times in together.times.values() for ms in times)
    assert together.peak_mb[0] >= together.open_mb[0] > 0
