"""Reading profiles from JSON text, JSON files and CSV rows, with errors that name the field."""

import csv
import io
import json
from pathlib import Path
from typing import Any

from planner.profile import FieldProblem, Profile, ProfileError, parse_profile

LIST_FIELDS = ("conditions", "red_flags")
MAX_FILE_BYTES = 1_000_000  # a profile is a few hundred bytes; refuse anything absurd


def _file_error(message: str, row: int | None = None) -> ProfileError:
    return ProfileError([FieldProblem(field="file", message=message)], row)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ProfileError([FieldProblem(field=key, message="is given twice")])
        seen[key] = value
    return seen


def _reject_constant(name: str) -> None:
    raise ProfileError([FieldProblem(field="file", message=f"{name} is not a valid number")])


def profile_from_json(text: str) -> Profile:
    """Parse and validate one profile from JSON text."""
    try:
        data = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as exc:
        raise _file_error(f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return parse_profile(data)


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


def read_csv_rows(text: str) -> list[dict[str, str | None]]:
    """The data rows of a CSV text, skipping blank lines."""
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise _file_error("has no header row")
    return [row for row in reader if any((v or "").strip() for v in row.values() if v)]


def profile_from_csv(text: str) -> Profile:
    """Parse and validate the single profile in a CSV text (header plus one row)."""
    rows = read_csv_rows(text)
    if len(rows) != 1:
        raise _file_error(f"must hold exactly one profile row (found {len(rows)})")
    return parse_profile(row_to_dict(rows[0]))


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file of at most `limit` bytes, or a ProfileError saying why it cannot be."""
    try:
        if path.stat().st_size > limit:
            raise _file_error(f"is larger than {limit // 1000:,} kB")
        return path.read_bytes().decode("utf-8-sig")
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
