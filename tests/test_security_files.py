"""File names and CSV cells made from what people type: batch and ZIP file names stay inside
their folder, are never a Windows device name and never collide (by case or Unicode
normalisation); every text cell of the plan table is guarded against spreadsheet formulas.

tests/test_batch.py and tests/test_export_csv.py cover the common cases; these add the hostile ones.
"""

import csv
import dataclasses
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest

from planner import build_plan
from planner.batch.job import RESERVED, SLUG_MAX, FileNamer, Job, produce, slug, template_csv
from planner.batch.outputs import zip_files
from planner.batch.sheet import read_sheet
from planner.exports.csv_table import COLUMNS, plan_csv
from tests.conftest import make_profile

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("day", "category", "id", "name", "position")
NUMBER_COLUMNS = ("sets", "reps", "hold_s", "sides", "minutes")


# --- File names made from names -------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\x",
    "/abs",
    "C:\\Windows\\win.ini",
    "a\x00b",
    "..",
    ".",
    "~",
    "-rf",
    "名前" * 30,
    "Ω" * 60,
    "e\u0301" * 30,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_slug_is_one_plain_file_name(name):
    """No separators, dots, NUL or leading dash; at most 60 characters and, with '-9999.json',
    well under the 255 bytes a file name may take."""
    stem = slug(name, 9)
    assert stem and not set(stem) & set("/\\.\x00:~")
    assert not stem.startswith("-") and len(stem) <= SLUG_MAX
    assert len(f"{stem}-9999.json".encode()) <= 255
    assert Path(stem).name == stem and not Path(stem).is_absolute()


@pytest.mark.parametrize(
    "name",
    ["CON", "con", "Nul", "aux", "PRN", "COM1", "com9", "LPT1", "COM0", "LPT0", "COM¹", "lpt³"],
)
def test_windows_device_names_are_never_file_names(name):
    """Every name on Windows's reserved list, in any case, gets a '_' (superscripts included)."""
    stem = slug(name, 2)
    assert stem == f"{name}_" and stem.upper() not in RESERVED


def test_names_alike_but_for_case_or_normalisation_get_different_files():
    """Composed and decomposed accents, case, ß and SS, and names alike in their first 60
    characters all get their own file, even on a case-insensitive, normalising file system."""
    names = ["Zoë", "Zoe\u0308", "ZOË", "zoë", "Straße", "STRASSE", "A" * 70, "A" * 60 + "B"]
    namer = FileNamer("pdf")
    files = [namer.name(name, row) for row, name in enumerate(names, start=2)]
    folded = {unicodedata.normalize("NFD", f).casefold() for f in files}
    assert len(folded) == len(names)
    assert files[:3] == ["Zoë.pdf", "Zoë-2.pdf", "ZOË-3.pdf"]


def csv_with(*names: str) -> list[tuple[int, dict]]:
    """The batch rows of a people CSV of valid profiles with these names."""
    header = template_csv().splitlines()[0].split(",")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for name in names:
        row = make_profile(name=name)
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return read_sheet("people.csv", out.getvalue().encode())


def test_the_batch_zip_holds_only_plain_unique_names_that_unpack_inside(tmp_path):
    """The app's ZIP of hostile names: flat, unique entries that unpack inside the folder."""
    names = [n for n in HOSTILE_NAMES if "\x00" not in n and len(n) <= 60] + ["COM¹", "Zoë", "zoë"]
    zipped = zip_files(produce(csv_with(*names), Job(fmt="json")))
    files = list(zipped.names)
    assert zipped.errors == () and len(files) == len(names)
    archive = zipfile.ZipFile(io.BytesIO(zipped.data))
    assert archive.namelist() == files
    assert len({unicodedata.normalize("NFC", f).casefold() for f in files}) == len(files)
    assert "COM¹_.json" in files
    archive.extractall(tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(files)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


# --- CSV cells cannot run as formulas -------------------------------------------------------------


def crafted_plan(**changes):
    """A plan whose first exercise of its first session carries the changed fields."""
    plan = build_plan(make_profile(start_date="2025-03-03"))
    day = plan.sessions[0]
    day_changes = {"day": changes.pop("day")} if "day" in changes else {}
    first = dataclasses.replace(day.exercises[0], **changes)
    crafted = dataclasses.replace(day, exercises=(first, *day.exercises[1:]), **day_changes)
    index = plan.days.index(day)
    return dataclasses.replace(plan, days=(*plan.days[:index], crafted, *plan.days[index + 1 :]))


def first_row(text: str) -> dict[str, str]:
    return next(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
@pytest.mark.parametrize("column", TEXT_COLUMNS)
def test_every_text_column_is_guarded_against_each_formula_start(column, start):
    """Each text column, with each character a spreadsheet reads as a formula first, gets the
    OWASP leading single quote; the text after it is kept whole."""
    value = f'{start}HYPERLINK("http://x","y")'
    row = first_row(plan_csv(crafted_plan(**{column: value})))
    assert row[column] == f"'{value}"


def test_number_columns_hold_plain_numbers_and_dates_are_iso():
    """Numbers are written as numbers, unquoted (a negative one too: it is not text); every date
    cell is an ISO date or blank."""
    text = plan_csv(crafted_plan(sets=-1, reps=0, hold_s=30, sides=2))
    row = first_row(text)
    assert [row[c] for c in ("sets", "reps", "hold_s", "sides")] == ["-1", "0", "30", "2"]
    for cells in csv.DictReader(io.StringIO(text)):
        assert all(cells[c].lstrip("-").isdigit() for c in NUMBER_COLUMNS)
        assert cells["date"] == "" or len(cells["date"].split("-")) == 3


def test_a_persons_name_never_reaches_the_plan_table():
    """The CSV carries only catalogue and schedule text, never the name typed in."""
    name = "=cmd|' /C calc'!A0"
    plan = build_plan(make_profile(name=name))
    assert plan.name == name and "cmd" not in plan_csv(plan)
    assert set(COLUMNS) == {*TEXT_COLUMNS, "date", *NUMBER_COLUMNS}
