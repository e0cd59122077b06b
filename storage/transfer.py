"""Export everything of one owner as one JSON file, and import such a file back.

The file: {"format": "backplan", "version": 1, "exported_at": ..., "people": [{"name",
"programme_start", "profile", "log"}]}. An import checks the whole file first and names the path of
every problem ("people[2].profile.age: ..."); only then does it write, in one transaction.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import func, select

from planner import limits
from planner.files.strict_json import Reading, check_size, read_json
from planner.log_entry import LogEntry
from planner.problems import FieldProblem, InputError, plain_problems
from planner.profile import ProfileError, parse_profile
from storage.models import LogRow, PersonRow
from storage.store import (
    ImportConflict,
    PersonRecord,
    Store,
    StoreError,
    entry_of,
    profile_of,
)

FORMAT = "backplan"
VERSION = 1
MAX_BYTES = 5 * 1024 * 1024

__all__ = ["ImportConflict", "ImportReport", "TransferError", "export_all", "import_all"]


class TransferError(InputError, StoreError):
    """A file that cannot be imported; `problems` names the path of each one."""

    most_shown = 20  # all are kept in .problems


EXPORT_JSON = Reading(MAX_BYTES, "a BackPlan export", TransferError)


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]
    replaced: tuple[str, ...]


class _PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=limits.NAME.most)
    programme_start: date = Field(le=limits.START_DATE.last)
    profile: dict[str, Any]
    log: list[LogEntry]


class _FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["backplan"]
    version: Literal[1]
    exported_at: datetime
    people: list[_PersonIn]


def export_all(store: Store, now: datetime) -> dict:
    """Every person of the store's owner, with profile and log, as JSON-ready data: two queries
    in one transaction (one snapshot, and no query per person)."""
    mine = PersonRow.owner == store.owner
    order = (func.lower(PersonRow.name), PersonRow.name, PersonRow.id)
    people = select(PersonRow).where(mine).order_by(*order)
    logs = select(LogRow).join(PersonRow).where(mine).order_by(LogRow.person_id, LogRow.day)
    with store.reading() as session:
        rows = session.scalars(people).all()
        by_person = defaultdict(list)
        for log_row in session.scalars(logs):
            by_person[log_row.person_id].append(log_row)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "people": [
            {
                "name": row.name,
                "programme_start": row.programme_start.isoformat(),
                "profile": profile_of(row).model_dump(mode="json"),
                "log": [entry_of(row.name, r).model_dump(mode="json") for r in by_person[row.id]],
            }
            for row in rows
        ],
    }


def to_json(data: dict) -> str:
    """The export as readable JSON text (UTF-8 safe, no NaN)."""
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def import_all(store: Store, data: dict, overwrite: bool = False) -> ImportReport:
    """Check the whole file, then add its people; overwrite replaces people of the same name."""
    records = validate_export(data)
    added, replaced = store.import_people(records, overwrite=overwrite)
    return ImportReport(added=tuple(added), replaced=tuple(replaced))


def validate_export(data: Any) -> list[PersonRecord]:
    """The people of an export file, or TransferError naming every problem."""
    if not isinstance(data, dict):
        raise _refused("file", "must be a JSON object (a BackPlan export)")
    if data.get("format") != FORMAT:
        raise _refused("format", f"must be {FORMAT!r}; this is not a BackPlan export file")
    found = data.get("version")
    if type(found) is not int or found != VERSION:  # true == 1 in Python: not a version
        raise _refused("version", f"this file is version {found!r}; BackPlan reads {VERSION}")
    problems = _profile_problems(data.get("people"))
    try:
        parsed = _FileIn.model_validate(data)
    except ValidationError as exc:
        raise TransferError(plain_problems(exc) + problems) from None
    if problems:
        raise TransferError(problems)
    return _records(parsed.people)


def _refused(path: str, message: str) -> TransferError:
    return TransferError([FieldProblem(field=path, message=message)])


def _profile_problems(people: Any) -> list[FieldProblem]:
    if not isinstance(people, list):
        return []
    problems = []
    for i, person in enumerate(people):
        if isinstance(person, dict) and isinstance(person.get("profile"), dict):
            try:
                parse_profile(_named(person))
            except ProfileError as exc:
                problems += [
                    FieldProblem(field=f"people[{i}].profile.{p.field}", message=p.message)
                    for p in exc.problems
                ]
    return problems


def _named(person: dict) -> dict:
    """The profile, taking the person's name when the profile has none."""
    profile = person["profile"]
    return profile if profile.get("name") else {**profile, "name": person.get("name")}


def _records(people: list[_PersonIn]) -> list[PersonRecord]:
    """Checks across fields: names match and are unique, each day is logged once per person."""
    problems, records, seen = [], [], {}
    for i, person in enumerate(people):
        profile = parse_profile(_named(person.model_dump()))
        where = f"people[{i}].name"
        if profile.name != person.name.strip():
            problems.append(FieldProblem(where, f"differs from its profile.name {profile.name!r}"))
        name = profile.name
        if name in seen:
            problems.append(FieldProblem(where, f"{name!r} is also people[{seen[name]}]"))
        seen.setdefault(name, i)
        problems += _repeated_days(f"people[{i}].log", person.log)
        records.append(PersonRecord(profile, person.programme_start, tuple(person.log)))
    if problems:
        raise TransferError(problems)
    return records


def _repeated_days(path: str, log: list[LogEntry]) -> list[FieldProblem]:
    first: dict[date, int] = {}
    problems = []
    for j, entry in enumerate(log):
        if entry.day in first:
            also = f"{entry.day} is logged twice (also [{first[entry.day]}])"
            problems.append(FieldProblem(f"{path}[{j}].day", also))
        first.setdefault(entry.day, j)
    return problems


def parse_export_bytes(raw: bytes) -> Any:
    """Decode an uploaded export: UTF-8, at most 5 MB, strict JSON (planner.files.strict_json)."""
    return read_json(raw, EXPORT_JSON)


def read_export_file(path: str | Path) -> dict:
    """Read an export file from disk; see parse_export_bytes for the checks."""
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _refused("file", f"cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        check_size(Path(path).stat().st_size, EXPORT_JSON)
    return parse_export_bytes(raw)
