"""The hostile-input corpus's shared parts: one readable Case per input, and the helpers that
write a case's input and run the command line on it. The corpus's rules are in
tests/test_hostile_input.py; the case lists are in the test modules and in hostile_cases_*.py."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli_steps import run_main, run_process

DIRECTORY, MISSING = "<a directory>", "<no such file>"  # inputs that are not a file at all
OLD = b"the plan printed last week\n"  # a previous output that a refused run must leave alone


@dataclass(frozen=True)
class Case:
    """One corpus row: the input, what the message must say (field, and row or record), and
    whether the input is fine after all. `args` are extra options; `real` runs a subprocess."""

    id: str
    data: Any
    expect: str = ""
    accepted: bool = False
    args: tuple[str, ...] = ()
    suffix: str = ".json"
    real: bool = False


def params(cases: list[Case]) -> list:
    return [pytest.param(case, id=case.id) for case in cases]


def with_key(text: str, key: str, value: Any) -> str:
    """JSON object text with one more "key": value at the end, even a key already there."""
    return f"{text[:-1]}, {json.dumps(key)}: {json.dumps(value)}}}"


def write_input(folder: Path, case: Case) -> Path:
    """The case's input as folder/profile<suffix>: a file, a directory, or nothing at all."""
    path = folder / f"profile{case.suffix}"
    if case.data == DIRECTORY:
        path.mkdir()
    elif case.data != MISSING:
        data = case.data if isinstance(case.data, bytes) else case.data.encode()
        path.write_bytes(data)
    return path


def run_cli(argv: list[str], real: bool, capsys) -> tuple[int, str]:
    """Exit status and all output of `python -m planner ARGV`: in-process, or as a real process."""
    ran = run_process(argv) if real else run_main(argv, capsys)
    return ran.status, ran.out + ran.err
