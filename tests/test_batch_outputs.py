"""A batch's files in a folder never stop part-way: a name that cannot be written (a link, folder,
pipe or device already there) or a full disk fails its own row, with a message, and the other
rows' files are still made; no half-made or temporary file is left."""

import os

import pytest

from planner.batch.job import Job, Made, produce
from planner.batch.outputs import write_into
from planner.batch.sheet import read_sheet
from planner.profile import ProfileError
from tests.cli_steps import no_app_database, run_main
from tests.file_steps import kind_of, special, tiny_disk  # noqa: F401 (a fixture)
from tests.hostile_cases_batch import line, sheet

NAMES = ["Ann", "Bo", "Cy"]


@pytest.fixture(autouse=True)
def no_saved_clinic(tmp_path, monkeypatch):
    no_app_database(monkeypatch, tmp_path)


def rows(*names: str) -> list:
    return read_sheet("people.csv", sheet(*[line(name=n) for n in names]).encode())


@pytest.mark.parametrize("kind", ["symlink", "folder", "fifo", "device"])
def test_a_link_or_folder_at_a_persons_file_name_fails_that_row_only(tmp_path, kind, capsys):
    """Bo's row (row 3) names the thing in the way; Ann's and Cy's files are made."""
    out = tmp_path / "out"
    out.mkdir()
    in_the_way = special(kind, out).rename(out / "Bo.json")
    before = kind_of(in_the_way)
    people = tmp_path / "people.csv"
    people.write_text(sheet(*[line(name=n) for n in NAMES]))
    argv = ["batch", people, "--out", out, "--format", "json", "--workers", "1"]
    ran = run_main(argv, capsys)
    assert ran.status == 2 and "Traceback" not in ran.err
    assert "row 3: file: Bo.json could not be written (it is a" in ran.err
    assert "made 2 file(s)" in ran.err and "1 row(s) with problems" in ran.err
    assert kind_of(in_the_way) == before
    assert {"Ann.json", "Cy.json"} <= set(os.listdir(out))
    assert not [name for name in os.listdir(out) if name.startswith(".")]


def test_a_full_disk_fails_the_rows_that_do_not_fit_and_writes_the_rest(tiny_disk):  # noqa: F811
    """On a 64 kB disk the big files fail with ENOSPC, each named; the small ones are made."""
    small, big = b"x" * 1_000, b"x" * 100_000
    made = [Made(2, "a.json", small, True), Made(3, "b.json", big, True)]
    made += [Made(4, "c.json", small, True), Made(5, "d.json", big, True)]
    results = list(write_into(tiny_disk, made))
    assert [type(r).__name__ for r in results] == ["Made", "ProfileError", "Made", "ProfileError"]
    assert str(results[1]) == "row 3: file: b.json could not be written (No space left on device)"
    assert sorted(os.listdir(tiny_disk)) == ["a.json", "c.json"]


def test_the_longest_names_in_four_byte_letters_are_written_and_kept_apart(tmp_path):
    """60 letters of 4 bytes each (a name's most) make files, repeated ones numbered, all
    shorter than a file name may be, their temporary names too."""
    name = "𝒜" * 60
    results = list(write_into(tmp_path, produce(rows(name, name, "Ann"), Job(fmt="json"))))
    assert all(isinstance(r, Made) for r in results), [str(r) for r in results]
    files = sorted(os.listdir(tmp_path))
    assert len(files) == 3 and all(len(f.encode()) <= 255 for f in files)


def test_a_row_that_fails_in_an_unforeseen_way_is_reported_and_the_others_made(monkeypatch):
    """Any error while making one row's file becomes that row's problem, never the batch's."""
    from planner.batch import job as batch_job

    real = batch_job.render

    def render(profile, job):
        if profile.name == "Bo":
            raise OverflowError("date value out of range")
        return real(profile, job)

    monkeypatch.setattr(batch_job, "render", render)
    results = list(produce(rows(*NAMES), Job(fmt="json")))
    assert [r.name for r in results if isinstance(r, Made)] == ["Ann.json", "Cy.json"]
    [error] = [r for r in results if isinstance(r, ProfileError)]
    assert str(error) == "row 3: row: could not be made (OverflowError: date value out of range)"
