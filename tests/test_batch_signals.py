"""A batch run stopped from outside: killed or interrupted, it leaves no half-made file and no
helper process behind; a helper killed mid-run costs only its own rows. Real processes, found
through /proc (Linux)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_steps import ROOT
from tests.hostile_cases_batch import line, sheet

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
PEOPLE = 120
STARTED = 2  # files made before the run is stopped


def parents() -> dict[int, int]:
    """Every running process's parent, by process id (zombies left out: they have ended)."""
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # not a process, or it ended meanwhile
            continue
        if fields[0] != "Z":
            found[int(entry.name)] = int(fields[1])
    return found


def descendants(pid: int) -> dict[int, int]:
    """The process's children, their children and so on, each with its parent."""
    found, known, todo = {}, parents(), [pid]
    while todo:
        parent = todo.pop()
        children = [child for child, of in known.items() if of == parent]
        found |= dict.fromkeys(children, parent)
        todo += children
    return found


def still_running(pids, seconds: float = 10) -> list[int]:
    """Those of `pids` still running after waiting up to `seconds` for them to end."""
    deadline = time.monotonic() + seconds
    while (alive := [p for p in pids if p in parents()]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


@pytest.fixture
def batch_run(tmp_path):
    """Start `batch` of 120 people (PDFs, two helpers); gives the process once 2 files exist."""
    source = tmp_path / "people.csv"
    source.write_text(sheet(*[line(name=f"Person {i}") for i in range(PEOPLE)]))
    out = tmp_path / "out"
    argv = ["batch", source, "--out", out, "--workers", "2"]
    run = subprocess.Popen(
        [sys.executable, "-m", "planner", *map(str, argv)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"BACKPLAN_DATA_DIR": str(tmp_path / "data")},
    )
    deadline = time.monotonic() + 120
    while not (out.is_dir() and len(os.listdir(out)) >= STARTED) and time.monotonic() < deadline:
        time.sleep(0.05)
    yield run, out
    if run.poll() is None:
        run.kill()
        run.wait()


def whole_pdfs(out: Path) -> list[str]:
    """The folder's files, each checked to be a whole PDF; any other name fails the test."""
    names = sorted(os.listdir(out))
    for name in names:
        data = (out / name).read_bytes()
        assert name.endswith(".pdf") and data.startswith(b"%PDF") and b"%%EOF" in data[-32:]
    return names


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_a_stopped_batch_leaves_no_half_file_and_no_helper_process(batch_run, stop):
    """Killed, terminated or interrupted mid-run: helpers end, every file there is whole."""
    run, out = batch_run
    helpers = descendants(run.pid)
    assert helpers, "the pool's processes were not found"
    run.send_signal(stop)
    said = run.communicate(timeout=60)[1]
    assert run.returncode == (-stop if stop == signal.SIGKILL else 128 + stop)
    assert still_running(helpers) == []
    assert STARTED <= len(whole_pdfs(out)) < PEOPLE
    if stop != signal.SIGKILL:
        assert f"backplan: stopped ({stop.name}); made " in said and "Traceback" not in said


def test_a_helper_killed_mid_run_costs_only_its_own_rows(batch_run):
    """Its chunk's rows are reported; a new pool makes every other row's file."""
    run, out = batch_run
    helpers = descendants(run.pid)
    workers = [pid for pid, parent in helpers.items() if parent != run.pid]
    os.kill(workers[0], signal.SIGKILL)
    said = run.communicate(timeout=300)[1]
    assert run.returncode == 2, said
    lost = said.count("row: could not be made (a helper process stopped; try again)")
    assert 1 <= lost <= 2 * 25 and "Traceback" not in said
    assert len(whole_pdfs(out)) == PEOPLE - lost
