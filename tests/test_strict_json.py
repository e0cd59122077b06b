"""The strict JSON reader: what Python's json module lets through is refused, naming where."""

import json

import pytest

from planner.files.strict_json import MAX_DEPTH, MAX_DIGITS, Reading, read_json
from planner.problems import InputError
from planner.profile import ProfileError

EXPORT = Reading(limit=1_000, what="an export")


def refused(raw: bytes | str, reading: Reading = EXPORT) -> list[str]:
    with pytest.raises(InputError) as caught:
        read_json(raw, reading)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('{"a": 1, "a": 2}', ["a: is given twice"]),
        ('{"a": 1, "a": 2, "a": 3}', ["a: is given 3 times"]),
        ('{"people": [{"age": 1, "age": 2}]}', ["people[0].age: is given twice"]),
        ('{"pain": NaN}', ["pain: NaN is not a valid number"]),
        (
            '{"log": [1, Infinity, -Infinity]}',
            [
                "log[1]: Infinity is not a valid number",
                "log[2]: -Infinity is not a valid number",
            ],
        ),
        ('{"water": 1e400}', ["water: 1e400 is too large a number"]),
        ('{"age": ' + "9" * (MAX_DIGITS + 1) + "}", ["age: has 301 digits; give at most 300"]),
        ('{"age": 1, "age": NaN}', ["age: is given twice", "age: NaN is not a valid number"]),
    ],
)
def test_repeated_keys_and_numbers_json_does_not_allow_are_refused_by_path(raw, expected):
    """Every problem at once, each named by where it is in the file."""
    assert refused(raw) == expected


def test_an_integer_over_pythons_own_digit_limit_gets_a_message_not_a_traceback():
    """Python's int() fails over 4,300 digits; the reader counts the digits first."""
    big = "-" + "1" * 5_000
    assert refused(f'{{"n": [{big}]}}', Reading(100_000, "x")) == [
        "n[0]: has 5,000 digits; give at most 300"
    ]


def test_numbers_of_the_most_digits_and_the_deepest_nesting_allowed_are_read():
    """The limits are inclusive: 300 digits and 20 levels pass unchanged."""
    number = int("7" * MAX_DIGITS)
    deep = "[" * MAX_DEPTH + str(number) + "]" * MAX_DEPTH
    assert read_json(deep, Reading(10_000, "x")) == json.loads(deep)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_nesting_deeper_than_the_limit_is_refused_once(depth):
    """One level too deep, or deep enough to exhaust the interpreter: one message for the file."""
    deep = "[" * depth + "]" * depth
    assert refused(deep, Reading(1_000_000, "a profile")) == [
        "file: is nested too deeply to be a profile"
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b" " * 1_001, "file: is 0.0 MB; the limit is 1 kB"),
        (b"", "file: is not valid JSON (the file is empty)"),
        (b'{"a": "Ren\xe9"}', "file: is not UTF-8 text (byte 0xe9 at line 1 column 11)"),
        (b'{"a": 1,}', "file: is not valid JSON (Expecting property name enclosed in double"),
    ],
)
def test_oversized_empty_non_utf8_and_broken_input_is_refused_for_the_whole_file(raw, expected):
    assert refused(raw)[0].startswith(expected)


def test_input_of_exactly_the_limit_with_a_byte_order_mark_is_read():
    """An editor's BOM is dropped; the limit is inclusive."""
    raw = "\ufeff".encode() + b'{"a": "' + b"x" * 988 + b'"}'
    assert len(raw) == 1_000 and read_json(raw, EXPORT) == {"a": "x" * 988}


def test_problems_are_raised_as_the_callers_error_named_by_field_with_what_it_allows():
    """A profile reader names the outermost field and tells what a refused number must be."""
    reading = Reading(1_000, "a profile", ProfileError, {"red_flags": "a list of flags"}.get, False)
    with pytest.raises(ProfileError) as caught:
        read_json('{"red_flags": [NaN], "age": NaN}', reading)
    assert str(caught.value) == (
        "red_flags: NaN is not a valid number; it must be a list of flags\n"
        "age: NaN is not a valid number"
    )
