"""BackPlan's speed and memory in one Markdown table, ready to paste into the README.

Run with `make bench` (about four minutes). Each row is measured against its target, as a ratio
measured in the same run where there is something to compare with:

1. build_plan for one profile: median of 2,000 builds (< 1 ms).
2. 10,000 varied profiles, each validated, built and written as JSON (planner/exports/json_plan):
   plans per second on one core, then on every core (at least 5,000 on this 2-core machine).
3. The weekly PDF sheet of a busy week (7 days, 40 minutes), warm: median of 30 (< 50 ms).
4. The four-week booklet PDF of that profile: median of 10. The issue gives no target; BackPlan's
   own is < 600 ms.
5. A cold `python -m planner plan --format pdf` process against a cold `--format json` one (no
   app database, so no clinic header to read), alternately: medians and their ratio (at most 2.5x).
6. A 1,000-person batch from CSV to PDF files on disk, on every core (< 20 s), with the peak
   memory of the bench process and its workers (bench/bench_batch.py).
7. A rerun of the Weekly plan page against a rerun of an empty Streamlit page, both served by one
   `streamlit run` process under the same router, timed in Chromium from the rerun request to the
   painted result, alternately: medians and their ratio (at most 1.5x). Then the same two pages
   under Streamlit's AppTest in this process, which leaves out the websocket and the browser: the
   server's own work, reported without a target (an empty page's is almost nothing, ~2 ms).
8. Cold start of `streamlit run` to first paint in Debian's Chromium, BackPlan's Home against a
   hello-world app, alternately: medians and their ratio (at most 1.3x).
9. Saved people and the plan pages' store calls with 5,000 people and 100,000 log rows
   (bench/bench_people.py): the slowest median (< 200 ms).
10. Peak memory: this process after rows 1-7 (getrusage's ru_maxrss), and the BackPlan server
   after its last cold start with the Weekly plan page open (VmHWM from /proc). Report only.

The PDF engine is being replaced (Typst); the PDF figures are those of whichever engine
`planner.exports.pdf_sheet` holds. Exit status 0 even when a target is missed: this is a report; a
missed target reads "over".
"""

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _streamlit_timing as timing
from bench import bench_people
from bench.bench_batch import ROWS, TARGET_S, timed_batch
from bench.bench_planner import BUSY, ONE, median_ms, plans_per_second, warm_sheet_ms

ROOT = Path(__file__).resolve().parent.parent
CLI_ROUNDS = 5
PAGE_PROFILE = ONE | {"days_per_week": 5, "minutes_per_day": 30}
RERUNS = 60
BROWSER_RERUNS = 20
COLD_ROUNDS = 5
rows: list[tuple[str, str, str, str]] = []


def row(what: str, measured: str, target: str, ok: bool | None) -> None:
    """One line of the table; ok None means there is no target to meet."""
    rows.append((what, measured, target, "—" if ok is None else ("OK" if ok else "**over**")))
    print(f"  measured: {what}: {measured}", file=sys.stderr, flush=True)


def machine() -> str:
    """CPU model, cores, RAM, Python and Streamlit versions."""
    import streamlit

    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    ram_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {ram_kb / 1024**2:.0f} GB RAM, "
        f"Python {platform.python_version()}, Streamlit {streamlit.__version__}"
    )


def planner_rows() -> None:
    from planner import build_plan

    build_plan(ONE)  # load the data files once
    single = median_ms(lambda: build_plan(ONE, week=2), repeat=2000)
    row("`build_plan`, one profile (median of 2,000)", f"{single:.2f} ms", "< 1 ms", single < 1)
    rate = plans_per_second(10_000)
    what = "plans per second with their JSON, 10,000 varied profiles, validation included, one core"
    row(what, f"{rate:,.0f} plans/s", "—", None)
    cores = os.cpu_count() or 1
    rate = plans_per_second(10_000, workers=cores)
    what = f"the same on all {cores} cores (one forked process each, start-up counted)"
    row(what, f"{rate:,.0f} plans/s", "at least 5,000 plans/s", rate >= 5000)


def pdf_rows() -> None:
    from planner import build_plan, parse_profile
    from planner.exports.pdf_booklet import booklet_pdf

    sheet = warm_sheet_ms(30)
    what = "weekly PDF sheet, busy week, warm (median of 30)"
    row(what, f"{sheet:.0f} ms", "< 50 ms", sheet < 50)
    plans = [build_plan(BUSY, week=week) for week in range(1, 5)]
    profile = parse_profile(BUSY)
    booklet_pdf(plans, profile=profile)
    booklet = median_ms(lambda: booklet_pdf(plans, profile=profile), repeat=10)
    what = "four-week booklet PDF, same profile (median of 10)"
    row(what, f"{booklet:.0f} ms", "< 600 ms (BackPlan's own)", booklet < 600)


