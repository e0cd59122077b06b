"""An uploaded spreadsheet of people (CSV or Excel .xlsx) as a table of text cells, for the batch
page: each row indexed by its spreadsheet row number, its problems in plain words, and edits made
in the app applied back. The page only shows these; every rule is here and in planner.batch.
"""

import io
import math
import zipfile
from datetime import date, datetime
from typing import Any

import pandas as pd

from planner.batch.job import check_row, read_rows
from planner.files.profile_files import check_header
from planner.profile import FieldProblem, ProfileError

MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024  # server.maxUploadSize (5 MB), checked here too for any other caller
# An .xlsx is a zip of XML: 2,000 people unpack to a few MB, but 5 MB of repeated cells could
# unpack to gigabytes. Its parts' unpacked sizes are checked before it is read (zipfile stops
# at the sizes they declare), and at most MAX_SHEET_ROWS rows (room for blank ones) are read.
MAX_UNPACKED = 20 * 1024 * 1024
MAX_SHEET_ROWS = 2 * MAX_ROWS
PROBLEMS = "Problems"
EXTRA = "extra cells"  # the column for cells beyond the header in a CSV row


def _file_error(message: str) -> ProfileError:
    return ProfileError([FieldProblem(field="file", message=message)])


def cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: blanks empty, 170.0 as '170', dates as YYYY-MM-DD."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
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


def read_upload(filename: str, data: bytes) -> pd.DataFrame:
    """The uploaded people as text cells indexed by spreadsheet row ('Row'); a ProfileError for
    a file that cannot be read, is over MAX_BYTES or has more than MAX_ROWS people."""
    if len(data) > MAX_BYTES:
        raise _file_error(f"is {len(data) / 1e6:.1f} MB; the limit is 5 MB")
    suffix = filename.lower().rsplit(".", 1)[-1]
    if suffix == "csv":
        frame = _csv_frame(data)
    elif suffix == "xlsx":
        frame = _xlsx_frame(data)
    else:
        raise _file_error("must be a .csv or .xlsx spreadsheet")
    if len(frame) > MAX_ROWS:
        raise _file_error(f"has {len(frame):,} people; make at most {MAX_ROWS:,} at a time")
    if frame.empty:
        raise _file_error("has no people in it (only a header, or nothing)")
    frame.index.name = "Row"
    return frame


def _csv_frame(data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error("is not UTF-8 text (save it as 'CSV UTF-8')") from None
    rows = []
    for line, cells in read_rows(text.splitlines(keepends=True)):
        extra = cells.pop(None, None)
        if extra:
            cells[EXTRA] = ";".join(extra)
        rows.append((line, {k: cell_text(v) for k, v in cells.items()}))
    return pd.DataFrame([c for _, c in rows], index=[n for n, _ in rows], dtype=str).fillna("")


def _unpacked_size(data: bytes) -> int:
    """The bytes an .xlsx's parts unpack to, as its zip directory declares them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(part.file_size for part in archive.infolist())
    except zipfile.BadZipFile:
        raise _file_error("cannot be read as an Excel workbook (not a zip file)") from None


def _xlsx_frame(data: bytes) -> pd.DataFrame:
    if _unpacked_size(data) > MAX_UNPACKED:
        raise _file_error(f"unpacks to more than {MAX_UNPACKED // 2**20} MB; make it smaller")
    try:
        # keep_default_na=False: a cell "NA" or "nan" stays text, as in a CSV (not a blank cell)
        raw = pd.read_excel(
            io.BytesIO(data),
            dtype=object,
            engine="openpyxl",
            keep_default_na=False,
            nrows=MAX_SHEET_ROWS + 1,
        )
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise _file_error(f"cannot be read as an Excel workbook ({type(exc).__name__})") from None
    if len(raw) > MAX_SHEET_ROWS:
        raise _file_error(
            f"has more than {MAX_SHEET_ROWS:,} rows; make at most {MAX_ROWS:,} people at a time"
        )
    raw.columns = [cell_text(c) for c in raw.columns]
    frame = raw.map(cell_text).astype(str)
    # pandas names a column without a heading "Unnamed: 3": drop it when empty (mere formatting);
    # any other column is checked like a CSV header (pandas calls a repeated "age" "age.1")
    unnamed = [c for c in frame.columns if c.startswith("Unnamed: ") and (frame[c] == "").all()]
    frame = frame.drop(columns=unnamed)
    check_header(list(frame.columns))
    frame.index = range(2, len(frame) + 2)  # the header is row 1 of the sheet
    return frame[(frame != "").any(axis=1)]


def frame_rows(frame: pd.DataFrame) -> list[tuple[int, dict[str, str]]]:
    """(row number, cells) for each row, without the Problems column."""
    cells = frame.drop(columns=[PROBLEMS], errors="ignore")
    return [(int(row), {k: cell_text(v) for k, v in r.items()}) for row, r in cells.iterrows()]


def row_problems(row: int, cells: dict[str, str]) -> str:
    """The row's problems in plain words ('' when it is fine)."""
    try:
        check_row(row, cells)
    except ProfileError as exc:
        return "; ".join(str(p) for p in exc.problems)
    return ""


def with_problems(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a Problems column first, filled for every row."""
    rows = frame_rows(frame)
    marked = frame.drop(columns=[PROBLEMS], errors="ignore").copy()
    marked.insert(0, PROBLEMS, [row_problems(row, cells) for row, cells in rows])
    return marked


def apply_edits(frame: pd.DataFrame, edits: dict) -> pd.DataFrame:
    """The table after a data editor's edits: changed cells (by position), then deleted rows,
    then added rows (numbered after the last row)."""
    frame = frame.copy()
    for position, changes in (edits.get("edited_rows") or {}).items():
        for column, value in changes.items():
            if column in frame.columns and column != PROBLEMS:
                frame.iat[int(position), frame.columns.get_loc(column)] = cell_text(value)
    deleted = [frame.index[int(p)] for p in edits.get("deleted_rows") or []]
    frame = frame.drop(index=deleted)
    for added in edits.get("added_rows") or []:
        number = int(max(frame.index, default=1)) + 1
        frame.loc[number] = [cell_text(added.get(c)) for c in frame.columns]
    return frame
