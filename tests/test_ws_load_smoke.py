"""The websocket load test's machinery (bench/ws_load.py, `make load-ws`) on a small scale: three
people at once against one real server, speaking Streamlit's protocol without a browser; nothing
fails and every log row the page confirmed is in the store, under the right person."""

from datetime import date

import pytest

from bench import stream_protocol as sp
from bench._server_steps import count_rows, seed
from bench._ws_steps import START, Client, StepError
from bench.ws_load import Phase, run_servers


@pytest.mark.browser  # starts `streamlit run` (no browser is driven)
def test_three_websocket_sessions_log_every_confirmed_row():
    """A warm-up person, then three at once, two plan visits each: no errors, 1 + 6 rows found."""
    warm_up, together = run_servers(1, None, sessions=3, visits=2, deadline_s=50)
    for phase in (warm_up, together):
        assert not phase.errors, phase.errors
        assert phase.found == phase.expected, (phase.expected, phase.found)
    assert (warm_up.expected, together.expected) == (1, 6)
    assert sorted(together.saved) == ["WS 1-00", "WS 1-01", "WS 1-02"]
    assert len(together.times["open the Weekly plan"]) == 6
    assert all(ms > 0 for times in together.times.values() for ms in times)
    assert together.peak_mb[0] >= together.open_mb[0] > 0 and together.cpu_pct[0] > 0


@pytest.mark.parametrize(
    "shown",
    [
        sp.Node("exception", {"type": "KeyError", "message": "x"}),
        sp.Node("alert", {"body": "Sorry, something went wrong", "format": sp.ALERT_ERROR}),
    ],
)
def test_an_exception_or_error_box_on_the_page_fails_the_step(shown):
    """The client turns an exception element or an error alert into a StepError."""
    with pytest.raises(StepError):
        Client(ws=None).problem(shown)


def test_a_confirmed_row_missing_from_the_store_is_an_error(tmp_path):
    """count_rows reports a day the page confirmed that the store does not hold, and a person
    the store does not know."""
    url = f"sqlite:///{tmp_path / 'backplan.db'}"
    seed(url, START)
    phase = Phase("test", sessions=2)
    day = {date(2026, 1, 5): ("done", 5, 4)}
    phase.saved = {"Seed One": day, "Nobody": day}
    count_rows(url, [phase])
    assert phase.found == 0 and len(phase.errors) == 2, phase.errors
