"""Running the command line in tests: in-process through `main(argv)` (fast, the default), or as a
real `python -m planner` process where the exit status itself is what is tested."""

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from planner.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Ran:
    """What a command did: its exit status and what it wrote to standard output and error."""

    status: int
    out: str
    err: str


def no_app_database(monkeypatch, folder: Path) -> None:
    """The command line finds no database of the app (an empty data folder, no URL), so no saved
    clinic header."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(folder / "data"))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)


def run_main(argv: list[str], capsys) -> Ran:
    """`main(argv)` in this process; argparse's SystemExit(2) for a bad option becomes status 2."""
    try:
        status = main([str(arg) for arg in argv])
    except SystemExit as exc:
        status = exc.code
    out, err = capsys.readouterr()
    return Ran(status, out, err)


def run_process(argv: list[str], cwd: Path = ROOT, env: dict | None = None) -> Ran:
    """`python -m planner ARGV` as a real process."""
    done = subprocess.run(
        [sys.executable, "-m", "planner", *map(str, argv)],
        cwd=cwd,
        capture_output=True,
        timeout=120,
        env=env,
        text=True,
    )
    return Ran(done.returncode, done.stdout, done.stderr)
