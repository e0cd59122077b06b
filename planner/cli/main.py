"""Command line: `python -m planner plan PROFILE.json [--week N] [--log LOG.json] [-o FILE]`,
`python -m planner batch PEOPLE.csv --out DIR [--weeks 1-4]` and `python -m planner template`.

Bad input exits with status 2 and a message naming the field; no traceback, no partial file.
"""

import argparse
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

from planner.builder import build_plan
from planner.cli.common import (
    clinic_header,
    clinic_options,
    fail,
    output_problem,
    session_time,
    write_stdout,
)
from planner.clinic import ClinicError
from planner.files.atomic import write_atomically
from planner.files.log_files import load_log
from planner.files.profile_files import load_profile
from planner.guidelines import MAX_WEEK
from planner.log_entry import LogEntryError
from planner.plan import WeekPlan
from planner.profile import ProfileError

FORMATS = ("json", "csv", "pdf", "ics")


def _render(plan: WeekPlan, fmt: str, paper: str, at: time, today: date, clinic) -> bytes:
    """The plan in the chosen format, as bytes."""
    if fmt == "json":
        from planner.exports.json_plan import plan_json

        return plan_json(plan)
    if fmt == "csv":
        from planner.exports.csv_table import plan_csv

        return plan_csv(plan).encode()
    if fmt == "pdf":
        from planner.exports.pdf_sheet import plan_pdf

        return plan_pdf(plan, paper=paper, clinic=clinic)
    from planner.exports.ics_calendar import plan_ics

    return plan_ics(plan, start=today, created=datetime.now(UTC), session_time=at)


def _week(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_WEEK:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_WEEK}")
    return int(text)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m planner", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    plan = commands.add_parser("plan", help="make one person's weekly plan from a profile file")
    plan.add_argument("profile", type=Path, help="the profile as a .json file or a one-row .csv")
    plan.add_argument("--week", type=_week, default=1, help="programme week, 1 or more (default 1)")
    plan.add_argument("--format", choices=FORMATS, default="json", help="output format")
    plan.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size")
    plan.add_argument(
        "--time", type=session_time, default=time(18, 0), help="session time for ICS (18:00)"
    )
    plan.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    plan.add_argument(
        "--log", type=Path, help="a session log (.json list of entries) the plan adapts to"
    )
    clinic_options(plan)
    from planner.cli.batch_command import add_batch_commands

    add_batch_commands(commands)
    return parser


def run_plan(args: argparse.Namespace) -> int:
    if args.output is not None and (problem := output_problem(args.output)):
        return fail(problem)
    try:
        profile = load_profile(args.profile)
    except ProfileError as exc:
        details = "\n".join(f"  {p}" for p in exc.problems)
        return fail(f"{args.profile} has a problem:\n{details}")
    try:
        log = None if args.log is None else load_log(args.log, profile.start_date)
    except LogEntryError as exc:
        details = "\n".join(f"  {p}" for p in exc.problems)
        return fail(f"{args.log} has a problem:\n{details}")
    if args.format == "pdf" and args.output is None and sys.stdout.isatty():
        return fail("a PDF needs -o FILE (or redirect standard output to a file)")
    try:
        clinic = clinic_header(args) if args.format == "pdf" else None
    except ClinicError as exc:
        return fail(str(exc))
    plan = build_plan(profile, week=args.week, log=log)
    today = profile.start_date or date.today()
    data = _render(plan, args.format, args.paper, args.time, today, clinic)
    if args.output is None:
        return write_stdout(data)
    try:
        write_atomically(args.output, data)
    except OSError as exc:  # a folder in the way, no permission, a full disk: nothing is left
        return fail(f"-o: cannot write {args.output} ({exc.strerror or exc})")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    if args.command == "plan":
        return run_plan(args)
    from planner.cli.batch_command import run_batch, run_template

    return run_batch(args) if args.command == "batch" else run_template()
