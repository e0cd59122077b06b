"""The command line: plans in every format, and bad input refused with status 2 and no file."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner import build_plan
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args], cwd=cwd, capture_output=True, timeout=60
    )


@pytest.fixture
def profile_file(tmp_path):
    def write(name: str = "p.json", **changes) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(make_profile(**changes)))
        return path

    return write


def test_json_goes_to_standard_output_and_matches_build_plan(profile_file):
    result = run("plan", str(profile_file(start_date="2026-11-30")), "--week", "3")
    assert result.returncode == 0, result.stderr
    expected = build_plan(make_profile(start_date="2026-11-30"), 3).to_dict()
    assert json.loads(result.stdout) == expected


def test_csv_goes_to_standard_output_with_one_row_per_exercise(profile_file):
    result = run("plan", str(profile_file()), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
    plan = build_plan(make_profile())
    assert len(rows) == sum(len(d.exercises) for d in plan.days)


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("ics", b"BEGIN:VCALENDAR")])
def test_pdf_and_ics_are_written_to_the_output_file(profile_file, tmp_path, fmt, magic):
    out = tmp_path / f"plan.{fmt}"
    result = run("plan", str(profile_file()), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["p.json", out.name])


def test_a_one_row_csv_profile_is_accepted(tmp_path):
    data = make_profile(conditions=["arthritis", "pregnancy"])
    path = tmp_path / "p.csv"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(data))
        writer.writeheader()
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in data.items()})
    result = run("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == build_plan(data).to_dict()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"age": 12}', "age: must be a whole number from 18 to 110 (got 12)"),
        ("{not json", "is not valid JSON"),
        ("", "is not valid JSON"),
        ("[]", "profile: must be a JSON object"),
        (json.dumps(make_profile() | {"red_flag": []}), "red_flag: is not a known field"),
        (json.dumps(make_profile())[:-1] + ', "age": 50}', "age: is given twice"),
        (json.dumps(make_profile()).replace("3,", "NaN,", 1), "NaN is not a valid number"),
    ],
)
def test_bad_input_exits_2_naming_the_field_without_a_traceback(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    out = tmp_path / "plan.pdf"
    result = run("plan", str(path), "--format", "pdf", "-o", str(out))
    assert result.returncode == 2
    assert message in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert not out.exists() and result.stdout == b""


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"name": "Zoë"}'.encode("latin-1"))
    result = run("plan", str(path))
    assert result.returncode == 2 and b"not UTF-8" in result.stderr


def test_a_missing_file_is_refused(tmp_path):
    result = run("plan", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and b"cannot be read" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--week", "0"],
        ["--week", "x"],
        ["--format", "docx"],
        ["--paper", "a5"],
        ["--time", "25:00"],
    ],
)
def test_bad_options_exit_2(profile_file, args):
    result = run("plan", str(profile_file()), *args)
    assert result.returncode == 2 and b"Traceback" not in result.stderr


def test_an_output_folder_that_does_not_exist_is_refused(profile_file, tmp_path):
    result = run("plan", str(profile_file()), "-o", str(tmp_path / "missing" / "plan.json"))
    assert result.returncode == 2 and b"does not exist" in result.stderr


def test_a_red_flag_profile_gets_the_stop_plan(profile_file):
    result = run("plan", str(profile_file(red_flags=["bladder_bowel"])))
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["safe_to_exercise"] is False and data["urgency"] == "emergency"


def test_written_files_get_the_usual_permissions(profile_file, tmp_path):
    """Atomic writing must not leave a handout readable by its owner only."""
    out = tmp_path / "plan.json"
    assert run("plan", str(profile_file()), "-o", str(out)).returncode == 0
    assert out.stat().st_mode & 0o044 == 0o044
