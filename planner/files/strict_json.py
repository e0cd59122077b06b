"""Strict JSON: the one reader for the JSON files BackPlan accepts (profiles and export files).

Python's json module accepts more than JSON: NaN and Infinity, a key given twice (the last one
silently wins), numbers of any length (over 4,300 digits it fails with a traceback) and nesting
until the interpreter's recursion limit. Here each is refused with a FieldProblem naming where it
is ("people[0].profile.age: is given twice"), all of them at once; nothing else is changed.
"""

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from planner.problems import FieldProblem, InputError, field_name

MAX_DEPTH = 20  # containers inside each other: an export file has 5, a profile 2
MAX_DIGITS = 300  # digits of one number: far beyond any real value, far below Python's 4,300
TIMES = {2: "twice"}


@dataclass(frozen=True)
class Reading:
    """What is read: at most `limit` bytes of `what` ("a profile"), problems raised as `error`;
    `allowed` gives a field's allowed values, told when a number there is refused; `items` names
    a place by its path ("people[0].profile.age") rather than its outermost field ("red_flags")."""

    limit: int
    what: str
    error: type[InputError] = InputError
    allowed: Callable[[str], str] = lambda field: ""
    items: bool = True


def read_json(raw: bytes | str, reading: Reading) -> Any:
    """Parse strict UTF-8 JSON, or raise `reading.error` naming every problem."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    check_size(size, reading)
    text = _decoded(raw, reading) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    if not text.strip():
        raise _file_error(reading, "is not valid JSON (the file is empty)")
    try:
        data = json.loads(
            text,
            object_pairs_hook=_Object,
            parse_constant=_constant,
            parse_int=_whole_number,
            parse_float=_number,
        )
    except json.JSONDecodeError as exc:
        where = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
        raise _file_error(reading, f"is not valid JSON ({where})") from None
    except RecursionError:  # [[[[... thousands deep: json gives up before anything is read
        raise _file_error(reading, f"is nested too deeply to be {reading.what}") from None
    problems = list(dict.fromkeys(_problems(data, (), reading)))  # "too deep" only once
    if problems:
        raise reading.error(problems)
    return data


def check_size(size: int, reading: Reading) -> None:
    """Refuse input of more than `reading.limit` bytes, saying how big it is."""
    if size > reading.limit:
        limit = reading.limit
        words = f"{limit / 1e6:.0f} MB" if limit >= 1e6 else f"{limit / 1e3:,.0f} kB"
        raise _file_error(reading, f"is {size / 1e6:.1f} MB; the limit is {words}")


def _file_error(reading: Reading, message: str) -> InputError:
    return reading.error([FieldProblem(field="file", message=message)])


def _decoded(raw: bytes, reading: Reading) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        where = f"byte 0x{raw[exc.start]:02x} at line {line} column {column}"
        raise _file_error(reading, f"is not UTF-8 text ({where}); save it as UTF-8") from None


class _Object(dict):
    """A JSON object that remembers how often each key was given, when more than once."""

    def __init__(self, pairs: list[tuple[str, Any]]):
        super().__init__(pairs)
        counts: dict[str, int] = {}
        for key, _ in pairs:
            counts[key] = counts.get(key, 0) + 1
        self.repeated = {key: n for key, n in counts.items() if n > 1}


class _Refused:
    """A number the reader refuses, kept where it was found until its path is known."""

    def __init__(self, message: str):
        self.message = message


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a valid number")


def _whole_number(digits: str) -> int | _Refused:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        return _Refused(f"has {len(digits.lstrip('-')):,} digits; give at most {MAX_DIGITS}")
    return int(digits)


def _number(text: str) -> float | _Refused:
    if len(text) > MAX_DIGITS:
        return _Refused(f"has {len(text):,} characters; give a number of at most {MAX_DIGITS}")
    value = float(text)
    return value if math.isfinite(value) else _Refused(f"{text} is too large a number")


def _problems(value: Any, loc: tuple, reading: Reading) -> Iterator[FieldProblem]:
    """Repeated keys and refused numbers at any depth, in the order of the file."""
    field = field_name(loc, reading.items)
    if isinstance(value, dict | list) and len(loc) >= MAX_DEPTH:  # the 21st container
        yield FieldProblem(field="file", message=f"is nested too deeply to be {reading.what}")
    elif isinstance(value, _Refused):
        hint = reading.allowed(field)
        yield FieldProblem(field, value.message + (f"; it must be {hint}" if hint else ""))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in value.repeated:
                times = TIMES.get(value.repeated[key], f"{value.repeated[key]} times")
                yield FieldProblem(field_name((*loc, key), reading.items), f"is given {times}")
            yield from _problems(item, (*loc, key), reading)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _problems(item, (*loc, i), reading)
