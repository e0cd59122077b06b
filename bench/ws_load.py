"""Load test without a browser: simulated people speaking Streamlit's websocket protocol.

`make load-ws` runs 50 sessions at once against one server (SQLite), then 50 split over two
servers sharing one PostgreSQL database (Debian's binaries, tests/pg_server.py); `--quick` runs 3,
`--sessions N` N, `--servers 1` the first part only. Each server is a real `streamlit run`
(tests.app_server: 127.0.0.1, a fresh data folder, two people saved first so a new session's
profile form is blank), warmed up by one untimed person. Each person is one websocket to
/_stcore/stream (bench/_ws_steps.py): opens the app, goes to the profile page, passes the warning
signs, fills and saves the profile under a unique name ("WS 1-07", programme started six days ago);
then, `visits` times, opens the Weekly plan, logs one more session day with the plan page's log
form (opening its tab first when another is open) and goes to Tips.

A step's time is from the rerun request leaving the client to the run's script_finished message
(with st.rerun, the second run's); p95 is the nearest-rank 95th percentile. Errors: an exception
element or error box, a failed run, an expected element missing (each page's title, "For <name>",
the plan's "Data (JSON)" button, the save confirmations with their values), a step over 60 s, a
traceback or error in a server's log. Lost or misfiled rows: afterwards the store is read; each
person's log must hold exactly the days whose save the page confirmed, with their values. Memory:
each server's VmHWM (peak resident memory since it started) and VmRSS with every session still
open, from /proc; beside them each server's CPU time over the part's wall time (100% = one core)
and the machine's load average. Each part is bounded by --deadline (8 minutes); what had not
finished by then is an error.
"""

import argparse
import asyncio
import contextlib
import math
import os
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from websockets.asyncio.client import connect

from bench._server_steps import count_rows, cpu_seconds, percentile, seed, watch_server_log
from bench._ws_steps import MAX_FRAME, PROFILE, START, Client, StepError, log_day, session_days
from pages.parts import state
from tests.app_server import app_server

DATABASE_URL = "BACKPLAN_DATABASE_URL"


@dataclass
class Phase:
    """One load run's figures: step times by step, errors, confirmed log rows, server memory."""

    label: str
    sessions: int
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    saved: dict[str, dict[date, tuple]] = field(default_factory=dict)  # confirmed on the page
    found: int = 0  # log rows read back for this phase's people
    peak_mb: list[float] = field(default_factory=list)  # each server's VmHWM
    open_mb: list[float] = field(default_factory=list)  # each server's VmRSS, sessions open
    cpu_pct: list[float] = field(default_factory=list)  # each server's CPU time / wall time
    wall_s: float = math.nan  # from the first request to the last session done
    load: float = math.nan  # the machine's 1-minute load average then

    @property
    def expected(self) -> int:
        return sum(len(days) for days in self.saved.values())

    def timed(self, step: str, ms: float) -> None:
        self.times.setdefault(step, []).append(ms)


async def person(url: str, name: str, visits: int, phase: Phase, ready, hold) -> None:
    """One person's visit (module docstring); the first failure ends it and is recorded. `ready`
    is set when the steps are over; the websocket stays open until `hold` is set, so that the
    servers' memory is read with every session open."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    step = "connect"
    try:
        async with connect(
            ws_url, origin=url, subprotocols=["streamlit"], max_size=MAX_FRAME
        ) as ws:
            client = Client(ws)
            try:
                for step, page, answers, press, shown in (
                    ("open the app", "", None, "", ("heading", "BackPlan")),
                    ("open the profile page", "profile", None, "", ("button", "Check my answers")),
                    ("pass the warning signs", None, None, state.SAFETY_CHECK,
                     ("heading", "Step 2")),
                    ("save the profile", None, PROFILE | {"name": name}, state.SUBMIT,
                     ("alert", "answers are saved")),
                ):  # fmt: skip
                    phase.timed(step, await client.rerun(page, answers, press))
                    client.expect(*shown)
                step = "the Weekly plan, a log and Tips"
                await visit_plan(client, name, visits, phase)
            finally:
                ready.set()
            await hold.wait()
    except (StepError, TimeoutError, OSError, ConnectionError) as exc:
        phase.errors.append(f"{name}: {step}: {type(exc).__name__}: {exc}")
    finally:
        ready.set()


async def visit_plan(client: Client, name: str, visits: int, phase: Phase) -> None:
    """`visits` times: the Weekly plan, one more session day logged, Tips."""
    days: list[date] = []
    for visit in range(visits):
        phase.timed("open the Weekly plan", await client.rerun("plan"))
        for kind, text in (("heading", "Weekly plan"), ("text", f"For {name}")):
            client.expect(kind, text)
        client.expect("download_button", "Data (JSON)")
        if visit == 0:  # the session days of week 1, all on or before today
            days = session_days(client)
        if visit < len(days):
            status, before = ("Done", "Partly")[visit % 2], (len(name) + visit) % 8 + 2
            for step, ms in await log_day(client, days[visit], status, before, before - 1):
                phase.timed(step, ms)
            phase.saved.setdefault(name, {})[days[visit]] = (status.lower(), before, before - 1)
        phase.timed("go to Tips", await client.rerun("tips"))
        client.expect("heading", "Tips")


def memory_mb(pid: int) -> dict[str, float]:
    """A process's VmHWM and VmRSS in MB (Linux /proc)."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    return {key: int(fields[key].split()[0]) / 1024 for key in ("VmHWM", "VmRSS")}


