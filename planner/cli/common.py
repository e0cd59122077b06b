"""What the commands share: the exit status for bad input, error output, and the options and
values that both `plan` and `batch` take (session time, clinic header)."""

import argparse
import os
import re
import sys
from datetime import time
from pathlib import Path

from planner.clinic import ClinicHeader
from planner.files.atomic import NotARegularFile, check_replaceable

BAD_INPUT = 2
CANNOT_WRITE = 1  # standard output is full or closed: not the input's fault
# Where the app keeps its database (see storage/settings.py). Checked here before `storage` is
# imported: SQLAlchemy takes longer to import than a PDF takes to make, and most PDFs made from the
# command line are on machines where the app has never run.
DATABASE_URL_ENV = "BACKPLAN_DATABASE_URL"
DATA_DIR_ENV = "BACKPLAN_DATA_DIR"
SQLITE_FILE = Path(__file__).resolve().parents[2] / "data" / "backplan.db"
CLOCK_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")  # 7:30 or 18:00


def session_time(text: str) -> time:
    """ "18:30" as a time of day; argparse reports anything else (seconds, a UTC offset, "24:00",
    ISO's "T1830") as a bad value: a calendar's sessions are at a local clock time."""
    found = CLOCK_TIME.fullmatch(text.strip())
    if not found:
        raise argparse.ArgumentTypeError("must be a time as HH:MM from 00:00 to 23:59, e.g. 18:00")
    return time(int(found[1]), int(found[2]))


def clinic_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--clinic-name",
        help="clinic name printed on top of every PDF page (overrides the saved one)",
    )
    command.add_argument("--clinic-contact", help="clinic contact line printed beside the name")


def app_database_exists() -> bool:
    """Whether the app has a database here: a URL in the environment, or its SQLite file."""
    if os.environ.get(DATABASE_URL_ENV, "").strip():
        return True
    folder = os.environ.get(DATA_DIR_ENV)
    return (Path(folder) / SQLITE_FILE.name if folder else SQLITE_FILE).is_file()


def clinic_header(args: argparse.Namespace) -> ClinicHeader | None:
    """The clinic header from the options, else the one saved in the app (None when neither)."""
    if args.clinic_name is not None or args.clinic_contact is not None:
        return ClinicHeader(args.clinic_name or "", args.clinic_contact or "")
    if not app_database_exists():
        return None
    from storage.clinic import saved_clinic

    return saved_clinic()


def fail(message: str) -> int:
    """Say what is wrong on standard error and give the bad-input exit status."""
    print(f"backplan: {message}", file=sys.stderr)
    return BAD_INPUT


def output_problem(path: Path) -> str | None:
    """Why `-o PATH` cannot be written, checked before any work: its folder is missing, or it is
    a folder, link, pipe or device (never opened here: `-o /dev/null` must stay a device)."""
    if not path.parent.is_dir():
        return f"-o: the folder {path.parent} does not exist"
    try:
        check_replaceable(path)
    except NotARegularFile as exc:
        return f"-o: will not write {path} ({exc})"
    return None


def write_stdout(data: bytes) -> int:
    """Write to standard output; a full disk or a closed pipe is one line on standard error."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except OSError as exc:
        # Point standard output at the null device, so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"backplan: cannot write to standard output ({exc.strerror or exc})", file=sys.stderr)
        return CANNOT_WRITE
    return 0
