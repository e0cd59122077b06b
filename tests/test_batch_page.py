"""The batch printing page under AppTest: upload, problems marked, edits applied, ZIP made."""

import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from planner.batch.job import template_csv
from planner.batch.upload import (
    MAX_ROWS,
    PROBLEMS,
    apply_edits,
    cell_text,
    frame_rows,
    read_upload,
    with_problems,
)
from planner.clinic import ClinicHeader
from planner.profile import ProfileError
from storage import dispose_engines, open_store
from storage.clinic import get_clinic

APP = Path(__file__).resolve().parent.parent / "app.py"
TEMPLATE = template_csv()
BAD_LINE = TEMPLATE.splitlines()[1].replace("Alex Example,47", "Too Young,12") + "\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """A fresh store in a temporary folder."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    yield tmp_path
    dispose_engines()


def shown(markdown: str) -> str:
    """Markdown as it reads on screen: escaping backslashes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def batch_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/batch.py").run()
    assert not at.exception
    return at


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload").upload(name, data, "text/csv").run()
    assert not at.exception
    return at


def test_the_page_offers_the_template_and_waits_for_a_file():
    """Before an upload: the template download, the clinic form and a hint, no table."""
    at = batch_page()
    assert at.title[0].value == "Batch printing"
    assert "Upload a spreadsheet" in at.info[0].value
    assert not at.data_editor


def test_an_uploaded_csv_shows_each_rows_problems():
    """A bad row's Problems cell names the field and what it allows; good rows stay blank."""
    at = upload(batch_page(), "people.csv", (TEMPLATE + BAD_LINE).encode())
    table = at.data_editor[0].value
    assert list(table.index) == [2, 3, 4, 5]
    assert table.loc[5, PROBLEMS].startswith("age: must be a whole number from 18 to 110")
    assert (table.loc[[2, 3, 4], PROBLEMS] == "").all()
    assert "1 of 4 rows have problems" in at.warning[0].value
    assert at.button[-1].label == "Make PDFs for 3 people"


def test_make_pdfs_gives_a_zip_of_one_pdf_per_good_row():
    """The ZIP holds one readable PDF per good row, named after the person."""
    at = upload(batch_page(), "people.csv", (TEMPLATE + BAD_LINE).encode())
    at.button[-1].click().run()
    assert not at.exception
    data, names, _ = at.session_state["batch_zip"]
    assert names == ["Alex-Example.pdf", "Sam-Sample.pdf", "Jo-Demo.pdf"]
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == names
    for name in names:
        assert len(PdfReader(io.BytesIO(archive.read(name))).pages) == 1
    assert "Alex-Example.pdf, Sam-Sample.pdf" in shown(at.caption[-1].value)


def test_the_booklet_choice_makes_booklets_on_letter_paper():
    """Choosing the four-week booklet and US Letter makes multi-page Letter PDFs."""
    at = upload(batch_page(), "people.csv", TEMPLATE.encode())
    at.radio(key="batch_kind").set_value("booklet")
    at.radio(key="batch_paper").set_value("letter").run()
    at.button[-1].click().run()
    data, names, _ = at.session_state["batch_zip"]
    reader = PdfReader(io.BytesIO(zipfile.ZipFile(io.BytesIO(data)).read(names[0])))
    assert len(reader.pages) >= 7 and float(reader.pages[0].mediabox.height) == pytest.approx(792)


def test_too_many_rows_are_refused_with_a_clear_message():
    """More than 2,000 people: an error saying so, and no table."""
    line = TEMPLATE.splitlines()[1] + "\n"
    at = upload(batch_page(), "many.csv", (TEMPLATE + line * MAX_ROWS).encode())
    assert "many.csv has 2,003 people; make at most 2,000 at a time" in shown(at.error[0].value)
    assert not at.data_editor


def test_the_clinic_header_form_saves_for_this_account():
    """The settings form saves the name and contact with set_clinic."""
    at = batch_page()
    at.text_input[0].input("Riverside Physio")
    at.text_input[1].input("01234 567890")
    at.button[0].click().run()
    assert not at.exception and "Saved" in at.success[0].value
    assert get_clinic(open_store()) == ClinicHeader("Riverside Physio", "01234 567890")


def test_an_excel_workbook_is_read_like_the_csv(tmp_path):
    """An .xlsx with numbers, booleans and dates gives the same cells as the CSV template."""
    frame = pd.read_csv(io.StringIO(TEMPLATE), dtype=object)
    frame["recent_trauma"] = False
    frame["start_date"] = pd.to_datetime(frame["start_date"])
    frame["age"] = frame["age"].astype(float)
    path = tmp_path / "people.xlsx"
    frame.to_excel(path, index=False)
    table = read_upload("people.xlsx", path.read_bytes())
    assert list(table.index) == [2, 3, 4]
    assert table.loc[2, "age"] == "47" and table.loc[2, "start_date"] == "2026-11-30"
    assert (with_problems(table)[PROBLEMS] == "").all()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("people.txt", b"x", "must be a .csv or .xlsx"),
        ("people.csv", "name\nZoë".encode("latin-1"), "is not UTF-8"),
        ("people.csv", b"name,age\n", "has no people"),
        ("people.xlsx", b"not a workbook", "cannot be read as an Excel workbook"),
    ],
)
def test_unreadable_uploads_are_refused_naming_the_problem(name, data, message):
    """Wrong type, wrong encoding, no rows or a broken workbook: a ProfileError saying which."""
    with pytest.raises(ProfileError, match=message):
        read_upload(name, data)


def test_edits_change_cells_delete_rows_and_add_rows():
    """Data-editor edits are applied by position, then deletions, then additions."""
    table = read_upload("people.csv", (TEMPLATE + BAD_LINE).encode())
    edits = {
        "edited_rows": {3: {"age": 40.0, PROBLEMS: "ignored"}},
        "deleted_rows": [0],
        "added_rows": [{"name": "New Person"}],
    }
    changed = apply_edits(table, edits)
    assert list(changed.index) == [3, 4, 5, 6]
    assert changed.loc[5, "age"] == "40" and changed.loc[6, "name"] == "New Person"
    marked = with_problems(changed)
    assert marked.loc[5, PROBLEMS] == "" and "required" in marked.loc[6, PROBLEMS]
    assert [row for row, _ in frame_rows(marked)] == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (float("nan"), ""), (170.0, "170"), (1.5, "1.5"), (True, "true"), (" x ", "x")],
)
def test_cells_become_the_text_a_csv_would_hold(value, text):
    """Excel's numbers, booleans and blanks read as CSV text."""
    assert cell_text(value) == text
