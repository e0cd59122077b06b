"""Load test: concurrent browser sessions building plans and logging sessions on one local server.

`make load` runs 20 sessions; `bench/load_test.py --quick` runs 3, `--sessions N` N. One `streamlit
run` server (tests.app_server.app_server: 127.0.0.1, a fresh data folder, two people saved first by
seed()) and one headless Debian Chromium driven by Playwright's async API, reaching localhost only.
Each session is a browser context of its own (own cookies, so its own Streamlit session) and does
what a new person does: opens the app and the profile page, fills the form under a unique name
("Load 2-07") with a start date six days ago (so week 1's session days can be logged) and saves it;
then, `visits` times, goes to the Weekly plan with the sidebar (timed), opens one more session
day's tab and logs it with the page's own form (status, pain before and after) and goes to Tips.
An untimed warm-up session loads the pages' modules; then one session alone (10 visits); then N
at once (3 visits).

Plan page time: in the browser's clock, from the click event on the sidebar's "Weekly plan" link to
the first check (every 20 ms) at which Streamlit reports the script run finished (stApp
data-test-script-state="notRunning"), nothing of the page before is left (no data-stale element)
and the title, the first session day's tab ("Wed 18 Nov"), the open tab's day heading and the
page's last button ("Data (JSON)") are drawn: the websocket round-trip, the server's script run
and the browser drawing the page, not the exercise pictures loading. Its server part: from the
rerun request leaving the browser to the script_finished message reaching it (Chromium's network
timestamps, read through the DevTools protocol), so without the drawing, which here competes with
the other browsers for the same CPUs. p95 is the nearest-rank 95th percentile.

Errors: a Playwright timeout (STEP_MS a step) or failure, a Streamlit exception or error box, a
JavaScript or console error, the wrong person's plan, a traceback in the server's log. Lost rows:
afterwards the SQLite file is read with storage.open_store; each person's log must hold exactly
the days whose save the page confirmed, with their values. Memory: the server's resident memory
(VmRSS), sampled every 0.2 s (peak), with the phase's sessions all done but still open, and 3 s
after they closed; server CPU is its CPU time over the phase's wall time (100% = one core). All is
bounded by --deadline (8 minutes); what had not finished by then is an error.
"""

import argparse
import asyncio
import contextlib
import math
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import async_playwright

from bench._load_steps import (
    START,
    STEP_MS,
    fill_profile,
    log_day,
    open_plan,
    session_days,
    settled,
    watch_frames,
)
from bench._server_steps import count_rows, cpu_seconds, percentile, seed, watch_server_log
from tests.app_server import CHROMIUM, CHROMIUM_ARGS, ROOT, app_server

SHOTS = ROOT / "test-artifacts"  # a screenshot of each session that failed


@dataclass
class Phase:
    label: str
    sessions: int
    times_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)  # their server parts
    errors: list[str] = field(default_factory=list)
    saved: dict[str, dict[date, tuple]] = field(default_factory=dict)  # confirmed on the page
    rss: list[float] = field(default_factory=list)  # MB, sampled while the phase runs
    rss_open_mb: float = math.nan  # every session done, still connected
    rss_after_mb: float = math.nan  # 3 s after the sessions' browsers closed
    found: int = 0  # log rows in the database for this phase's people
    idle_mb: float = math.nan  # before the phase's sessions start
    cpu_pct: float = math.nan  # the server's CPU time over the phase's wall time (100 = one core)
    contexts: list = field(default_factory=list)  # the sessions' browser contexts

    @property
    def expected(self) -> int:
        return sum(len(days) for days in self.saved.values())


def rss_mb(pid: int) -> float:
    """Resident memory of process `pid` now, in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return math.nan


async def session(browser, url: str, phase: Phase, name: str, visits: int) -> None:
    """One person's visit (module docstring); the first failure ends it and is recorded."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(STEP_MS)
    phase.contexts.append(context)
    page = await context.new_page()
    frames = await watch_frames(context, page)
    page.on("pageerror", lambda exc: phase.errors.append(f"{name}: JavaScript error: {exc}"))

    def console(message) -> None:
        if message.type == "error":  # a fetch from any host but localhost fails, and lands here
            where = message.location.get("url", "")
            phase.errors.append(f"{name}: console: {message.text} ({where})")

    page.on("console", console)
    step = "open the app"
    try:
        await page.goto(url, timeout=STEP_MS)
        await settled(page, step, page.get_by_role("heading", name="BackPlan"))
        step = "open the profile page"
        await page.get_by_role("link", name="Safety check and profile").first.click()
        await settled(page, step, page.get_by_role("button", name="Check my answers"))
        step = "fill and save the profile"
        await fill_profile(page, name)
        days: list[date] = []
        for visit in range(visits):
            step = f"plan page visit {visit + 1}"
            elapsed, server = await open_plan(page, name, frames)
            phase.times_ms.append(elapsed)
            phase.server_ms.append(server)
            if visit == 0:  # the session days of week 1, all on or before today
                days = await session_days(page)
            if visit < len(days):
                step = f"log {days[visit]}"
                status = ("Done", "Partly")[visit % 2]
                before = (len(name) + visit) % 8 + 2
                await log_day(page, days[visit], status, before, before - 1)
                values = (status.lower(), before, before - 1)
                phase.saved.setdefault(name, {})[days[visit]] = values
            step = "go to Tips"
            await page.get_by_role("link", name="Tips").first.click()
            await settled(page, step, page.get_by_role("heading", name="Tips", exact=True))
    except asyncio.CancelledError:
        phase.errors.append(f"{name}: unfinished at the deadline ({step})")
        raise
    except Exception as exc:  # a timeout or a failed check: report it, carry on with the others
        phase.errors.append(f"{name}: {step}: {type(exc).__name__}: {str(exc).splitlines()[0]}")
        with contextlib.suppress(Exception):  # what the page showed, for whoever looks into it
            await page.screenshot(path=SHOTS / f"load-{name.replace(' ', '-')}.png", timeout=10_000)