async def run_phase(phase: Phase, servers: list, names: list[str], visits: int, until: float):
    """The people at once, spread over the servers in turn; memory read with all still open."""
    hold, started = asyncio.Event(), time.monotonic()
    cpu = [cpu_seconds(server.process.pid) for server in servers]
    ready = [asyncio.Event() for _ in names]
    tasks = [
        asyncio.create_task(person(servers[n % len(servers)].url, name, visits, phase, done, hold))
        for n, (name, done) in enumerate(zip(names, ready, strict=True))
    ]
    waiting = asyncio.gather(*(done.wait() for done in ready))
    try:
        await asyncio.wait_for(waiting, timeout=max(1.0, until - time.monotonic()))
    except TimeoutError:
        phase.errors.append("the deadline was reached")
    phase.wall_s, phase.load = time.monotonic() - started, os.getloadavg()[0]
    for server, before in zip(servers, cpu, strict=True):
        memory = memory_mb(server.process.pid)
        phase.peak_mb.append(memory["VmHWM"])
        phase.open_mb.append(memory["VmRSS"])
        phase.cpu_pct.append(100 * (cpu_seconds(server.process.pid) - before) / phase.wall_s)
    hold.set()
    finished = asyncio.gather(*tasks, return_exceptions=True)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(finished, timeout=20)


async def load(servers: list, label: str, sessions: int, visits: int, until: float) -> list[Phase]:
    """An untimed warm-up person on each server, then `sessions` people at once."""
    tag = len(servers)  # people's names differ between the parts: "WS 2-07"
    warm_up = Phase(f"{label}, warm-up", len(servers))
    names = [f"WS {tag}-warm-up-{n}" for n in range(len(servers))]
    await run_phase(warm_up, servers, names, 1, until)
    together = Phase(label, sessions)
    names = [f"WS {tag}-{n:02d}" for n in range(sessions)]
    await run_phase(together, servers, names, visits, until)
    return [warm_up, together]


def run_servers(count: int, database: str | None, sessions: int, visits: int, deadline_s: float):
    """`count` servers (on `database`, else each on its own SQLite file), seeded, loaded within
    `deadline_s`, each server's log watched; the store read back at the end."""
    until = time.monotonic() + deadline_s
    env = {DATABASE_URL: database} if database else {}
    problems: list[str] = []
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(app_server(env)) for _ in range(count)]
        for server in servers:
            watch_server_log(server.process, problems)
        url = database or f"sqlite:///{servers[0].data_dir / 'backplan.db'}"
        seed(url, START)
        label = f"{count} server{'s' * (count > 1)}" + (", PostgreSQL" if database else ", SQLite")
        phases = asyncio.run(load(servers, label, sessions, visits, until))
    phases[-1].errors.extend(problems)
    count_rows(url, phases)
    for server in servers:
        shutil.rmtree(server.data_dir, ignore_errors=True)
    return phases


def on_postgresql(sessions: int, visits: int, deadline_s: float) -> list[Phase]:
    """Two servers sharing one throwaway PostgreSQL database."""
    from tests.pg_server import PostgresServer

    postgres = PostgresServer()
    try:
        return run_servers(2, postgres.empty_database(), sessions, visits, deadline_s)
    finally:
        postgres.stop()


def report(phases: list[Phase]) -> None:
    """Markdown tables: each part's totals, then each step's times."""
    print("| part | sessions | errors | log rows exp/found | server peak MB (VmHWM) | RSS open MB "
          "| server CPU % | wall s | load avg |\n" + "|---" * 9 + "|")  # fmt: skip
    for ph in phases:
        each = [" + ".join(f"{m:.0f}" for m in ms) for ms in (ph.peak_mb, ph.open_mb, ph.cpu_pct)]
        print(f"| {ph.label} | {ph.sessions} | {len(ph.errors)} | {ph.expected}/{ph.found} | "
              + " | ".join(each) + f" | {ph.wall_s:.0f} | {ph.load:.1f} |")  # fmt: skip
    print("\n| part | step | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|")
    for ph in (ph for ph in phases if "warm-up" not in ph.label):
        for step, times in ph.times.items():
            figures = (statistics.median(times), percentile(times, 95), max(times))
            print(
                f"| {ph.label} | {step} | {len(times)} | "
                + " | ".join(f"{t:.0f}" for t in figures)
                + " |"
            )
    for ph in phases:
        for error in ph.errors:
            print(f"ERROR ({ph.label}) {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions (50)")
    parser.add_argument("--quick", action="store_true", help="3 sessions, for development")
    parser.add_argument("--visits", type=int, default=3, help="plan page visits per session (3)")
    parser.add_argument("--servers", type=int, choices=(1, 2), default=2,
                        help="1: one server (SQLite) only; 2: then two on PostgreSQL")  # fmt: skip
    parser.add_argument("--deadline", type=float, default=480, help="seconds for each part")
    args = parser.parse_args()
    sessions = 3 if args.quick else args.sessions
    phases = run_servers(1, None, sessions, args.visits, args.deadline)
    if args.servers == 2:
        phases += on_postgresql(sessions, args.visits, args.deadline)
    report(phases)
    failed = any(ph.errors or ph.found != ph.expected for ph in phases)
    print("FAILED" if failed else "OK: no errors, no lost or misfiled log rows")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
