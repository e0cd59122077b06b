"""Export everything of one owner as one JSON file, and import such a file back.

The file: {"format": "backplan", "version": 1, "exported_at": ..., "people": [{"name",
"programme_start", "profile", "log"}]}. An import checks the whole file first and names the path of
every problem ("people[2].profile.age: ..."); only then does it write, in one transaction.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from planner.log_entry import LogEntry
from planner.profile import ProfileError, parse_profile
from storage.store import ImportConflict, NotFound, PersonRecord, Store, StoreError

FORMAT = "backplan"
VERSION = 1
MAX_BYTES = 5 * 1024 * 1024
MAX_SHOWN = 20  # problems listed in the message; all are kept in .problems

__all__ = ["ImportConflict", "ImportReport", "TransferError", "export_all", "import_all"]


class TransferError(StoreError):
    """A file that cannot be imported; `problems` lists each one with its path."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        more = len(problems) - MAX_SHOWN
        text = "\n".join(problems[:MAX_SHOWN]) + (f"\n... and {more} more" if more > 0 else "")
        super().__init__(text)


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...]
    replaced: tuple[str, ...]


class _PersonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=60)
    programme_start: date
    profile: dict[str, Any]
    log: list[LogEntry]


class _FileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["backplan"]
    version: Literal[1]
    exported_at: datetime
    people: list[_PersonIn]


def export_all(store: Store, now: datetime) -> dict:
    """Every person of the store's owner, with profile and log, as JSON-ready data."""
    people = []
    for summary in store.list_people():
        try:
            person, log = store.get_person(summary.id), store.log_for(summary.id)
        except NotFound:  # deleted meanwhile
            continue
        people.append(
            {
                "name": person.name,
                "programme_start": person.programme_start.isoformat(),
                "profile": person.profile.model_dump(mode="json"),
                "log": [entry.model_dump(mode="json") for entry in log],
            }
        )
    return {"format": FORMAT, "version": VERSION, "exported_at": now.isoformat(), "people": people}


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
        raise TransferError(["file: must be a JSON object (a BackPlan export)"])
    if data.get("format") != FORMAT:
        raise TransferError([f"format: must be {FORMAT!r}; this is not a BackPlan export file"])
    found = data.get("version")
    if type(found) is not int or found != VERSION:  # true == 1 in Python: not a version
        raise TransferError([f"version: this file is version {found!r}; BackPlan reads {VERSION}"])
    problems = _profile_problems(data.get("people"))
    try:
        parsed = _FileIn.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(e) for e in exc.errors()] + problems
        raise TransferError(problems) from None
    if problems:
        raise TransferError(problems)
    return _records(parsed.people)


def _profile_problems(people: Any) -> list[str]:
    if not isinstance(people, list):
        return []
    problems = []
    for i, person in enumerate(people):
        if isinstance(person, dict) and isinstance(person.get("profile"), dict):
            try:
                parse_profile(_named(person))
            except ProfileError as exc:
                problems += [f"people[{i}].profile.{p.field}: {p.message}" for p in exc.problems]
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
        if profile.name != person.name.strip():
            problems.append(f"people[{i}].name: differs from its profile.name {profile.name!r}")
        name = profile.name
        if name in seen:
            problems.append(f"people[{i}].name: {name!r} is also people[{seen[name]}]")
        seen.setdefault(name, i)
        problems += _repeated_days(f"people[{i}].log", person.log)
        records.append(PersonRecord(profile, person.programme_start, tuple(person.log)))
    if problems:
        raise TransferError(problems)
    return records


def _repeated_days(path: str, log: list[LogEntry]) -> list[str]:
    first: dict[date, int] = {}
    problems = []
    for j, entry in enumerate(log):
        if entry.day in first:
            also = first[entry.day]
            problems.append(f"{path}[{j}].day: {entry.day} is logged twice (also [{also}])")
        first.setdefault(entry.day, j)
    return problems


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


