"""The command line: plans in every format, bad input refused with status 2 and no file, and only
the modules a command needs imported."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from planner import build_plan
from planner.cli.common import app_database_exists
from tests.cli_steps import ROOT, no_app_database, run_main, run_process
from tests.conftest import make_profile
from tests.file_steps import kind_of, special

# Prints the modules a real `python -m planner ...` process imported, after it ran.
IMPORTS_PROBE = """
import runpy, sys
sys.argv = ["planner", *sys.argv[1:]]
try:
    runpy.run_module("planner", run_name="__main__")
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""
PDF_OR_SQL = ("fpdf", "typst", "uharfbuzz", "sqlalchemy", "storage", "planner.exports.pdf_")


@pytest.fixture(autouse=True)
def no_saved_clinic(tmp_path, monkeypatch):
    """The CLI finds no saved clinic header."""
    no_app_database(monkeypatch, tmp_path)


@pytest.fixture
def cli(capsys):
    """`python -m planner ARGV` in this process: cli("plan", ...) gives a Ran."""
    return lambda *argv: run_main(list(argv), capsys)


@pytest.fixture
def profile_file(tmp_path):
    def write(name: str = "p.json", **changes) -> str:
        path = tmp_path / name
        path.write_text(json.dumps(make_profile(**changes)))
        return str(path)

    return write


def test_json_goes_to_standard_output_and_matches_build_plan(profile_file, cli):
    """The plan's JSON, with two-space indents as before, and the same data as build_plan."""
    result = cli("plan", profile_file(start_date="2026-11-30"), "--week", "3")
    assert result.status == 0, result.err
    expected = build_plan(make_profile(start_date="2026-11-30"), 3).to_dict()
    assert json.loads(result.out) == expected
    assert result.out == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"


def test_csv_goes_to_standard_output_with_one_row_per_exercise(profile_file, cli):
    result = cli("plan", profile_file(), "--format", "csv")
    assert result.status == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    plan = build_plan(make_profile())
    assert len(rows) == sum(len(d.exercises) for d in plan.days)


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("ics", b"BEGIN:VCALENDAR")])
def test_pdf_and_ics_are_written_to_the_output_file(profile_file, tmp_path, fmt, magic, cli):
    out = tmp_path / f"plan.{fmt}"
    result = cli("plan", profile_file(), "--format", fmt, "-o", str(out))
    assert result.status == 0, result.err
    assert out.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(["p.json", out.name])


def test_a_one_row_csv_profile_is_accepted(tmp_path, cli):
    data = make_profile(conditions=["arthritis", "pregnancy"])
    path = tmp_path / "p.csv"
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(data))
        writer.writeheader()
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in data.items()})
    result = cli("plan", str(path))
    assert result.status == 0, result.err
    assert json.loads(result.out) == build_plan(data).to_dict()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"age": 12}', "age: must be a whole number from 18 to 110 (got 12)"),
        ("{not json", "is not valid JSON"),
        ("[]", "profile: must be a JSON object"),
        (json.dumps(make_profile() | {"red_flag": []}), "red_flag: is not a known field"),
    ],
)
def test_bad_input_exits_2_naming_the_field_without_a_traceback(tmp_path, content, message):
    """A real process: status 2, the field named on standard error, nothing on standard output
    and no file (the wider corpus is in test_hostile_input.py, in-process)."""
    path = tmp_path / "bad.json"
    path.write_text(content)
    out = tmp_path / "plan.pdf"
    result = run_process(["plan", path, "--format", "pdf", "-o", out])
    assert result.status == 2
    assert message in result.err and "Traceback" not in result.err
    assert not out.exists() and result.out == ""


def test_a_missing_file_is_refused(tmp_path, cli):
    result = cli("plan", str(tmp_path / "nope.json"))
    assert result.status == 2 and "cannot be read" in result.err


@pytest.mark.parametrize(
    "args", [["--week", "0"], ["--week", "x"], ["--format", "docx"], ["--paper", "a5"],
             ["--time", "25:00"]],
)  # fmt: skip
def test_bad_options_exit_2(profile_file, args, cli):
    result = cli("plan", profile_file(), *args)
    assert result.status == 2 and "Traceback" not in result.err
    assert f"argument {args[0]}" in result.err


