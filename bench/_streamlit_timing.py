"""Streamlit timings for bench/bench_table.py: page reruns under AppTest, and cold starts of
`streamlit run` to first paint in Debian's Chromium (Playwright never downloads a browser).

Each BackPlan figure is measured side by side with a bare Streamlit app in the same run, so the
ratio says what BackPlan adds on top of Streamlit itself, whatever the machine.
"""

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from tests.app_server import CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, stop, wait_healthy

APP = ROOT / "app.py"
EMPTY_PAGE = "import streamlit as st\n"
HELLO_APP = 'import streamlit as st\n\nst.write("Hello")\n'
PLAN_PAGE = "pages/plan.py"
DATA_DIR_ENV, DATABASE_URL_ENV = "BACKPLAN_DATA_DIR", "BACKPLAN_DATABASE_URL"
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
WARM_UP = 5  # reruns of each page before timing: imports, caches, first-run work
LOGGED_DAYS = 9  # the saved person started 9 days ago: week 2 shows, week 1 is logged


def save_bench_person(url: str, profile: dict) -> int:
    """Save `profile` in the store at `url` with a programme started LOGGED_DAYS ago and a log for
    each of those days (so the plan page shows filled-in log forms); return the person's id."""
    from planner.log_entry import LogEntry
    from planner.profile import parse_profile
    from storage import dispose_engines, open_store

    store = open_store(url)
    start = date.today() - timedelta(days=LOGGED_DAYS)
    person = store.save_person(parse_profile(profile), start)
    for day in range(LOGGED_DAYS):
        entry = LogEntry(
            day=start + timedelta(days=day),
            week=1 + day // 7,
            status="done",
            pain_before=5,
            pain_after=4,
            note="felt easier",
        )
        store.save_log(person, entry)
    dispose_engines()
    return person


def sqlite_url(folder: str | Path) -> str:
    return f"sqlite:///{Path(folder).resolve() / 'backplan.db'}"


# --- page reruns (AppTest, in this process) ------------------------------------------------------


def rerun_medians(profile: dict, repeat: int) -> tuple[float, float]:
    """Median ms of one AppTest rerun of an empty page and of the Weekly plan page.

    A "rerun" is one `AppTest.run()`: Streamlit's script runner executes the page script from the
    top with the session's widget state (for BackPlan: app.py's router, st.navigation, then
    pages/plan.py: the saved person and log read from SQLite, build_plan, every element and widget
    serialised to protobuf messages), and AppTest then turns those messages into its element tree.
    No browser and no websocket: this is the server-side cost of a click on the page.
    The two pages are run alternately, so drift on the machine touches both alike.
    """
    from streamlit.testing.v1 import AppTest

    from storage import dispose_engines

    saved = {name: os.environ.pop(name, None) for name in (DATA_DIR_ENV, DATABASE_URL_ENV)}
    with tempfile.TemporaryDirectory(prefix="backplan-bench-", ignore_cleanup_errors=True) as data:
        os.environ[DATA_DIR_ENV] = data  # the pages open the store named by the environment
        try:
            save_bench_person(sqlite_url(data), profile)
            empty_script = Path(data) / "empty_page.py"
            empty_script.write_text(EMPTY_PAGE)
            empty = AppTest.from_file(str(empty_script), default_timeout=60)
            plan = AppTest.from_file(str(APP), default_timeout=60)
            empty.run()
            plan.run()
            plan.switch_page(PLAN_PAGE).run()
            shown = [title.value for title in plan.title]
            if plan.exception or shown != ["Weekly plan"] or not plan.image:
                raise RuntimeError(f"the Weekly plan page showed no plan: {plan.exception}")
            times: dict[str, list[float]] = {"empty": [], "plan": []}
            for i in range(WARM_UP + repeat):
                for name, at in (("empty", empty), ("plan", plan)):
                    start = time.perf_counter()
                    at.run()
                    if i >= WARM_UP:
                        times[name].append((time.perf_counter() - start) * 1000)
            if plan.exception:
                raise RuntimeError(f"the Weekly plan page failed on a rerun: {plan.exception}")
        finally:
            dispose_engines()
            for name, value in saved.items():
                os.environ.pop(name, None)
                if value is not None:
                    os.environ[name] = value
    return statistics.median(times["empty"]), statistics.median(times["plan"])


# --- page reruns in the browser (one server process, Chromium) ------------------------------------

# The real page list plus an empty page, under the same router in one `streamlit run` process. It is
# written next to app.py for the run (st.Page paths are relative to the entry script) and removed.
RERUN_ENTRY = ROOT / ".bench_rerun_app.py"
RERUN_APP = """import streamlit as st

from pages.parts import router


def empty() -> None:
    pass


router.route(extra=[st.Page(empty, title="Empty", url_path="empty")])
"""
# Timestamps taken in the page: when the browser sends its last message (the rerun request) and
# the first animation frame after the last message of the rerun arrives (the page is painted).
WEBSOCKET_SPY = """(() => { const Native = window.WebSocket; window.__rerun = {sent: 0, painted: 0};
  window.WebSocket = class extends Native {
    constructor(...args) { super(...args); this.addEventListener("message", () =>
      requestAnimationFrame(() => { window.__rerun.painted = performance.now(); })); }
    send(data) { window.__rerun.sent = performance.now(); return super.send(data); } }; })();"""
QUIET_MS = 700  # no message for this long: the rerun is over (an empty page's takes ~150 ms)


