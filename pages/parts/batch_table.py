"""The Batch printing page's table: the spreadsheet's rows as a DataFrame of text cells indexed by
row number, each row's problems, and the edits of `st.data_editor` applied back.

The rows come from planner.batch.sheet (the one reader) and go back to planner.batch as rows; only
this module knows pandas and the data editor's edit state.
"""

import pandas as pd

from planner.batch.sheet import Row, cell_text, row_problems
from planner.exports.csv_table import guarded_csv

PROBLEMS = "Problems"


def table(rows: list[Row]) -> pd.DataFrame:
    """The rows as a table of text cells, indexed by spreadsheet row ('Row')."""
    frame = pd.DataFrame([cells for _, cells in rows], index=[n for n, _ in rows], dtype=str)
    frame.index.name = "Row"
    return frame.fillna("")


def table_rows(frame: pd.DataFrame) -> list[Row]:
    """(row number, cells) for each row, without the Problems column."""
    cells = frame.drop(columns=[PROBLEMS], errors="ignore")
    return [
        (int(row), dict(zip(cells.columns, values, strict=True)))
        for row, values in zip(cells.index, cells.itertuples(index=False, name=None), strict=True)
    ]


def with_problems(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with a Problems column first, each row checked once."""
    marked = frame.drop(columns=[PROBLEMS], errors="ignore").copy()
    marked.insert(0, PROBLEMS, [row_problems(row, cells) for row, cells in table_rows(frame)])
    return marked


def table_csv(frame: pd.DataFrame) -> str:
    """The table as shown (row number, Problems, the columns) as CSV whose cells a spreadsheet
    cannot run as formulas: the data editor's own CSV download is turned off for that reason
    (client.disableDataExport in .streamlit/config.toml)."""
    header = [frame.index.name or "Row", *frame.columns]
    return guarded_csv(header, frame.itertuples(name=None))  # each row starts with its number


def content_key(frame: pd.DataFrame) -> tuple:
    """A key that changes whenever a cell, a row number or a column does (for caching checks)."""
    hashes = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    return tuple(frame.columns), hashes


def _cell(value) -> str:
    """An edited cell as text: the editor gives None or NaN for a cleared cell."""
    return (
        "" if value is None or (isinstance(value, float) and pd.isna(value)) else cell_text(value)
    )


def apply_edits(frame: pd.DataFrame, edits: dict) -> pd.DataFrame:
    """The table after a data editor's edits: changed cells (by position), then deleted rows,
    then added rows (numbered after the last row)."""
    frame = frame.drop(columns=[PROBLEMS], errors="ignore").copy()
    for position, changes in (edits.get("edited_rows") or {}).items():
        for column, value in changes.items():
            if column in frame.columns:
                frame.iat[int(position), frame.columns.get_loc(column)] = _cell(value)
    deleted = [frame.index[int(p)] for p in edits.get("deleted_rows") or []]
    frame = frame.drop(index=deleted)
    for added in edits.get("added_rows") or []:
        number = int(max(frame.index, default=1)) + 1
        frame.loc[number] = [_cell(added.get(c)) for c in frame.columns]
    return frame