def test_an_output_folder_that_does_not_exist_is_refused(profile_file, tmp_path, cli):
    result = cli("plan", profile_file(), "-o", str(tmp_path / "missing" / "plan.json"))
    assert result.status == 2 and "does not exist" in result.err


def test_a_red_flag_profile_gets_the_stop_plan(profile_file, cli):
    result = cli("plan", profile_file(red_flags=["bladder_bowel"]))
    data = json.loads(result.out)
    assert result.status == 0
    assert data["safe_to_exercise"] is False and data["urgency"] == "emergency"


def test_written_files_get_the_usual_permissions(profile_file, tmp_path, cli):
    """Atomic writing must not leave a handout readable by its owner only."""
    out = tmp_path / "plan.json"
    assert cli("plan", profile_file(), "-o", str(out)).status == 0
    assert out.stat().st_mode & 0o044 == 0o044


def imported_by(*argv: str, env: dict | None = None) -> set[str]:
    """The modules a real `python -m planner ARGV` process imported."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_PROBE, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    return set(done.stderr.split())


def test_plan_as_json_imports_neither_the_pdf_engine_nor_the_database(profile_file, tmp_path):
    """`plan --format json` (and a PDF where the app has no database) import only what they
    need; a PDF does import its engine, so the probe can see a heavy import when there is one."""
    env = {"PATH": "/usr/bin:/bin", "BACKPLAN_DATA_DIR": str(tmp_path / "data")}
    as_json = imported_by("plan", profile_file(), "--format", "json", env=env)
    assert "planner.builder" in as_json and "planner.exports.json_plan" in as_json
    assert not [m for m in as_json if m.startswith(PDF_OR_SQL)]
    out = str(tmp_path / "plan.pdf")
    as_pdf = imported_by("plan", profile_file(), "--format", "pdf", "-o", out, env=env)
    assert any(m.startswith("planner.exports.pdf_") for m in as_pdf)
    assert not [m for m in as_pdf if m.startswith(("sqlalchemy", "storage"))]


def test_a_pdf_reads_the_clinic_header_saved_by_the_app(profile_file, tmp_path, monkeypatch, cli):
    """With the app's database in the data folder, a PDF prints its saved clinic header."""
    from pypdf import PdfReader

    from storage import dispose_engines, open_store
    from storage.clinic import set_clinic

    set_clinic(open_store(), "Riverside Physio", "01234 567890")
    dispose_engines()
    out = tmp_path / "plan.pdf"
    assert cli("plan", profile_file(), "--format", "pdf", "-o", str(out)).status == 0
    assert "Riverside Physio" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize("setting", ["none", "sqlite file", "url"])
def test_the_database_check_agrees_with_the_stores_settings(tmp_path, monkeypatch, setting):
    """The command line's own check (made without importing SQLAlchemy) finds a database exactly
    where storage/settings.py keeps one."""
    from storage.settings import SQLITE_FILE_NAME, data_dir

    if setting == "sqlite file":
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / SQLITE_FILE_NAME).write_bytes(b"")
    if setting == "url":
        monkeypatch.setenv("BACKPLAN_DATABASE_URL", "sqlite:///" + str(tmp_path / "x.db"))
    assert data_dir() == tmp_path / "data"
    assert app_database_exists() == (setting != "none")


@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink", "device"])
def test_o_refuses_anything_but_a_regular_file_or_a_new_path(profile_file, tmp_path, kind, cli):
    """Status 2 naming -o; the folder, FIFO, symlink (and its target) or device stays as it was."""
    path = special(kind, tmp_path)
    before = kind_of(path)
    result = cli("plan", profile_file(), "-o", str(path))
    assert result.status == 2 and "-o: will not write" in result.err, result.err
    assert "give a regular file or a new path" in result.err
    assert kind_of(path) == before and not list(tmp_path.glob(".*.tmp"))
    if kind == "symlink":
        assert (tmp_path / "target.txt").read_bytes() == b"kept"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
@pytest.mark.parametrize("argv", [["plan", "PROFILE"], ["plan", "PROFILE", "--format", "csv"],
                                  ["template"]])  # fmt: skip
def test_standard_output_to_a_full_device_is_one_line_and_a_failure_status(profile_file, argv):
    """`> /dev/full`: one line on standard error, status 1, no traceback."""
    argv = [profile_file() if arg == "PROFILE" else arg for arg in argv]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "planner", *argv],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 1
    assert done.stderr == "backplan: cannot write to standard output (No space left on device)\n"
