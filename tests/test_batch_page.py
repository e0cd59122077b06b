"""The batch printing page under AppTest: upload, problems marked, edits applied, ZIP made."""

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from pages.parts import state
from pages.parts.batch_table import (
    PROBLEMS,
    apply_edits,
    table,
    table_csv,
    table_rows,
    with_problems,
)
from planner.batch.job import template_csv
from planner.batch.limits import MAX_ROWS
from planner.batch.sheet import read_sheet
from planner.clinic import ClinicHeader
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
    zipped = at.session_state[state.BATCH_ZIP]
    names = list(zipped.names)
    assert names == ["Alex-Example.pdf", "Sam-Sample.pdf", "Jo-Demo.pdf"]
    archive = zipfile.ZipFile(io.BytesIO(zipped.data))
    assert archive.namelist() == names
    for name in names:
        assert len(PdfReader(io.BytesIO(archive.read(name))).pages) == 1
    assert "Alex-Example.pdf, Sam-Sample.pdf" in shown(at.caption[-1].value)


def test_the_booklet_choice_makes_booklets_on_letter_paper():
    """Choosing the four-week booklet and US Letter makes multi-page Letter PDFs."""
    at = upload(batch_page(), "people.csv", TEMPLATE.encode())
    at.radio(key=state.BATCH_KIND).set_value("booklet")
    at.radio(key=state.BATCH_PAPER).set_value("letter").run()
    at.button[-1].click().run()
    zipped = at.session_state[state.BATCH_ZIP]
    reader = PdfReader(io.BytesIO(zipfile.ZipFile(io.BytesIO(zipped.data)).read(zipped.names[0])))
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


def test_changing_an_option_clears_the_made_zip():
    """A ZIP made as A4 sheets is not offered once Letter or the booklet is chosen."""
    at = upload(batch_page(), "people.csv", TEMPLATE.encode())
    at.button[-1].click().run()
    assert state.BATCH_ZIP in at.session_state and at.get("download_button")[-1].label.endswith(
        "(ZIP)"
    )
    at.radio(key=state.BATCH_PAPER).set_value("letter").run()
    assert state.BATCH_ZIP not in at.session_state
    assert not [b for b in at.get("download_button") if b.label.endswith("(ZIP)")]
    at.button[-1].click().run()
    at.radio(key=state.BATCH_KIND).set_value("booklet").run()
    assert state.BATCH_ZIP not in at.session_state


def test_each_row_is_checked_once_until_the_table_changes():
    """A rerun without a change reuses the checked table; an edit checks the new table."""
    at = upload(batch_page(), "people.csv", (TEMPLATE + BAD_LINE).encode())
    first = at.session_state[state.BATCH_CHECKED]
    at.run()
    assert at.session_state[state.BATCH_CHECKED][1] is first[1]
    edited = apply_edits(at.session_state[state.BATCH_TABLE], {"deleted_rows": [3]})
    at.session_state[state.BATCH_TABLE] = edited
    at.run()
    assert at.session_state[state.BATCH_CHECKED][0] != first[0]
    assert "All 3 rows are ready" in at.success[0].value


def test_an_uploaded_workbook_shows_its_people():
    """An .xlsx upload goes through the same reader as a CSV and shows the same table."""
    book = Workbook()
    for row in csv.reader(io.StringIO(TEMPLATE)):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    at = upload(batch_page(), "people.xlsx", buffer.getvalue())
    assert list(at.data_editor[0].value["name"]) == ["Alex Example", "Sam Sample", "Jo Demo"]


def test_the_table_keeps_row_numbers_and_every_column_as_text():
    """The rows' numbers become the index; table_rows gives the rows back as they came."""
    rows = read_sheet("people.csv", (TEMPLATE + BAD_LINE).encode())
    frame = table(rows)
    assert list(frame.index) == [2, 3, 4, 5] and frame.index.name == "Row"
    assert table_rows(frame) == rows
    assert table_rows(with_problems(frame)) == rows


def test_edits_change_cells_delete_rows_and_add_rows():
    """Data-editor edits are applied by position, then deletions, then additions."""
    frame = table(read_sheet("people.csv", (TEMPLATE + BAD_LINE).encode()))
    edits = {
        "edited_rows": {3: {"age": 40.0, PROBLEMS: "ignored"}},
        "deleted_rows": [0],
        "added_rows": [{"name": "New Person", "age": float("nan")}],
    }
    changed = apply_edits(with_problems(frame), edits)
    assert list(changed.index) == [3, 4, 5, 6] and PROBLEMS not in changed.columns
    assert changed.loc[5, "age"] == "40" and changed.loc[6, "name"] == "New Person"
    assert changed.loc[6, "age"] == ""
    marked = with_problems(changed)
    assert marked.loc[5, PROBLEMS] == "" and "required" in marked.loc[6, PROBLEMS]
    assert [row for row, _ in table_rows(marked)] == [3, 4, 5, 6]


def test_the_tables_csv_guards_cells_a_spreadsheet_would_run_as_formulas():
    """=HYPERLINK, +, - and @ cells get a leading quote; the rest, and the row numbers, as shown."""
    hostile = TEMPLATE.splitlines()[1].replace("Alex Example", '"=HYPERLINK(""http://x"",""y"")"')
    marked = with_problems(table(read_sheet("people.csv", (TEMPLATE + hostile + "\n").encode())))
    marked.loc[5, "conditions"] = "@SUM(A1)"
    rows = list(csv.reader(io.StringIO(table_csv(marked), newline="")))
    assert rows[0] == ["Row", PROBLEMS, *marked.columns[1:]]
    assert [row[0] for row in rows[1:]] == ["2", "3", "4", "5"]
    by_name = {row[2]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://x","y")' in by_name and "Sam Sample" in by_name
    assert by_name['\'=HYPERLINK("http://x","y")'][rows[0].index("conditions")] == "'@SUM(A1)"
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@"))]


def test_the_table_is_offered_as_guarded_csv_and_streamlits_own_export_is_off():
    """The page's download button for the table; the data editor's toolbar CSV is switched off
    in the app's config (its cells would not be guarded)."""
    import tomllib

    at = upload(batch_page(), "people.csv", (TEMPLATE + BAD_LINE).encode())
    labels = [b.label for b in at.get("download_button")]
    assert labels.count("Download the table (CSV)") == 1
    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True