def browser_rerun(page) -> float:
    """ms from the rerun request ('r', Streamlit's rerun key) to the frame painting its result."""
    page.keyboard.press("r")
    page.wait_for_timeout(QUIET_MS)
    times = page.evaluate("window.__rerun")
    return times["painted"] - times["sent"]


def browser_rerun_medians(profile: dict, repeat: int) -> tuple[float, float]:
    """Median ms of a rerun of an empty page and of the Weekly plan page, as a person waits for it.

    One server process runs the real pages and an empty one under the same router; one Chromium
    has each page open in its own session. Each rerun is timed in the page from the browser
    sending the request to the frame after the rerun's last message (the server's work, the
    websocket and the browser drawing the result). The two pages take turns.
    """
    from playwright.sync_api import sync_playwright

    RERUN_ENTRY.write_text(RERUN_APP)
    try:
        with tempfile.TemporaryDirectory(prefix="backplan-bench-") as data:
            person = save_bench_person(sqlite_url(data), profile)
            with spawned(RERUN_ENTRY, data) as (url, process, _), sync_playwright() as p:
                _healthy(url, process)
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                pages = {}
                for name, path in (("empty", "/empty"), ("plan", f"/plan?person={person}")):
                    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                    page.add_init_script(WEBSOCKET_SPY)
                    page.goto(url + path)
                    page.wait_for_selector(DONE, timeout=60_000)
                    pages[name] = page
                if not pages["plan"].locator("h3", has_text="Why this plan").count():
                    raise RuntimeError("the Weekly plan page showed no plan")
                times: dict[str, list[float]] = {"empty": [], "plan": []}
                for i in range(WARM_UP + repeat):
                    for name, page in pages.items():
                        ms = browser_rerun(page)
                        if i >= WARM_UP:
                            times[name].append(ms)
                browser.close()
    finally:
        RERUN_ENTRY.unlink(missing_ok=True)
    return statistics.median(times["empty"]), statistics.median(times["plan"])


# --- cold starts (streamlit run + Chromium) ------------------------------------------------------


def _healthy(url: str, process: subprocess.Popen) -> None:
    """Wait for the server's health endpoint, polling every 20 ms (a cold start is timed)."""
    wait_healthy(url, process, every=0.02)


@contextlib.contextmanager
def spawned(script: Path, data_dir: str) -> Iterator[tuple[str, subprocess.Popen, float]]:
    """`streamlit run script` headless on a free port; yields (url, process, spawn time), the
    spawn time taken just before the process is created."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    env = os.environ | {DATA_DIR_ENV: data_dir}
    env.pop(DATABASE_URL_ENV, None)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield f"http://127.0.0.1:{port}", process, started
    finally:
        stop(process)


def first_paint(browser, url: str, selector: str, text: str) -> None:
    """Open `url` in a fresh browser context and wait until `selector` with `text` is visible."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.locator(selector, has_text=text).first.wait_for(state="visible", timeout=60_000)
    finally:
        context.close()


def plan_page_open(browser, url: str) -> None:
    """Open the Weekly plan page and wait until its script has finished (the whole plan shown)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.locator("h3", has_text="Why this plan").first.wait_for(timeout=60_000)
        done = "[data-testid='stApp'][data-test-script-state='notRunning']"
        page.wait_for_selector(done, timeout=60_000)
    finally:
        context.close()


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of process `pid` so far, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def cold_starts(profile: dict, rounds: int) -> tuple[list[float], list[float], float]:
    """Seconds from spawning `streamlit run` to first paint, `rounds` times each for a hello-world
    app and for BackPlan, and BackPlan's server peak RSS in MB after its last start, with the
    Weekly plan page then open.

    First paint: the hello app's "Hello" text, BackPlan's Home title "BackPlan" (an h1), visible in
    Chromium. The clock starts just before the process is spawned and includes Streamlit's own
    start, the health endpoint answering (polled every 20 ms), loading the page, the websocket
    and the first run of the script. The browser is launched once beforehand; each measurement
    gets a fresh browser context (no cache, no cookies). One uncounted round first warms the disk
    cache; the two apps then take turns, in the order A B, B A, A B, ... so drift touches both.
    """
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="backplan-bench-hello-") as hello_dir:
        hello = Path(hello_dir) / "hello.py"
        hello.write_text(HELLO_APP)
        apps = [
            ("hello", hello, "[data-testid='stMarkdownContainer']", "Hello"),
            ("backplan", APP, "h1", "BackPlan"),
        ]
        times: dict[str, list[float]] = {"hello": [], "backplan": []}
        peak_mb = 0.0
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for round_ in range(rounds + 1):
                    for name, script, selector, text in apps[:: 1 if round_ % 2 else -1]:
                        with tempfile.TemporaryDirectory(prefix="backplan-bench-") as data:
                            person = save_bench_person(sqlite_url(data), profile)
                            with spawned(script, data) as (url, process, started):
                                _healthy(url, process)
                                first_paint(browser, url, selector, text)
                                seconds = time.perf_counter() - started
                                if round_ > 0:
                                    times[name].append(seconds)
                                if name == "backplan" and len(times[name]) == rounds:
                                    plan_page_open(browser, f"{url}/plan?person={person}")
                                    peak_mb = vm_hwm_mb(process.pid)
            finally:
                browser.close()
    return times["hello"], times["backplan"], peak_mb