def _describe(error: dict) -> str:
    """One pydantic error as "path: must be ..." in plain words."""
    path, kind, ctx = _path(error["loc"]), error["type"], error.get("ctx", {})
    got = error.get("input")
    shown = f" (got {got!r})" if isinstance(got, str | int | float | bool) else ""
    if kind.startswith("datetime"):
        return f"{path}: must be a date and time as YYYY-MM-DDTHH:MM:SS{shown}"
    if kind.startswith("date"):
        return f"{path}: must be a date as YYYY-MM-DD{shown}"
    messages = {
        "missing": "is required",
        "extra_forbidden": "is not a known field",
        "literal_error": f"must be {ctx.get('expected')}{shown}",
        "greater_than_equal": f"must be at least {ctx.get('ge')}{shown}",
        "less_than_equal": f"must be at most {ctx.get('le')}{shown}",
        "int_parsing": f"must be a whole number{shown}",
        "int_from_float": f"must be a whole number{shown}",
        "int_type": f"must be a whole number{shown}",
        "dict_type": "must be a JSON object",
        "model_type": "must be a JSON object",
        "list_type": "must be a list",
        "string_type": f"must be text{shown}",
        "string_too_short": "must not be empty",
        "string_too_long": f"must be at most {ctx.get('max_length')} characters",
        "value_error": str(ctx.get("error", error["msg"])),  # a validator's own sentence
    }
    return f"{path}: {messages.get(kind, error['msg'])}"


def parse_export_bytes(raw: bytes) -> dict:
    """Decode an uploaded export: UTF-8, at most 5 MB, JSON without NaN or repeated keys."""
    if len(raw) > MAX_BYTES:
        raise TransferError([f"file: is {len(raw) / 1e6:.1f} MB; the limit is 5 MB"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        where = f"byte 0x{raw[exc.start]:02x} at line {line} column {column}"
        raise TransferError([f"file: is not UTF-8 text ({where}); save it as UTF-8"]) from None
    if not text.strip():
        raise TransferError(["file: is not valid JSON (the file is empty)"])
    try:
        data = json.loads(text, object_pairs_hook=_Object.from_pairs, parse_constant=_Constant)
        problems = _strict_json_problems(data, "")
    except json.JSONDecodeError as exc:
        raise TransferError(
            [f"file: is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"]
        ) from None
    except RecursionError:
        raise TransferError(["file: is nested too deeply to be a BackPlan export"]) from None
    if problems:
        raise TransferError(problems)
    return data


def read_export_file(path: str | Path) -> dict:
    """Read an export file from disk; see parse_export_bytes for the checks."""
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise TransferError([f"file: cannot be read ({exc.strerror or exc})"]) from None
    if len(raw) > MAX_BYTES:
        size = Path(path).stat().st_size
        raise TransferError([f"file: is {size / 1e6:.1f} MB; the limit is 5 MB"])
    return parse_export_bytes(raw)


class _Object(dict):
    """A JSON object that remembers keys given more than once."""

    repeated: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> "_Object":
        obj = cls()
        repeated = []
        for key, value in pairs:
            if key in obj:
                repeated.append(key)
            obj[key] = value
        obj.repeated = tuple(repeated)
        return obj


class _Constant(str):
    """NaN, Infinity or -Infinity where the file had one (refused after parsing)."""


def _strict_json_problems(value: Any, path: str) -> list[str]:
    """Repeated keys and NaN/Infinity anywhere in parsed JSON, each with its path."""
    if isinstance(value, _Constant):
        return [f"{path or 'file'}: {value} is not allowed; give a number"]
    problems = []
    if isinstance(value, dict):
        for key in getattr(value, "repeated", ()):
            problems.append(f"{path + '.' if path else ''}{key}: is given more than once")
        for key, item in value.items():
            problems += _strict_json_problems(item, f"{path + '.' if path else ''}{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            problems += _strict_json_problems(item, f"{path}[{i}]")
    return problems
