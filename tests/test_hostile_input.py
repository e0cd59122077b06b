"""A corpus of hostile and broken input, one readable row per case, for all four entry points:
the `plan` command (here), the `batch` command and the Batch printing upload (cases in
tests/hostile_cases_batch.py), the JSON import and the profile form (test_hostile_app.py).

Every refused case must name the field (and the row or record where there is one), exit with
status 2 on the command line without a traceback, and write or lose nothing. The few accepted rows
(boundaries just inside, a UTF-8 byte order mark, a formula-looking name) prove the limits are
where the README says. The last test checks the corpus is as large and as wide as promised.
"""

import json
from typing import Any

import pytest

from tests.conftest import make_profile
from tests.hostile_cases import (
    DIRECTORY,
    MISSING,
    OLD,
    Case,
    params,
    run_cli,
    with_key,
    write_input,
)


def profile(**changes: Any) -> str:
    """A valid profile as JSON text with fields changed (None drops one; NaN stays a literal)."""
    return json.dumps(make_profile(**changes), ensure_ascii=False)


def one_row_csv(header: str, row: str) -> str:
    return f"{header}\n{row}\n"


CSV_HEADER = ",".join(make_profile())
CSV_ROW = ",".join(";".join(v) if isinstance(v, list) else str(v) for v in make_profile().values())
DEEP = "[" * 100_000 + "]" * 100_000

