"""Reading a session log from a JSON file: a list of entries with `day`, `week`, `status`,
`pain_before`, `pain_after` and `note`, as in the app's JSON export. Errors name the field."""

from datetime import date
from pathlib import Path

from planner.files.profile_files import MAX_FILE_BYTES, read_text
from planner.files.strict_json import Reading, read_json
from planner.log_entry import LogEntry, LogError, parse_log
from planner.profile import FieldProblem, ProfileError

LOG_JSON = Reading(MAX_FILE_BYTES, "a session log", LogError)


def _in_log(problem: FieldProblem) -> FieldProblem:
    """A strict-JSON problem said of the log: 'file' as 'log file', '[0].week' as 'log[0].week'."""
    field = "log file" if problem.field == "file" else f"log{problem.field}"
    return FieldProblem(field=field, message=problem.message)


def log_from_json(text: str, start: date | None = None) -> list[LogEntry]:
    """Parse and validate a session log from JSON text (see parse_log for `start`)."""
    try:
        data = read_json(text, LOG_JSON)
    except LogError as exc:  # NaN, a key given twice, a number of thousands of digits, too deep
        raise LogError([_in_log(p) for p in exc.problems]) from None
    if not isinstance(data, list):
        raise LogError([FieldProblem("log file", "must hold a JSON list of log entries")])
    return parse_log(data, start)


def load_log(path: Path, start: date | None = None) -> list[LogEntry]:
    """Read a session log from a .json file; LogError names the entry and field of any problem."""
    try:
        text = read_text(path)
    except ProfileError as exc:  # too large, not UTF-8, unreadable: said of the log file
        problems = [FieldProblem(field="log file", message=p.message) for p in exc.problems]
        raise LogError(problems) from None
    return log_from_json(text, start)
