"""What the commands share: the exit status for bad input, error output, and the options and
values that both `plan` and `batch` take (session time, clinic header)."""

import argparse
import os
import sys
from datetime import time
from pathlib import Path

from planner.clinic import ClinicHeader

BAD_INPUT = 2
# Where the app keeps its database (see storage/settings.py). Checked here before `storage` is
# imported: SQLAlchemy takes longer to import than a PDF takes to make, and most PDFs made from the
# command line are on machines where the app has never run.
DATABASE_URL_ENV = "BACKPLAN_DATABASE_URL"
DATA_DIR_ENV = "BACKPLAN_DATA_DIR"
SQLITE_FILE = Path(__file__).resolve().parents[2] / "data" / "backplan.db"


def session_time(text: str) -> time:
    """ "18:30" as a time; argparse reports anything else as a bad value."""
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a time as HH:MM, e.g. 18:00") from None


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
