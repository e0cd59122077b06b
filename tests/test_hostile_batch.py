"""Hostile input to batch printing: `python -m planner batch PEOPLE.csv --out DIR` and the upload
of the Batch printing page, both read by planner.batch.sheet (cases in tests/hostile_cases_batch.py;
the corpus's rules in tests/test_hostile_input.py).

A bad row's message names its row and field, the good row's file is still made, and nothing else
is in the folder. A broken file makes no folder; on the page it is refused whole.
"""

import pytest

from planner.batch.limits import MAX_BYTES
from planner.batch.sheet import read_sheet, row_problems
from planner.profile import ProfileError
from tests.hostile_cases import OLD, Case, params, run_cli, write_input
from tests.hostile_cases_batch import BATCH_CASES, GOOD, HUGE, UPLOAD_CASES


def write_people(folder, case: Case):
    if case.data != HUGE:
        suffix = case.suffix if case.suffix != ".json" else ".csv"
        return write_input(folder, Case(case.id, case.data, suffix=suffix))
    path = folder / "profile.csv"
    with path.open("wb") as file:  # sparse: over the limit without writing 5 MB
        file.truncate(MAX_BYTES + 1)
    return path


def batch(case: Case, folder, capsys) -> tuple[int, str]:
    source = write_people(folder, case)
    argv = ["batch", str(source), "--out", str(folder / "out"), "--format", "json"]
    return run_cli([*argv, "--workers", "1", *case.args], case.real, capsys)


@pytest.mark.parametrize("case", params([c for c in BATCH_CASES if not c.accepted]))
def test_the_batch_command_refuses_hostile_input(case, tmp_path, monkeypatch, capsys):
    """Status 2, the row and field named, no traceback; only the good row's file is made."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken.txt").write_bytes(OLD)
    status, said = batch(case, tmp_path, capsys)
    assert status == 2, said
    assert case.expect in said and "Traceback" not in said
    out = tmp_path / "out"
    made = sorted(p.name for p in out.iterdir()) if out.exists() else None
    assert made == ([GOOD] if case.expect.startswith("row ") else None)
    assert not list(tmp_path.rglob("*.tmp")) and (tmp_path / "taken.txt").read_bytes() == OLD


@pytest.mark.parametrize("case", params([c for c in BATCH_CASES if c.accepted]))
def test_the_batch_command_accepts_what_is_fine(case, tmp_path, capsys):
    """Each person's file is made, under a safe name; status 0."""
    status, said = batch(case, tmp_path, capsys)
    assert status == 0, said
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == case.expect.split()


@pytest.mark.parametrize("case", params(UPLOAD_CASES))
def test_the_batch_upload_marks_hostile_rows_and_refuses_broken_files(case):
    """A broken file is a ProfileError saying why; a bad row's problems name its field."""
    name = "people" + (".csv" if case.suffix == ".csv" else ".xlsx")
    if not case.expect.startswith("row ") and not case.accepted:
        with pytest.raises(ProfileError) as refused:
            read_sheet(name, case.data)
        assert case.expect in str(refused.value)
        return
    problems = {row: row_problems(row, cells) for row, cells in read_sheet(name, case.data)}
    where, _, message = case.expect.partition(": ")  # "row 3", "age: must be ..."
    assert case.accepted or any(problems.values())
    for row, text in problems.items():  # the spreadsheet's row numbers
        if where == f"row {row}":
            assert text.startswith(message)
        else:
            assert text == "", f"row {row}: {text}"