PLAN_CASES = [
    # out of range, just outside each bound (just inside: the accepted rows at the end)
    Case("age-17", profile(age=17), "age: must be a whole number from 18 to 110 (got 17)"),
    Case("age-111", profile(age=111), "age: must be a whole number from 18 to 110 (got 111)"),
    Case("minutes-9", profile(minutes_per_day=9), "minutes_per_day: must be a whole number"),
    Case("minutes-61", profile(minutes_per_day=61), "minutes_per_day: must be a whole number"),
    Case("days-0", profile(days_per_week=0), "days_per_week: must be a whole number from 1"),
    Case("days-8", profile(days_per_week=8), "days_per_week: must be a whole number from 1"),
    Case("height-cm-99", profile(height_cm=99), "height_cm: must be a number from 100 to 250"),
    Case("weight-lb-661", profile(weight_kg=None, weight_lb=661), "weight_lb: must be a number"),
    Case("sitting-24.5", profile(sitting_hours=24.5), "sitting_hours: must be a number from 0"),
    Case("water-negative", profile(water_l=-0.1), "water_l: must be a number from 0 to 10"),
    Case("pain-11", profile(pain=11), "pain: must be a whole number from 0 to 10 (got 11)"),
    Case("pain-weeks-521", profile(pain_weeks=521), "pain_weeks: must be a whole number"),
    # wrong types
    Case("age-words", profile(age="forty"), "age: must be a whole number from 18 to 110"),
    Case("age-fraction", profile(age=47.5), "age: must be a whole number from 18 to 110"),
    Case("age-true", profile(age=True), "age: must be a whole number"),
    Case("stress-true", profile(stress=True), "stress: must be a whole number from 0 to 10"),
    Case("water-false", profile(water_l=False), "water_l: must be a number from 0 to 10"),
    Case("age-digit-grouping", profile(age="4_7"), "age: must be a whole number from 18 to 110"),
    Case("water-digit-grouping", profile(water_l="1_5"), "water_l: must be a number from 0 to 10"),
    Case("name-list", profile(name=["Alex"]), "name: must be text of at most 60 characters"),
    Case("name-number", profile(name=123), "name: must be text of at most 60 characters"),
    Case("sex-list", profile(sex=["female"]), "sex: must be one of: female, male, other"),
    Case("conditions-text", profile(conditions="arthritis"), "conditions: must be a list of"),
    Case("conditions-object", profile(conditions={"a": 1}), "conditions: must be a list of"),
    Case("red-flags-null", with_key(profile(red_flags=None), "red_flags", None), "red_flags: must"),
    Case("red-flags-unknown", profile(red_flags=["headache"]), "red_flags: must be a list of"),
    Case("trauma-maybe", profile(recent_trauma="maybe"), "recent_trauma: must be true or false"),
    Case("date-month-13", profile(start_date="2026-13-01"), "start_date: must be a date"),
    Case(
        "start-year-9999",
        profile(start_date="9999-12-01"),
        "start_date: must be a date as YYYY-MM-DD, at the latest 9988-12-31 (got '9999-12-01')",
        args=("--week", "12"),
        real=True,
    ),
    Case(
        "age-5000-digits",
        profile(age=None)[:-1] + ', "age": ' + "1" * 5000 + "}",
        "age: has 5,000 digits; give at most 300",
    ),
    # NaN and infinities: JSON literals, text, and a number too big for a float
    Case("age-NaN", profile(age=float("nan")), "age: NaN is not a valid number"),
    Case("water-Infinity", profile(water_l=float("inf")), "water_l: Infinity is not a valid"),
    Case("sitting-minus-Inf", profile(sitting_hours=-float("inf")), "sitting_hours: -Infinity"),
    Case("flags-NaN-item", profile(red_flags=[float("nan")]), "red_flags: NaN is not a valid"),
    Case("water-nan-text", profile(water_l="nan"), "water_l: must be a number from 0 to 10"),
    Case(
        "water-1e400", profile(water_l=None)[:-1] + ', "water_l": 1e400}', "water_l: 1e400 is too"
    ),
    Case("pain-1e400", profile(pain=None)[:-1] + ', "pain": 1e400}', "pain: 1e400 is too large"),
    # missing, misspelled, extra, repeated and clashing fields
    Case("age-missing", profile(age=None), "age: is required: a whole number from 18 to 110"),
    Case("red-flags-missing", profile(red_flags=None), "red_flags: is required"),
    Case("trauma-missing", profile(recent_trauma=None), "recent_trauma: is required"),
    Case("misspelled-red-flag", profile(red_flags=None, red_flag=[]), "did you mean 'red_flags'"),
    Case(
        "misspelled-minutes",
        profile(minutes_per_day=None, minutes_per_days=15),
        "minutes_per_days: is not a known field (did you mean 'minutes_per_day'?)",
    ),
    Case("extra-field", profile(notes="call back"), "notes: is not a known field"),
    Case(
        "repeated-red-flags",
        with_key(profile(red_flags=["fever"]), "red_flags", []),
        "red_flags: is given twice",
        real=True,
    ),
    Case("cm-and-inches", profile(height_in=66), "height_cm: give exactly one of height_cm or"),
    Case("no-weight", profile(weight_kg=None), "weight_kg: give exactly one of weight_kg or"),
    # formula-looking values in number fields; a name over one line or too long
    Case("age-formula", profile(age="=1+1"), "age: must be a whole number from 18 to 110"),
    Case("stress-minus-2", profile(stress="-2"), "stress: must be a whole number from 0 to 10"),
    Case("pain-plus-cmd", profile(pain="+cmd|' /C calc'!A0"), "pain: must be a whole number"),
    Case("weight-at-sum", profile(weight_kg="@SUM(A1:A9)"), "weight_kg: must be a number"),
    Case("name-two-lines", profile(name="Alex\nExample"), "name: must be a single line"),
    Case("name-61-chars", profile(name="x" * 61), "name: must be text of at most 60"),
    Case("name-invisible-only", profile(name="\u200b\u3164"), "name: must have a character that"),
    # broken files: not JSON, not an object, not UTF-8, too big, too deep, not a file
    Case("empty-file", "", "file: is not valid JSON (the file is empty)"),
    Case("whitespace-only", " \n\t\n ", "file: is not valid JSON (the file is empty)"),
    Case("truncated", profile()[:70], "file: is not valid JSON"),
    Case("array", "[" + profile() + "]", "profile: must be a JSON object"),
    Case("scalar", "47", "profile: must be a JSON object"),
    Case("deeply-nested", DEEP, "file: is nested too deeply", real=True),
    Case("deep-in-field", '{"conditions": ' + DEEP + "}", "file: is nested too deeply"),
    Case("utf16-bom", profile(name="Zoë").encode("utf-16"), "file: is not UTF-8 text"),
    Case("latin1", profile(name="Zoë").encode("latin-1"), "file: is not UTF-8 text"),
    Case("binary-junk", bytes(range(256)) * 8, "file: is not UTF-8 text"),
    Case("over-1-MB", " " * 1_000_001 + profile(), "file: is larger than 1,000 kB", real=True),
    Case("a-directory", DIRECTORY, "file: cannot be read (Is a directory)"),
    Case("missing-path", MISSING, "file: cannot be read (No such file or directory)"),
    # a one-row CSV profile: a repeated or misspelled column, two people, only a header
    Case(
        "csv-repeated-column",
        one_row_csv(CSV_HEADER + ",age", CSV_ROW + ",99"),
        "file: has the column 'age' twice",
        suffix=".csv",
    ),
    Case(
        "csv-misspelled",
        one_row_csv(CSV_HEADER.replace("red_flags", "red_flag"), CSV_ROW),
        "'red_flag' that is not a known field (did you mean 'red_flags'?)",
        suffix=".csv",
    ),
    Case(
        "csv-two-rows",
        one_row_csv(CSV_HEADER, f"{CSV_ROW}\n{CSV_ROW}"),
        "file: must hold exactly one profile row (found 2)",
        suffix=".csv",
    ),
    Case(
        "csv-header-only",
        CSV_HEADER + "\n",
        "file: must hold exactly one profile row (found 0)",
        suffix=".csv",
    ),
    Case(
        "csv-age-nan",
        one_row_csv(CSV_HEADER, CSV_ROW.replace(",45,", ",nan,")),
        "age: must be a whole number",
        suffix=".csv",
    ),
    Case(
        "csv-name-with-U+2028",
        one_row_csv(CSV_HEADER, CSV_ROW.replace("Alex", "Al\u2028ex", 1)),
        "name: must be a single line",
        suffix=".csv",
    ),
    Case(
        "csv-name-with-NEL",
        one_row_csv(CSV_HEADER, CSV_ROW.replace("Alex", "Al\x85ex", 1)),
        "name: must be a single line",
        suffix=".csv",
    ),
    # bad options: the output is a folder, its folder is missing; a bad week or format
    Case("output-is-a-folder", profile(), "-o: will not write . (it is a folder", args=("-o", ".")),
    Case("output-folder-missing", profile(), "-o: the folder", args=("-o", "nowhere/plan.json")),
    Case(
        "week-0", profile(), "argument --week: must be a whole number from 1", args=("--week", "0")
    ),
    Case("week-text", profile(), "argument --week: must be a whole number", args=("--week", "one")),
    Case(
        "time-with-offset",
        profile(),
        "argument --time: must be a time as HH:MM",
        args=("--format", "ics", "--time", "23:59+05:00"),
        real=True,
    ),
    Case("time-24", profile(), "argument --time: must be", args=("--time", "24:00")),
    Case("time-seconds", profile(), "argument --time: must be", args=("--time", "18:00:30.5")),
    Case("time-no-colon", profile(), "argument --time: must be", args=("--time", "1800")),
    Case("time-with-T", profile(), "argument --time: must be", args=("--time", "T18:00")),
    Case("time-utc", profile(), "argument --time: must be", args=("--time", "18:00Z")),
    Case(
        "format-xml",
        profile(),
        "argument --format: invalid choice: 'xml'",
        args=("--format", "xml"),
    ),
    # accepted: boundaries just inside, a UTF-8 byte order mark, a formula-looking name
    Case("ok-age-18-minutes-10", profile(age=18, minutes_per_day=10), accepted=True),
    Case("ok-age-110-minutes-60", profile(age=110, minutes_per_day=60), accepted=True),
    Case("ok-utf8-bom", b"\xef\xbb\xbf" + profile(name="Zoë").encode(), accepted=True),
    Case(
        "ok-csv-old-mac-line-ends",
        one_row_csv(CSV_HEADER, CSV_ROW).replace("\n", "\r"),
        accepted=True,
        suffix=".csv",
    ),
    Case("ok-formula-name", profile(name="=HYPERLINK(1)"), accepted=True, args=("--format", "csv")),
    Case("ok-zero-width-inside-name", profile(name="Ann\u200b"), accepted=True),
    Case("ok-cyrillic-look-alike-name", profile(name="\u0410nn"), accepted=True),
]


