"""The `batch` and `template` commands: one file per person of a spreadsheet, into a folder.

    python -m planner batch PEOPLE.csv --out DIR [--weeks 1-4 | --weeks 2] [--paper a4|letter]
        [--format pdf|ics|json] [--clinic-name NAME --clinic-contact LINE]    (or PEOPLE.xlsx)
    python -m planner template > people.csv

Bad rows are reported on standard error with their row number (the header is row 1), the field
and what it allows; the good rows are still made, and the exit status is 2 when any row was bad.
A file that cannot be written (a link or folder at its name, a full disk) is its row's problem.
Files are written whole or not at all; Ctrl-C or SIGTERM stops the run with status 130 or 143,
leaving only whole files and no helper processes. The limits are the page's
(planner/batch/limits.py). On a terminal, a progress bar shows on standard error.
"""

import argparse
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from planner.batch.job import FORMATS, Job, Made, produce, template_csv
from planner.batch.limits import MAX_WEEKS
from planner.batch.outputs import write_into
from planner.batch.sheet import read_sheet_file
from planner.cli.common import (
    BAD_INPUT,
    clinic_header,
    clinic_options,
    fail,
    session_time,
    write_stdout,
)
from planner.clinic import ClinicError
from planner.guidelines import MAX_WEEK
from planner.profile import ProfileError


def weeks(text: str) -> tuple[int, int]:
    """'2' or '1-4' as (first, last)."""
    found = re.fullmatch(r"(\d{1,3})(?:-(\d{1,3}))?", text.strip())
    if not found:
        raise argparse.ArgumentTypeError("must be a week like 2 or a range like 1-4")
    low, high = int(found[1]), int(found[2] or found[1])
    if not 1 <= low <= high <= MAX_WEEK or high - low >= MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            f"must be weeks 1 to {MAX_WEEK}, the first not after the last, "
            f"at most {MAX_WEEKS} weeks"
        )
    return low, high


def add_batch_commands(commands) -> None:
    """Add `batch` and `template` to the CLI's subcommands."""
    batch = commands.add_parser(
        "batch", help="make one file per person of a spreadsheet (.csv or .xlsx) of profiles"
    )
    batch.add_argument(
        "people", type=Path, help=".csv or .xlsx with one profile a row (see `template`)"
    )
    batch.add_argument("--out", type=Path, required=True, help="folder for the files (made)")
    batch.add_argument(
        "--weeks", type=weeks, default=(1, 1), help="a week (2) or a range (1-4): a booklet PDF"
    )
    batch.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    batch.add_argument("--format", choices=FORMATS, default="pdf", help="file format (pdf)")
    batch.add_argument(
        "--time", type=session_time, default=session_time("18:00"), help="ICS time (18:00)"
    )
    batch.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    clinic_options(batch)
    commands.add_parser("template", help="print a CSV template with three example people")


def run_template() -> int:
    return write_stdout(template_csv().encode())


class ProgressBar:
    """'[#####.....] 512/1000' redrawn in place on a terminal; silent elsewhere."""

    def __init__(self, total: int, stream: TextIO, width: int = 30):
        self.total, self.stream, self.width = total, stream, width
        self.shown = stream.isatty() and total > 0

    def update(self, done: int) -> None:
        if self.shown:
            filled = self.width * done // self.total
            bar = "#" * filled + "." * (self.width - filled)
            self.stream.write(f"\r[{bar}] {done}/{self.total}")
            self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * (self.width + 24) + "\r")
            self.stream.flush()


def run_batch(args: argparse.Namespace) -> int:
    try:
        rows = read_sheet_file(args.people)
        clinic = clinic_header(args) if args.format == "pdf" else None
    except ProfileError as exc:
        for problem in exc.problems:
            fail(f"{args.people} {problem.message}")
        return BAD_INPUT
    except ClinicError as exc:
        return fail(str(exc))
    try:  # made only now: a refused file must not leave an empty folder
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return fail(f"--out: cannot use {args.out} ({exc.strerror})")
    job = Job(
        *args.weeks,
        fmt=args.format,
        paper=args.paper,
        clinic=clinic,
        today=date.today(),
        created=datetime.now(UTC),
        session_time=args.time,
    )
    tally = Tally(args.out)
    with interrupt_on(signal.SIGTERM):
        try:
            write_files(args, rows, job, tally)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM: files under way are not named
            stopped = signal.Signals[stop.args[0] if stop.args else "SIGINT"]
            print(f"\nbackplan: stopped ({stopped.name}); {tally}", file=sys.stderr)
            return 128 + stopped.value
    print(f"backplan: {tally}", file=sys.stderr)
    return BAD_INPUT if tally.bad else 0


@dataclass
class Tally:
    """How many files were made (and of them see-a-doctor sheets) and how many rows were bad."""

    folder: Path
    made: int = 0
    doctor: int = 0
    bad: int = 0

    def __str__(self) -> str:
        notes = f" ({self.doctor} see-a-doctor)" if self.doctor else ""
        problems = f"; {self.bad} row(s) with problems" if self.bad else ""
        return f"made {self.made} file(s) in {self.folder}{notes}{problems}"


def write_files(args: argparse.Namespace, rows: list, job: Job, tally: Tally) -> None:
    """Each row's file into --out, counted in `tally`; each bad row told on standard error."""
    bar = ProgressBar(len(rows), sys.stderr)
    with closing(write_into(args.out, produce(rows, job, args.workers))) as results:
        for done, result in enumerate(results, 1):
            if isinstance(result, Made):
                tally.made, tally.doctor = tally.made + 1, tally.doctor + (not result.safe)
            else:
                bar.clear()
                tally.bad += 1
                for problem in result.problems:
                    print(f"backplan: {args.people} row {result.row}: {problem}", file=sys.stderr)
            bar.update(done)
    bar.clear()


@contextmanager
def interrupt_on(signum: int) -> Iterator[None]:
    """While inside, the signal stops the run as Ctrl-C does (its name in the exception), so
    every `finally` runs: the pool's helpers are shut down and no file is left half-made."""

    def interrupt(number: int, frame) -> None:
        raise KeyboardInterrupt(signal.Signals(number).name)

    before = signal.signal(signum, interrupt)
    try:
        yield
    finally:
        signal.signal(signum, before)
