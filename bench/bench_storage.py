"""Benchmarks for the storage layer on a SQLite file in a temporary folder.

Run with `.venv/bin/python bench/bench_storage.py`. Targets (progress issue): saving one log entry
under 20 ms, loading a 12-week history (12 x 7 days) for one person under 20 ms (medians).
"""

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.log_entry import LogEntry
from planner.profile import parse_profile
from storage import dispose_engines, open_store

PROFILE = {
    "name": "Bench Mark", "age": 52, "sex": "male", "height_cm": 178, "weight_kg": 88,
    "sitting_hours": 7, "active_days": 2, "lifting": "often", "posture": "fair",
    "core_strength": "weak", "water_l": 1.4, "stress": 6, "pain": 5, "pain_weeks": 3,
    "recent_trauma": False, "conditions": [], "red_flags": [], "days_per_week": 4,
    "minutes_per_day": 20,
}  # fmt: skip
START = date(2026, 1, 5)
DAYS = 12 * 7


def entry(day: int) -> LogEntry:
    """The log entry for day `day` of the programme."""
    return LogEntry(
        day=START + timedelta(days=day % DAYS),
        week=1 + day % DAYS // 7,
        status="done",
        pain_before=5,
        pain_after=3,
        note="felt easier",
    )


def median_ms(fn, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(label: str, value: float, unit: str, target: str, ok: bool) -> None:
    print(f"{label:<44} {value:>10.3f} {unit:<8} target {target:<10} {'OK' if ok else 'MISSED'}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'backplan.db'}")
        person = store.save_person(parse_profile(PROFILE), START)
        save = median_ms(lambda i: store.save_log(person, entry(i)), repeat=300)
        report("save one log entry (median)", save, "ms", "< 20 ms", save < 20)

        assert len(store.log_for(person)) == DAYS
        load = median_ms(lambda _: store.log_for(person), repeat=200)
        report("load a 12-week history, 84 days (median)", load, "ms", "< 20 ms", load < 20)
        dispose_engines()


if __name__ == "__main__":
    main()
