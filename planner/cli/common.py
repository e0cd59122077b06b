"""What the commands share: the exit status for bad input, error output, and the options and
values that both `plan` and `batch` take (session time, clinic header)."""

import argparse
import sys
from datetime import time

from planner.clinic import ClinicHeader

BAD_INPUT = 2


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


def clinic_header(args: argparse.Namespace) -> ClinicHeader | None:
    """The clinic header from the options, else the one saved in the app (None when neither)."""
    if args.clinic_name is None and args.clinic_contact is None:
        from storage.clinic import saved_clinic

        return saved_clinic()
    return ClinicHeader(args.clinic_name or "", args.clinic_contact or "")


def fail(message: str) -> int:
    """Say what is wrong on standard error and give the bad-input exit status."""
    print(f"backplan: {message}", file=sys.stderr)
    return BAD_INPUT
