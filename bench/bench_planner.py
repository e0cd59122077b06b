"""Benchmarks for the planner core and the PDF sheet. Prints figures against the targets.

Run with `make bench`. Targets (issue 2): build_plan under 1 ms, over 5,000 plans/s over 10,000
varied profiles, under 150 ms per weekly PDF.
"""

import random
import statistics
import sys
import time
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


def report(label: str, value: float, unit: str, target: str, ok: bool) -> None:
    print(f"{label:<44} {value:>10.3f} {unit:<8} target {target:<10} {'OK' if ok else 'MISSED'}")


def main() -> None:
    build_plan(ONE)  # load data files once
    single = median_ms(lambda: build_plan(ONE, week=2), repeat=2000)
    report("build_plan, one profile (median)", single, "ms", "< 1 ms", single < 1)

    profiles = varied_profiles(10_000)
    start = time.perf_counter()
    for i, profile in enumerate(profiles):
        build_plan(profile, week=1 + i % 6)
    rate = len(profiles) / (time.perf_counter() - start)
    report("plans per second, 10,000 varied profiles", rate, "plans/s", "> 5,000", rate > 5000)

    from planner.exports.pdf_sheet import plan_pdf

    plan = build_plan(ONE | {"days_per_week": 7, "minutes_per_day": 40}, week=2)
    plan_pdf(plan)
    pdf = median_ms(lambda: plan_pdf(plan), repeat=30)
    report("weekly PDF sheet, busy week (median)", pdf, "ms", "< 150 ms", pdf < 150)


if __name__ == "__main__":
    main()
