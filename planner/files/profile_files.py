"""Reading profiles from JSON text, JSON files and CSV rows, with errors that name the field."""

import csv
import io
from pathlib import Path
from typing import Any

from planner.files.strict_json import Reading, read_json
from planner.profile import (
    FieldProblem,
    Profile,
    ProfileError,
    allowed,
    did_you_mean,
    parse_profile,
)

LIST_FIELDS = ("conditions", "red_flags")
MAX_FILE_BYTES = 1_000_000  # a profile is a few hundred bytes; refuse anything absurd
PROFILE_JSON = Reading(MAX_FILE_BYTES, "a profile", ProfileError, allowed, items=False)


def _file_error(message: str, row: int | None = None) -> ProfileError:
    return ProfileError([FieldProblem(field="file", message=message)], row)


def profile_from_json(text: str) -> Profile:
    """Parse and validate one profile from strict JSON text (see planner.files.strict_json)."""
    return parse_profile(read_json(text, PROFILE_JSON))


def row_to_dict(row: dict[str, str | None]) -> dict[str, Any]:
    """A CSV row as a profile dict: blank cells are left out, lists are split on ';'."""
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key is None:  # more cells than header columns
            raise ProfileError([FieldProblem(field="row", message="has more cells than columns")])
        key, value = key.strip(), (value or "").strip()
        if key in LIST_FIELDS:
            data[key] = [item.strip() for item in value.split(";") if item.strip()]
        elif value:
            data[key] = value
    return data


def check_header(columns: list[str] | None) -> None:
    """Refuse a CSV header that is missing, repeats a column or has an unknown one: of a repeated
    'red_flags' column only the last cell would be read, and a misspelled 'red_flag' column would
    be skipped without a word wherever its cells are blank."""
    names = [c.strip() for c in columns or () if c and c.strip()]
    if not names:
        raise _file_error("has no header row")
    problems, seen = [], set()
    for name in names:
        if name in seen:
            problems.append(FieldProblem(field="file", message=f"has the column {name!r} twice"))
        elif name not in Profile.model_fields:
            unknown = f"has a column {name!r} that is not a known field{did_you_mean(name)}"
            problems.append(FieldProblem(field="file", message=unknown))
        seen.add(name)
    if problems:
        raise ProfileError(problems)


def read_csv_rows(text: str) -> list[dict[str, str | None]]:
    """The data rows of a CSV text, skipping blank lines."""
    reader = csv.DictReader(io.StringIO(text, newline=""))  # line ends as CSV knows them
    try:
        check_header(reader.fieldnames)
        return [row for row in reader if any((v or "").strip() for v in row.values() if v)]
    except csv.Error as exc:  # a cell over the csv module's 128 kB limit: say so, never crash
        raise _file_error(f"cannot be read as CSV (line {reader.line_num + 1}: {exc})") from None


def profile_from_csv(text: str) -> Profile:
    """Parse and validate the single profile in a CSV text (header plus one row)."""
    rows = read_csv_rows(text)
    if len(rows) != 1:
        raise _file_error(f"must hold exactly one profile row (found {len(rows)})")
    return parse_profile(row_to_dict(rows[0]))


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file of at most `limit` bytes, or a ProfileError saying why it cannot be."""
    try:
        with path.open("rb") as file:  # read no more than the limit: a pipe or device has no size
            data = file.read(limit + 1)
        if len(data) > limit:
            raise _file_error(f"is larger than {limit // 1000:,} kB")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error("is not UTF-8 text") from None
    except OSError as exc:
        raise _file_error(f"cannot be read ({exc.strerror})") from None


def load_profile(path: Path) -> Profile:
    """Read one profile from a .json or .csv file."""
    text = read_text(path)
    if path.suffix.lower() == ".csv":
        return profile_from_csv(text)
    return profile_from_json(text)
