"""Benchmark of batch printing: a generated 1,000-row CSV of varied profiles to one PDF sheet each.

Run on its own (`make bench-all`) or as a row of `make bench`. The batch goes through the command
line's path (planner.batch: the reader, the job on every core, files written atomically into a
temporary folder). Target: under 20 s on 2 cores.

Peak memory is the peak of the summed resident memory of this process and every process under it,
sampled from /proc every 0.1 s: the pool's workers are children of multiprocessing's fork server,
which outlives the batch, so getrusage never sees them.
"""

import csv
import io
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_planner import report, varied_profiles
from planner.batch.job import Job, Made, produce, template_csv
from planner.batch.outputs import write_into
from planner.batch.sheet import read_sheet

ROWS = 1000
TARGET_S = 20


def people_csv(n: int) -> str:
    """n varied valid profiles (about 1 in 10 with a red flag) as CSV text."""
    columns = template_csv().splitlines()[0].split(",")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for i, profile in enumerate(varied_profiles(n)):
        cells = {k: ";".join(v) if isinstance(v, list) else v for k, v in profile.items()}
        writer.writerow(cells | {"name": f"Person {i + 1}", "recent_trauma": "false"})
    return out.getvalue()


def tree_rss_mb(root: int) -> float:
    """Resident memory of process `root` and all its descendants now, in MB (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, changed = {root}, True
    while changed:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        changed = bool(more)
    total_kb = 0
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total_kb += next(
            (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0
        )
    return total_kb / 1024


class PeakSampler(threading.Thread):
    """Samples tree_rss_mb of this process until stopped; `peak` is the largest sample."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.done = 0.0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))


def timed_batch(rows: int = ROWS) -> tuple[float, float, int]:
    """Seconds for `rows` people from CSV bytes to PDF files on disk, the peak memory of this
    process and its workers in MB, and the number of workers."""
    data = people_csv(rows).encode()
    workers = os.cpu_count() or 1
    sampler = PeakSampler()
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="backplan-bench-") as folder:
        start = time.perf_counter()
        people = read_sheet("people.csv", data)
        results = write_into(Path(folder), produce(people, Job(fmt="pdf"), workers=workers))
        made = sum(isinstance(result, Made) for result in results)
        seconds = time.perf_counter() - start
        files = len(os.listdir(folder))
    sampler.done.set()
    sampler.join()
    assert made == files == rows, (made, files)
    return seconds, sampler.peak, workers


def main() -> None:
    seconds, peak, workers = timed_batch()
    label = f"batch: {ROWS:,} PDF sheets, {workers} workers"
    report(label, seconds, "s", f"< {TARGET_S} s", seconds < TARGET_S)
    report("batch: peak memory, self + all workers", peak, "MB", "—", True)


if __name__ == "__main__":
    main()
