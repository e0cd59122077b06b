"""Bad input in plain words: pydantic's ValidationErrors as problems that name the field.

Profiles, log entries and import files all report through here, so the same mistake reads the
same wherever it was made. A field with known allowed values (see `allowed_values`) is told what
it allows ("age: must be a whole number from 18 to 110 (got 12)"); other fields get a sentence
for the kind of mistake ("people[0].log[1].note: must be text (got list)").
"""

import difflib
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from planner.limits import Limit

SHOWN_CHARS = 30  # longer text is cut in "(got ...)": the message names the field, not the input
# A sentence for each kind of pydantic error, for fields without allowed values of their own.
# {got} is " (got <the value>)"; the other names are pydantic's error context.
KIND_WORDS = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "literal_error": "must be {expected}{got}",
    "greater_than_equal": "must be at least {ge}{got}",
    "less_than_equal": "must be at most {le}{got}",
    "int_parsing": "must be a whole number{got}",
    "int_from_float": "must be a whole number{got}",
    "int_type": "must be a whole number{got}",
    "dict_type": "must be a JSON object",
    "model_type": "must be a JSON object",
    "list_type": "must be a list",
    "string_type": "must be text{got}",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
}
DATE_WORDS = {
    "datetime": "must be a date and time as YYYY-MM-DDTHH:MM:SS{got}",
    "date": "must be a date as YYYY-MM-DD{got}",
}


@dataclass(frozen=True)
class FieldProblem:
    """One problem: the field (or path, such as "people[2].profile.age") and what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InputError(ValueError):
    """Bad input; `problems` names each field, `row` is the file's row when there is one."""

    most_shown: int | None = None  # problems listed in the message; all are kept in .problems

    def __init__(self, problems: list[FieldProblem], row: int | None = None):
        self.problems = problems
        self.row = row
        where = f"row {row}: " if row is not None else ""
        lines = [f"{where}{p}" for p in problems[: self.most_shown]]
        more = len(problems) - len(lines)
        super().__init__("\n".join(lines) + (f"\n... and {more} more" if more > 0 else ""))


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """The hint " (did you mean 'red_flags'?)" for a name close to a known one, else ''."""
    close = difflib.get_close_matches(name, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def allowed_values(model: type[BaseModel], field: str, limits: Mapping[str, Limit]) -> str:
    """Plain words for the values a model's field allows: its limit, choices, or kind."""
    info = model.model_fields.get(field)
    if info is None:
        return ""
    if field in limits:
        return limits[field].allowed()
    kind = _without_none(info.annotation)
    if get_origin(kind) is list and get_origin(get_args(kind)[0]) is Literal:
        return "a list of: " + ", ".join(get_args(get_args(kind)[0]))
    if get_origin(kind) is Literal:
        return "one of: " + ", ".join(get_args(kind))
    words = {bool: "true or false", date: "a date as YYYY-MM-DD"}
    return words.get(kind, info.description or "")


def plain_problems(
    error: ValidationError,
    allowed: Callable[[str], str] = lambda field: "",
    known: Iterable[str] = (),
    items: bool = True,
    root: str = "file",
) -> list[FieldProblem]:
    """Each error of a ValidationError as a FieldProblem in plain words.

    `allowed` gives a field's allowed values, `known` the field names a misspelt one is matched
    against; `items` names list items by index ("log[2].day") rather than by their list's field
    ("conditions"); `root` names an error of the whole input.
    """
    return [_problem(e, allowed, known, items, root) for e in error.errors()]


def shown(value: Any) -> str:
    """A value as it may be quoted back in a message: short, and never an unprintable float."""
    if isinstance(value, float) and not math.isfinite(value):
        value = str(value)
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        value = value[: SHOWN_CHARS - 3] + "..."
    return repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__


def _problem(
    error: dict[str, Any],
    allowed: Callable[[str], str],
    known: Iterable[str],
    items: bool,
    root: str,
) -> FieldProblem:
    field, kind = field_name(error["loc"], items, root), error["type"]
    hint = allowed(field)
    if kind == "value_error":  # a validator's own sentence; a rule across fields names its field
        text = str(error.get("ctx", {}).get("error", error["msg"]))
        if not error["loc"] and ": " in text:
            field, _, text = text.partition(": ")
        return FieldProblem(field=field, message=text)
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        return FieldProblem(field=field, message=f"is not a known field{did_you_mean(name, known)}")
    if kind == "missing":
        return FieldProblem(field=field, message="is required" + (f": {hint}" if hint else ""))
    got = f" (got {shown(error.get('input'))})"
    if hint:
        return FieldProblem(field=field, message=f"must be {hint}{got}")
    dated = next((DATE_WORDS[d] for d in DATE_WORDS if kind.startswith(d)), None)
    words = KIND_WORDS.get(kind, dated)
    if words is None:
        return FieldProblem(field=field, message=error["msg"])
    return FieldProblem(field=field, message=words.format(got=got, **error.get("ctx", {})))


def field_name(loc: tuple, items: bool = True, root: str = "file") -> str:
    """Where a value is: 'people[0].log[2].day' (items) or only the outermost name
    ('conditions'); `root` for the whole input."""
    if not items:
        names = [str(part) for part in loc if not isinstance(part, int)]
        return names[0] if names else root
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or root


def _without_none(kind: Any) -> Any:
    """`float` for `float | None`; other annotations as they are."""
    if get_origin(kind) in (Union, UnionType):
        rest = [a for a in get_args(kind) if a is not NoneType]
        return rest[0] if len(rest) == 1 else kind
    return kind
