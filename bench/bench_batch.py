"""Benchmark of batch printing: a generated 1,000-row CSV of varied profiles to one PDF sheet each.

Run with `make bench`. Uses the batch code as the CLI does (every core, files written atomically
into a temporary folder). Targets: under 60 s in total, and under 300 MB peak memory.

Memory is reported twice: resource.getrusage's maxrss of this process plus its largest finished
child, and the peak of the summed resident memory of this process and every process under it,
sampled from /proc every 0.1 s. The second is the honest figure: the pool's workers are children
of multiprocessing's fork server, which outlives the batch, so getrusage never sees them.
"""

import csv
import io
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_planner import report, varied_profiles
from planner.batch.job import FileNamer, Job, Made, produce, read_rows, template_csv
from planner.files.atomic import write_atomically

ROWS = 1000


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


def peak_mb() -> float:
    """Peak resident memory of this process plus its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024  # ru_maxrss is in kB on Linux


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


def main() -> None:
    text = people_csv(ROWS)
    workers = os.cpu_count() or 1
    sampler = PeakSampler()
    sampler.start()
    with tempfile.TemporaryDirectory(prefix="backplan-bench-") as folder:
        start = time.perf_counter()
        namer, made = FileNamer("pdf"), 0
        rows = read_rows(text.splitlines(keepends=True))
        for result in produce(rows, Job(fmt="pdf"), workers=workers):
            if isinstance(result, Made):
                write_atomically(Path(folder) / namer.name(result.name, result.row), result.data)
                made += 1
        seconds = time.perf_counter() - start
        files = len(os.listdir(folder))
    sampler.done.set()
    sampler.join()
    assert made == files == ROWS, (made, files)
    label = f"batch: {ROWS:,} PDF sheets, {workers} workers"
    report(label, seconds, "s", "< 60 s", seconds < 60)
    memory = peak_mb()
    report("batch: maxrss, self + largest child", memory, "MB", "< 300 MB", memory < 300)
    tree = sampler.peak
    report("batch: peak memory, self + all workers", tree, "MB", "< 300 MB", tree < 300)


if __name__ == "__main__":
    main()
