"""BackPlan's speed and memory in one Markdown table, ready to paste into the README.

Run with `make bench` (about two minutes). Each row is measured against its target:

1. build_plan for one profile: median of 2,000 builds (< 1 ms).
2. 10,000 varied profiles, validation included: plans per second (> 5,000).
3. The weekly PDF sheet of a busy week (7 days, 40 minutes): median of 30 (< 150 ms).
4. The four-week booklet PDF of that profile: median of 10. The issue gives no target; BackPlan's
   own is < 600 ms: the weekly sheet's 150 ms for each of its four weeks, cover and how-to pages
   included.
5. A rerun of the Weekly plan page against a rerun of an empty Streamlit page, both served by one
   `streamlit run` process under the same router, timed in Chromium from the rerun request to the
   painted result, alternately: medians and their ratio (at most 1.5x). Then the same two pages
   under Streamlit's AppTest in this process, which leaves out the websocket and the browser: the
   server's own work, reported without a target (an empty page's is almost nothing, ~2 ms).
6. Cold start of `streamlit run` to first paint in Debian's Chromium, BackPlan's Home against a
   hello-world app, alternately: medians and their ratio (at most 1.3x).
7. Peak memory: this process after rows 1-5 (getrusage's ru_maxrss), and the BackPlan server
   after its last cold start with the Weekly plan page open (VmHWM from /proc). Report only.

Exit status 0 even when a target is missed: this is a report; a missed target reads "over".
"""

import os
import platform
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import _streamlit_timing as timing
from bench.bench_planner import ONE, median_ms, varied_profiles

BUSY = ONE | {"days_per_week": 7, "minutes_per_day": 40}
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

    profiles = varied_profiles(10_000)
    start = time.perf_counter()
    for i, profile in enumerate(profiles):
        build_plan(profile, week=1 + i % 6)
    rate = len(profiles) / (time.perf_counter() - start)
    what = "plans per second, 10,000 varied profiles, validation included"
    row(what, f"{rate:,.0f} plans/s", "> 5,000 plans/s", rate > 5000)


def pdf_rows() -> None:
    from planner import build_plan, parse_profile
    from planner.exports.pdf_booklet import booklet_pdf
    from planner.exports.pdf_sheet import plan_pdf

    plan = build_plan(BUSY, week=2)
    plan_pdf(plan)
    sheet = median_ms(lambda: plan_pdf(plan), repeat=30)
    what = "weekly PDF sheet, busy week (median of 30)"
    row(what, f"{sheet:.0f} ms", "< 150 ms", sheet < 150)

    plans = [build_plan(BUSY, week=week) for week in range(1, 5)]
    profile = parse_profile(BUSY)
    booklet_pdf(plans, profile=profile)
    booklet = median_ms(lambda: booklet_pdf(plans, profile=profile), repeat=10)
    what = "four-week booklet PDF, same profile (median of 10)"
    row(what, f"{booklet:.0f} ms", "< 600 ms (BackPlan's own)", booklet < 600)


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
    rerun_rows()
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    server_mb = cold_start_rows()
    memory_row("peak memory, this bench process after rows 1-5 (ru_maxrss)", own_mb)
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
