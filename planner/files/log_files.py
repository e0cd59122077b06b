"""Reading a session log from a JSON file: a list of entries with `day`, `week`, `status`,
`pain_before`, `pain_after` and `note`, as in the app's JSON export. Errors name the field."""

import json
from datetime import date
from pathlib import Path
from typing import Any

from planner.files.profile_files import read_text
from planner.log_entry import LogEntry, LogError, parse_log
from planner.profile import FieldProblem, ProfileError


def _file_error(message: str) -> LogError:
    return LogError([FieldProblem(field="log file", message=message)])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid number")


def log_from_json(text: str, start: date | None = None) -> list[LogEntry]:
    """Parse and validate a session log from JSON text (see parse_log for `start`)."""
    if not text.strip():
        raise _file_error("is not valid JSON (the file is empty)")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _file_error(f"is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except ValueError as exc:  # NaN or Infinity where a number should be
        raise _file_error(f"is not valid JSON ({exc})") from None
    except RecursionError:
        raise _file_error("is nested too deeply to be a session log") from None
    if not isinstance(data, list):
        raise _file_error("must hold a JSON list of log entries")
    return parse_log(data, start)


def load_log(path: Path, start: date | None = None) -> list[LogEntry]:
    """Read a session log from a .json file; LogError names the entry and field of any problem."""
    try:
        text = read_text(path)
    except ProfileError as exc:  # too large, not UTF-8, unreadable: said of the log file
        problems = [FieldProblem(field="log file", message=p.message) for p in exc.problems]
        raise LogError(problems) from None
    return log_from_json(text, start)
