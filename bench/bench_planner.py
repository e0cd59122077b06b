"""Benchmarks for the planner core and the PDF sheet. Prints figures against the targets.

Run with `make bench-all` (`make bench` prints the same rows in its table). Targets (issue 11):
build_plan under 1 ms, at least 5,000 plans/s over 10,000 varied profiles with each plan's JSON
written, a warm weekly PDF under 50 ms.
"""

import multiprocessing
import os
import random
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner import build_plan
from planner.profile import CONDITIONS, RED_FLAGS

ONE = {
    "age": 52, "sex": "male", "height_cm": 178, "weight_kg": 88, "sitting_hours": 7,
    "active_days": 2, "lifting": "often", "posture": "fair", "core_strength": "weak",
    "water_l": 1.4, "stress": 6, "pain": 5, "pain_weeks": 3, "recent_trauma": False,
    "conditions": ["high_blood_pressure"], "red_flags": [], "days_per_week": 4,
    "minutes_per_day": 20, "name": "Bench Mark", "start_date": "2026-11-30",
}  # fmt: skip
BUSY = ONE | {"days_per_week": 7, "minutes_per_day": 40}


def varied_profiles(n: int, seed: int = 7) -> list[dict]:
    """n different valid profiles; about 1 in 10 has a red flag."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(
            ONE
            | {
                "age": rng.randint(18, 95),
                "sex": rng.choice(["female", "male", "other"]),
                "weight_kg": rng.randint(45, 160),
                "pain": rng.randint(0, 10),
                "core_strength": rng.choice(["weak", "average", "strong"]),
                "lifting": rng.choice(["never", "sometimes", "often"]),
                "conditions": rng.sample(CONDITIONS, rng.randint(0, 2)),
                "red_flags": rng.sample(RED_FLAGS, 1) if rng.random() < 0.1 else [],
                "days_per_week": rng.randint(1, 7),
                "minutes_per_day": rng.randint(10, 60),
            }
        )
    return out


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _plans_with_json(profiles: list[dict]) -> int:
    """Validate, build (weeks 1-6) and write as JSON each profile; the bytes written."""
    from planner.exports.json_plan import plan_json

    return sum(len(plan_json(build_plan(p, week=1 + i % 6))) for i, p in enumerate(profiles))


def plans_per_second(n: int = 10_000, workers: int = 1) -> float:
    """n varied profiles, each validated, built and written as JSON: plans/s, in this process or
    shared out over `workers` forked processes (pool start-up counted)."""
    profiles = varied_profiles(n)
    start = time.perf_counter()
    if workers == 1:
        _plans_with_json(profiles)
    else:
        chunks = [profiles[i::workers] for i in range(workers)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            list(pool.map(_plans_with_json, chunks))
    return n / (time.perf_counter() - start)


def warm_sheet_ms(repeat: int = 30) -> float:
    """The median time of the weekly PDF sheet of a busy week (7 days, 40 minutes), warm."""
    from planner.exports.pdf_sheet import plan_pdf

    plan = build_plan(BUSY, week=2)
    plan_pdf(plan)
    return median_ms(lambda: plan_pdf(plan), repeat=repeat)


def report(label: str, value: float, unit: str, target: str, ok: bool) -> None:
    print(f"{label:<44} {value:>10.3f} {unit:<8} target {target:<10} {'OK' if ok else 'MISSED'}")


def main() -> None:
    build_plan(ONE)  # load data files once
    single = median_ms(lambda: build_plan(ONE, week=2), repeat=2000)
    report("build_plan, one profile (median)", single, "ms", "< 1 ms", single < 1)
    rate = plans_per_second()
    report("plans/s with JSON, 10,000 varied, one core", rate, "plans/s", "—", True)
    cores = os.cpu_count() or 1
    rate = plans_per_second(workers=cores)
    label = f"plans/s with JSON, 10,000 varied, {cores} cores"
    report(label, rate, "plans/s", ">= 5,000", rate >= 5000)
    sheet = warm_sheet_ms()
    report("weekly PDF sheet, busy week, warm (median)", sheet, "ms", "< 50 ms", sheet < 50)


if __name__ == "__main__":
    main()
