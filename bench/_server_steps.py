"""What both load tests (bench/load_test.py in Chromium, bench/ws_load.py over the websocket) do
around the server: seed it, read its log and /proc figures, and check the rows afterwards."""

import math
import os
import threading
from datetime import date
from pathlib import Path

from bench.bench_storage import PROFILE as SEED_PROFILE
from planner.profile import parse_profile
from storage import dispose_engines, open_store


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) process `pid` has used so far, in seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p95 of 60 values is the 57th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else math.nan


def watch_server_log(process, problems: list[str]) -> None:
    """Read a server's stderr (a full pipe would stall it); keep tracebacks and errors."""

    def read() -> None:
        for line in (raw.decode(errors="replace").rstrip() for raw in process.stderr):
            if "Traceback" in line or " ERROR " in line or "Error:" in line:
                problems.append(f"server log: {line[:200]}")

    threading.Thread(target=read, daemon=True).start()


def seed(url: str, start: date) -> None:
    """Save two people before any session, as on a clinic's server: with several saved, a new
    session's profile form is blank and saving it adds a person. (With exactly one saved, the form
    shows that person's answers and "Start a profile for someone else" must be pressed first; in
    trial runs under load the form was not always shown blank again after it, within 60 s.)"""
    store = open_store(url)
    for name in ("Seed One", "Seed Two"):
        store.save_person(parse_profile(SEED_PROFILE | {"name": name}), start)
    dispose_engines()


def count_rows(url: str, phases: list) -> None:
    """Read every logged row back through the project's store into each phase (`saved`: what the
    pages confirmed, by name and day; `found`, `errors`); a mismatch is an error."""
    store = open_store(url)
    try:
        people = {p.name: p.id for p in store.list_people()}
        for phase in phases:
            for name, days in phase.saved.items():
                rows = store.log_for(people[name]) if name in people else []
                phase.found += len(rows)
                got = {r.day: (r.status, r.pain_before, r.pain_after) for r in rows}
                if got != days:
                    where = "store" if name in people else f"store, without {name},"
                    phase.errors.append(f"{name}: the page saved {days}, the {where} has {got}")
    finally:
        dispose_engines()