async def run_phase(browser, server, number: int, label: str, n: int, visits: int, until: float):
    """n sessions at once; sample the server's memory meanwhile; close them all at the end."""
    pid = server.process.pid
    phase = Phase(label, sessions=n, idle_mb=rss_mb(pid))

    async def sample() -> None:
        while True:
            phase.rss.append(rss_mb(pid))
            await asyncio.sleep(0.2)

    sampler = asyncio.create_task(sample())
    cpu, wall = cpu_seconds(pid), time.monotonic()
    names = [f"Load {number}-{i:02d}" for i in range(n)]  # unique: every session saves a new person
    tasks = [session(browser, server.url, phase, name, visits) for name in names]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=max(1.0, until - time.monotonic()))
    except TimeoutError:
        phase.errors.append("the deadline was reached")
    phase.rss_open_mb = rss_mb(pid)
    phase.cpu_pct = 100 * (cpu_seconds(pid) - cpu) / (time.monotonic() - wall)
    sampler.cancel()
    closing = asyncio.gather(*(c.close() for c in phase.contexts), return_exceptions=True)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(closing, timeout=20)
    await asyncio.sleep(3)
    phase.rss_after_mb = rss_mb(pid)
    return phase


async def run_load(
    sessions: int = 20, visits: int = 3, solo_visits: int = 10, deadline_s: float = 480,
    warm_up: bool = True,
) -> list[Phase]:  # fmt: skip
    """[warm-up,] one session, then `sessions` at once, on one server; rows checked afterwards."""
    until = time.monotonic() + deadline_s
    server_log: list[str] = []
    with app_server() as server:
        watch_server_log(server.process, server_log)
        database = f"sqlite:///{server.data_dir / 'backplan.db'}"
        seed(database, START)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            steps = [(0, "warm-up", 1, 1)] if warm_up else []
            steps += [(1, "alone", 1, solo_visits), (2, "together", sessions, visits)]
            try:
                phases = [await run_phase(browser, server, *step, until) for step in steps]
            finally:
                await browser.close()
    phases[-1].errors.extend(server_log)
    count_rows(database, phases)
    shutil.rmtree(server.data_dir, ignore_errors=True)
    return phases


COLUMNS = ("phase", "sessions", "plan visits", "p50 ms", "p95 ms", "max ms", "server p50 ms",
           "server p95 ms", "errors", "log rows exp/found", "RSS peak MB", "RSS open MB",
           "RSS after MB", "server CPU %")  # fmt: skip


def report(phases: list[Phase]) -> None:
    print(f"Server resident memory before any session: {phases[0].idle_mb:.0f} MB")
    print(" | ".join(f"{h:>8}" for h in COLUMNS))
    for ph in phases:
        t, u = ph.times_ms or [math.nan], ph.server_ms or [math.nan]
        cells = (ph.label, ph.sessions, len(ph.times_ms), statistics.median(t), percentile(t, 95),
                 max(t), statistics.median(u), percentile(u, 95), len(ph.errors),
                 f"{ph.expected}/{ph.found}", max(ph.rss, default=math.nan), ph.rss_open_mb,
                 ph.rss_after_mb, ph.cpu_pct)  # fmt: skip
        widths = (max(len(h), 8) for h in COLUMNS)
        print(" | ".join(f"{c:>{w}.0f}" if isinstance(c, float) else f"{c:>{w}}"
                         for c, w in zip(cells, widths, strict=True)))  # fmt: skip
    for ph in phases:
        for error in ph.errors:
            print(f"ERROR ({ph.label}) {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions (20)")
    parser.add_argument("--quick", action="store_true", help="3 sessions, for development")
    parser.add_argument("--visits", type=int, default=3, help="plan page visits per session (3)")
    parser.add_argument("--deadline", type=float, default=480, help="seconds for everything")
    args = parser.parse_args()
    sessions = 3 if args.quick else args.sessions
    phases = asyncio.run(run_load(sessions, args.visits, deadline_s=args.deadline))
    report(phases)
    failed = any(ph.errors or ph.found != ph.expected for ph in phases)
    print("FAILED" if failed else "OK: no errors, no lost log rows")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
