"""PDF speed and memory: a warm weekly sheet (the same plan again, and a new person each time),
a cold one-process sheet, and 1,000 different sheets in one process with its memory before and
after, in-process and through the recycled worker.

Run with `.venv/bin/python bench/bench_pdf_memory.py`. Target (issue 11): a warm sheet under 50 ms.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner import build_plan  # noqa: E402
from planner.exports import pdf_render  # noqa: E402
from planner.exports.pdf_sheet import plan_pdf, sheet_document  # noqa: E402

PERSON = {
    "age": 52, "sex": "male", "height_cm": 178, "weight_kg": 88, "sitting_hours": 7,
    "active_days": 2, "lifting": "often", "posture": "fair", "core_strength": "weak",
    "water_l": 1.4, "stress": 6, "pain": 5, "pain_weeks": 3, "recent_trauma": False,
    "conditions": [], "red_flags": [], "days_per_week": 4, "minutes_per_day": 20,
    "name": "Bench Mark", "start_date": "2026-11-30",
}  # fmt: skip
SHEETS = 1000
COLD = (
    "import time; t = time.perf_counter(); from planner import build_plan; "
    "from planner.exports.pdf_sheet import plan_pdf; "
    f"plan_pdf(build_plan({PERSON!r})); print((time.perf_counter() - t) * 1000)"
)


def people(count: int) -> list[dict]:
    """`count` different people: names, days and minutes vary."""
    return [
        PERSON | {"name": f"Person {i}", "days_per_week": 1 + i % 7, "minutes_per_day": 10 + i % 50}
        for i in range(count)
    ]


def resident_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def median_ms(make, items) -> float:
    times = []
    for item in items:
        start = time.perf_counter()
        make(item)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def cold_ms() -> float:
    """A fresh Python process that imports, plans and prints one sheet (imports included)."""
    run = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True)
    return float(run.stdout)


def main() -> None:
    same = build_plan(PERSON)
    plan_pdf(same)
    print(f"warm sheet, same plan again (median of 30): {median_ms(plan_pdf, [same] * 30):.0f} ms")
    plans = [build_plan(p) for p in people(SHEETS)]
    cpu = time.process_time()
    wall = median_ms(plan_pdf, plans[:30])
    cpu_ms = (time.process_time() - cpu) * 1000 / 30
    print(f"warm sheet, a new person each (median of 30): {wall:.0f} ms, {cpu_ms:.0f} ms CPU")
    cold = statistics.median(cold_ms() for _ in range(3))
    print(f"cold sheet in a new process, imports included (median of 3): {cold:.0f} ms")
    before = resident_mb()
    start = time.perf_counter()
    for plan in plans:
        plan_pdf(plan)
    seconds = time.perf_counter() - start
    print(
        f"{SHEETS} different sheets in one process: {seconds:.1f} s, resident memory "
        f"{before:.0f} MB before, {resident_mb():.0f} MB after"
    )
    worker = pdf_render.RecycledWorker()
    before = resident_mb()
    start = time.perf_counter()
    for plan in plans:
        worker.compile(sheet_document(plan))
    seconds = time.perf_counter() - start
    print(
        f"the same {SHEETS} through the recycled worker (limit {worker.limit_mb} MB): "
        f"{seconds:.1f} s, this process {before:.0f} MB before, {resident_mb():.0f} MB after, "
        f"{worker.started} worker process(es) started"
    )
    worker.close()


if __name__ == "__main__":
    main()