@pytest.mark.parametrize("case", params([c for c in PLAN_CASES if not c.accepted]))
def test_the_plan_command_refuses_hostile_input(case, tmp_path, monkeypatch, capsys):
    """Status 2, a message naming the field, no traceback; no new file, an old output kept."""
    monkeypatch.chdir(tmp_path)  # where relative -o paths of the options rows land
    source = write_input(tmp_path, case)
    old = tmp_path / "old.json"
    old.write_bytes(OLD)
    before = sorted(tmp_path.rglob("*"))
    for output in (tmp_path / "new.json", old):
        argv = ["plan", str(source), "-o", str(output), *case.args]
        status, said = run_cli(argv, case.real, capsys)
        assert status == 2, said
        assert case.expect in said and "Traceback" not in said
    assert sorted(tmp_path.rglob("*")) == before  # nothing new, no temporary file left
    assert old.read_bytes() == OLD


@pytest.mark.parametrize("case", params([c for c in PLAN_CASES if c.accepted]))
def test_the_plan_command_accepts_what_is_fine(case, tmp_path, capsys):
    """Boundaries just inside, a BOM and a formula-looking name make a plan."""
    source = write_input(tmp_path, case)
    out = tmp_path / "plan.out"
    status, said = run_cli(["plan", str(source), "-o", str(out), *case.args], False, capsys)
    assert status == 0, said
    text = out.read_text()
    assert text.startswith("day,date,category" if "csv" in case.args else '{\n  "safe_to_exercise"')
    assert not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())


def test_the_corpus_is_large_and_covers_every_entry_point():
    """At least 60 refused cases in all, each entry point with its own, every id unique."""
    from tests.hostile_cases_app import FORM_CASES, IMPORT_CASES
    from tests.hostile_cases_batch import BATCH_CASES, UPLOAD_CASES

    corpus = {
        "plan command": PLAN_CASES,
        "batch command and upload": BATCH_CASES + UPLOAD_CASES,
        "JSON import": IMPORT_CASES,
        "profile form": FORM_CASES,
    }
    refused = {entry: [c for c in cases if not c.accepted] for entry, cases in corpus.items()}
    assert sum(map(len, refused.values())) >= 60
    assert all(len(cases) >= 10 for cases in refused.values()), {
        entry: len(cases) for entry, cases in refused.items()
    }
    for cases in corpus.values():
        ids = [c.id for c in cases]
        assert len(ids) == len(set(ids))
