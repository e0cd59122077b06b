"""`python -m planner plan PROFILE --log LOG.json`: the plan adapts to a session log, and a bad log
is refused with status 2 and messages naming the entry and field."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner import build_plan
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent
START = "2026-11-30"
GOOD_WEEK = [  # three sessions done in week 1, pain steady at 3/10
    {"day": day, "week": 1, "status": "done", "pain_before": 3, "pain_after": 3}
    for day in ("2026-11-30", "2026-12-02", "2026-12-04")
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], cwd=ROOT, capture_output=True, timeout=60
    )


@pytest.fixture
def files(tmp_path):
    def write(log, **changes) -> tuple[str, str, str]:
        """The arguments PROFILE --log LOG for a profile with a start date and this log."""
        profile = tmp_path / "p.json"
        profile.write_text(json.dumps(make_profile(start_date=START, **changes)))
        log_path = tmp_path / "log.json"
        log_path.write_text(log if isinstance(log, str) else json.dumps(log))
        return str(profile), "--log", str(log_path)

    return write


def test_a_log_file_adapts_the_plan_as_build_plan_does(files):
    result = run("plan", *files(GOOD_WEEK), "--week", "2")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan == build_plan(make_profile(start_date=START), 2, log=GOOD_WEEK).to_dict()
    assert plan["progression"]["id"] == "step_up"


def test_a_painful_week_in_the_log_file_gives_the_flare_up_routine(files):
    painful = [entry | {"pain_after": 8} for entry in GOOD_WEEK]
    result = run("plan", *files(painful), "--week", "2")
    plan = json.loads(result.stdout)
    assert plan["progression"]["id"] == "flare_pain_high"
    assert "physiotherapist or doctor now" in plan["advice"][0]


def test_with_a_start_date_the_week_follows_from_the_day(files):
    """Entries without a week count in their date's programme week."""
    unnumbered = [{k: v for k, v in e.items() if k != "week"} for e in GOOD_WEEK]
    result = run("plan", *files(unnumbered), "--week", "2")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["progression"]["id"] == "step_up"


FIRST, SECOND = GOOD_WEEK[0], GOOD_WEEK[1]
NAN = '[{"day": "2026-11-30", "status": "done", "pain_before": NaN}]'
BAD_LOGS = {  # the log, and what the message says
    "pain over 10": (
        [FIRST | {"pain_after": 11}],
        "log[0].pain_after: must be a whole number from 0 to 10 (got 11)",
    ),
    "unknown status": (
        [FIRST | {"status": "finished"}],
        "log[0].status: must be one of: done, partly, skipped",
    ),
    "impossible day": (
        [FIRST, SECOND | {"day": "2026-13-01"}],
        "log[1].day: must be a date as YYYY-MM-DD",
    ),
    "unknown field": ([FIRST | {"mood": "good"}], "log[0].mood: is not a known field"),
    "no day": ([{"week": 1, "status": "done"}], "log[0].day: is required"),
    "a day twice": ([FIRST, FIRST], "log[1].day: 2026-11-30 is logged twice (also log[0])"),
    "not an object": (["done"], "log[0]: must be a JSON object"),
    "not a list": ({"log": []}, "log file: must hold a JSON list of log entries"),
    "broken JSON": ("[{", "log file: is not valid JSON"),
    "NaN": (NAN, "NaN is not a valid number"),
    "empty file": ("", "log file: is not valid JSON (the file is empty)"),
    "a week of 5,000 digits": (
        '[{"day": "2026-11-30", "week": ' + "1" * 5000 + ', "status": "done"}]',
        "log[0].week: has 5,000 digits; give at most 300",
    ),
}


@pytest.mark.parametrize(("log", "message"), BAD_LOGS.values(), ids=BAD_LOGS.keys())
def test_a_bad_log_is_refused_with_status_2_naming_the_entry_and_field(files, log, message):
    result = run("plan", *files(log))
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode() and result.stdout == b""


def test_a_missing_log_file_is_named(files, tmp_path):
    profile, option, _ = files(GOOD_WEEK)
    result = run("plan", profile, option, str(tmp_path / "nowhere.json"))
    assert result.returncode == 2
    assert "log file: cannot be read" in result.stderr.decode()
