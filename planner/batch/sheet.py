"""One reader for a spreadsheet of people, CSV or Excel (.xlsx), from the command line or the page.

Each person is a numbered row of text cells: the number is the row a spreadsheet shows (the header
is row 1; blank rows and a cell over several lines count as a spreadsheet counts them), the cells
are text as a CSV holds it (a blank cell is "not given"). Cells beyond the named columns are kept
under EXTRA, so the row can be refused with a reason. A file that cannot be read, has a bad header,
no people or too many is refused whole with a ProfileError on the field "file"; a row's own values
are checked by `check_row`.
"""

import csv
import io
import os
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from planner.batch.limits import MAX_BYTES, MAX_ROWS, MAX_SHEET_ROWS, MAX_UNPACKED
from planner.files.profile_files import check_header, row_to_dict
from planner.profile import FieldProblem, Profile, ProfileError, parse_profile

EXTRA = "extra cells"  # the cells of a row beyond the header's columns, joined with ';'
Row = tuple[int, dict[str, str]]


def file_error(message: str) -> ProfileError:
    return ProfileError([FieldProblem(field="file", message=message)])


def cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: blanks empty, 170.0 as '170', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def read_sheet(filename: str, data: bytes) -> list[Row]:
    """The people of a .csv or .xlsx file as numbered rows; a ProfileError for a file that is too
    big, unreadable, has a bad header, no people, or more than MAX_ROWS of them."""
    if len(data) > MAX_BYTES:
        raise _too_big(len(data))
    suffix = filename.lower().rsplit(".", 1)[-1]
    if suffix == "csv":
        records = _csv_records(data)
    elif suffix == "xlsx":
        records = _xlsx_records(data)
    else:
        raise file_error("must be a .csv or .xlsx spreadsheet")
    header = next(records, None)
    check_header(header)
    rows = [(number, _cells(header, record)) for number, record in enumerate(records, start=2)]
    people = [(number, cells) for number, cells in rows if any(cells.values())]
    if not people:
        raise file_error("has no people in it (only a header)")
    if len(people) > MAX_ROWS:
        raise file_error(f"has {len(people):,} people; make at most {MAX_ROWS:,} at a time")
    return people


def read_sheet_file(path: Path) -> list[Row]:
    """read_sheet of a file, reading no more than one byte over the limit (a pipe has no size)."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise file_error(f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise _too_big(max(size, len(data)))
    return read_sheet(path.name, data)


def _too_big(size: int) -> ProfileError:
    return file_error(f"is {size / 1e6:.1f} MB; the limit is {MAX_BYTES // 2**20} MB")


def _cells(header: list[str], record: list[str]) -> dict[str, str]:
    """A record's cells by column name; cells under no name (beyond the header, or under a blank
    heading) go to EXTRA."""
    cells, extra = {}, []
    for index, text in enumerate(record):
        name = header[index].strip() if index < len(header) else ""
        if name:
            cells[name] = text
        elif text:
            extra.append(text)
    named = {name.strip(): "" for name in header if name.strip()}
    return named | cells | ({EXTRA: ";".join(extra)} if extra else {})


def _csv_records(data: bytes):
    """The records of a UTF-8 CSV (a byte order mark allowed), each cell stripped."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise file_error("is not UTF-8 text (save it as 'CSV UTF-8')") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[list[str]] = []
    try:  # read whole here, so a bad record is refused before anything is made
        for record in reader:
            records.append([cell.strip() for cell in record])
    except csv.Error as exc:  # a cell over the csv module's 128 kB limit: say so, never crash
        raise file_error(f"cannot be read as CSV (row {len(records) + 1}: {exc})") from None
    return iter(records)


def _xlsx_records(data: bytes):
    """The records of the first sheet of a workbook: formulas as their saved values (blank when
    none was saved), numbers, booleans and dates as CSV text."""
    from openpyxl import load_workbook  # only an Excel file needs it

    if _unpacked_size(data) > MAX_UNPACKED:
        raise file_error(f"unpacks to more than {MAX_UNPACKED // 2**20} MB; make it smaller")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        records = []
        for values in book.worksheets[0].iter_rows(values_only=True):
            if len(records) > MAX_SHEET_ROWS:
                raise file_error(
                    f"has more than {MAX_SHEET_ROWS:,} rows; "
                    f"make at most {MAX_ROWS:,} people at a time"
                )
            records.append([cell_text(value) for value in values])
        book.close()
    except ProfileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise file_error(f"cannot be read as an Excel workbook ({type(exc).__name__})") from None
    return iter(records)


def _unpacked_size(data: bytes) -> int:
    """The bytes an .xlsx's parts unpack to, as its zip directory declares them (zipfile stops
    reading a part at its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(part.file_size for part in archive.infolist())
    except zipfile.BadZipFile:
        raise file_error("cannot be read as an Excel workbook (not a zip file)") from None


def check_row(row: int, cells: dict[str, str]) -> Profile:
    """The row's validated profile, or a ProfileError carrying the row number."""
    if cells.get(EXTRA):
        problem = FieldProblem(field="row", message="has more cells than columns")
        raise ProfileError([problem], row)
    named = {name: text for name, text in cells.items() if name != EXTRA}
    try:
        return parse_profile(row_to_dict(named), row=row)
    except ProfileError as exc:
        raise ProfileError(exc.problems, row) from None


def row_problems(row: int, cells: dict[str, str]) -> str:
    """The row's problems in plain words ('' when it is fine)."""
    try:
        check_row(row, cells)
    except ProfileError as exc:
        return "; ".join(str(p) for p in exc.problems)
    return ""