def cold_cli_seconds(fmt: str, folder: Path) -> float:
    """Wall time of one fresh `python -m planner plan ... --format fmt -o FILE` process."""
    env = {"PATH": os.environ.get("PATH", ""), "BACKPLAN_DATA_DIR": str(folder / "data")}
    argv = [sys.executable, "-m", "planner", "plan", "examples/profile.json", "--format", fmt]
    start = time.perf_counter()
    subprocess.run([*argv, "-o", str(folder / f"plan.{fmt}")], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def cli_row() -> None:
    with tempfile.TemporaryDirectory(prefix="backplan-bench-") as name:
        folder = Path(name)
        cold_cli_seconds("pdf", folder)  # one uncounted round: the files are in the OS cache
        times: dict[str, list[float]] = {"pdf": [], "json": []}
        for _ in range(CLI_ROUNDS):
            for fmt in times:
                times[fmt].append(cold_cli_seconds(fmt, folder))
    pdf, as_json = (statistics.median(times[fmt]) for fmt in ("pdf", "json"))
    what = f"cold `plan --format pdf` vs `--format json` process (medians of {CLI_ROUNDS})"
    measured = f"{pdf:.2f} s vs {as_json:.2f} s = {pdf / as_json:.2f}x"
    row(what, measured, "at most 2.5x", pdf / as_json <= 2.5)


def batch_row() -> None:
    seconds, peak, workers = timed_batch(ROWS)
    what = f"batch, {ROWS:,} people to PDF sheets on disk, {workers} workers (peak memory)"
    measured = f"{seconds:.1f} s ({peak:.0f} MB)"
    row(what, measured, f"< {TARGET_S} s", seconds < TARGET_S)


def rerun_rows() -> None:
    empty, plan = timing.browser_rerun_medians(PAGE_PROFILE, BROWSER_RERUNS)
    ratio = plan / empty
    what = f"Weekly plan page rerun vs empty page, one server, Chromium ({BROWSER_RERUNS} each)"
    measured = f"{plan:.0f} ms vs {empty:.0f} ms = {ratio:.2f}x"
    row(what, measured, "at most 1.5x", ratio <= 1.5)

    empty, plan = timing.rerun_medians(PAGE_PROFILE, RERUNS)
    what = f"the same, server side only (AppTest in this process, medians of {RERUNS})"
    measured = f"{plan:.1f} ms vs {empty:.1f} ms = {plan / empty:.1f}x"
    row(what, measured, "—", None)


def people_row() -> None:
    what, ms = bench_people.slowest_page_call(bench_people.timings())
    label = f"store calls with 5,000 people and 100,000 log rows, slowest: {what}"
    row(label, f"{ms:.0f} ms", f"< {bench_people.TARGET_MS} ms", ms < bench_people.TARGET_MS)


def memory_row(what: str, mb: float) -> None:
    row(what, f"{mb:.0f} MB", "—", None)


def cold_start_rows() -> float:
    """Row 6; returns the BackPlan server's peak memory in MB for row 7."""
    hellos, backplans, server_mb = timing.cold_starts(PAGE_PROFILE, COLD_ROUNDS)
    for name, seconds in (("hello world", hellos), ("BackPlan", backplans)):
        print(f"  cold starts, {name}: {', '.join(f'{s:.2f}' for s in seconds)} s", file=sys.stderr)
    hello, backplan = statistics.median(hellos), statistics.median(backplans)
    ratio = backplan / hello
    what = f"cold start to first paint vs hello world (Chromium, medians of {COLD_ROUNDS})"
    measured = f"{backplan:.2f} s vs {hello:.2f} s = {ratio:.2f}x"
    row(what, measured, "at most 1.3x", ratio <= 1.3)
    return server_mb


def main() -> int:
    began = time.perf_counter()
    load = os.getloadavg()[0]  # other work on the machine makes every figure slower and noisier
    today = date.today().isoformat()
    header = f"Measured on {today}: {machine()}; load average {load:.1f} at start."
    print(header, file=sys.stderr, flush=True)
    planner_rows()
    pdf_rows()
    cli_row()
    batch_row()
    people_row()
    rerun_rows()
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    server_mb = cold_start_rows()
    memory_row("peak memory, this bench process after rows 1-7 (ru_maxrss)", own_mb)
    memory_row("peak memory, app server with the Weekly plan page open (VmHWM)", server_mb)

    print()
    print(header)
    print()
    print("| what | measured | target | result |")
    print("|---|---|---|---|")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print()
    missed = sum(cells[3] == "**over**" for cells in rows)
    took = time.perf_counter() - began
    print(f"{missed} target(s) over; the run took {took:.0f} s.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
