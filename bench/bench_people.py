"""The store calls each page makes, with 5,000 saved people and 100,000 log rows (issue 13, 12).

Run with `.venv/bin/python bench/bench_people.py` (about half a minute). A temporary SQLite store
is filled in one transaction (5,000 people, 20 logged days each), then each call a page makes is
timed: median of REPEAT, target each under 200 ms. Saved people shows a page of 20 (first, last,
a search); "Whose plan?" a page of 12; the plan, session and progress pages read one person and
their log, and write a day; the profile page saves the answers; Saved people deletes one and
exports everyone (Download all my data, built when asked for: reported without a target).
"""

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from bench.bench_storage import PROFILE
from planner.log_entry import LogEntry
from planner.profile import parse_profile
from storage import Store, dispose_engines, open_store
from storage.listing import count_people, people_page
from storage.models import LogRow, PersonRow
from storage.transfer import export_all

PEOPLE = 5_000
DAYS = 20  # logged days per person: 100,000 rows in all
REPEAT = 30
TARGET_MS = 200
EXPORT = "Saved people: Download all my data (export_all)"
EXPORT_REPEAT = 3
START = date(2026, 1, 5)
NOW = datetime(2026, 2, 1, 9, tzinfo=UTC)


def fill(store: Store) -> None:
    """PEOPLE people, each with DAYS logged days, in one transaction."""
    now = datetime.now(UTC)
    people = [
        {
            "owner": store.owner,
            "name": f"Person {n:05}",
            "profile_json": json.dumps(PROFILE | {"name": f"Person {n:05}"}),
            "programme_start": START,
            "created_at": now,
            "updated_at": now,
        }
        for n in range(PEOPLE)
    ]
    with store.writing() as session:
        session.execute(insert(PersonRow), people)
    ids = [s.id for s in store.list_people()]
    logs = [
        {"person_id": i, "day": START + timedelta(d), "week": 1 + d // 7, "status": "done"}
        | {"pain_before": 5, "pain_after": 3, "note": "felt easier"}
        for i in ids
        for d in range(DAYS)
    ]
    with store.writing() as session:
        session.execute(insert(LogRow), logs)


def median_ms(call: Callable[[int], object], repeat: int) -> float:
    """The median time of `repeat` calls, in milliseconds."""
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        call(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def calls(store: Store) -> dict[str, Callable[[int], object]]:
    """Each page's store calls, by what the page does."""
    middle = people_page(store, offset=PEOPLE // 2, size=1).people[0].id
    answers = parse_profile(PROFILE | {"name": "Person 02500 again"})

    def delete(i: int) -> None:
        store.delete_person(people_page(store, offset=i, size=1).people[0].ref)

    return {
        "Saved people: first page of 20 and the count": lambda _: people_page(store),
        "Saved people: last page of 20": lambda _: people_page(store, offset=PEOPLE - 20),
        "Saved people: search by name": lambda _: people_page(store, "son 0427"),
        "Saved people: every person (for the download)": lambda _: store.list_people(),
        'current person / "Whose plan?": count and 12': lambda _: (
            count_people(store),
            people_page(store, size=12),
        ),
        "plan / progress: one person and their log": lambda _: (
            store.get_person(middle),
            store.log_for(middle),
        ),
        "plan / session: log a day": lambda i: store.save_log(
            store.get_person(middle).ref, LogEntry(day=START, week=1, status="done", note=f"{i}")
        ),
        "profile: save the answers": lambda _: store.save_person(
            answers, START, store.get_person(middle).ref
        ),
        "Saved people: delete someone with their log": delete,
        EXPORT: lambda _: export_all(store, now=NOW),
    }


def timings() -> dict[str, float]:
    """The median milliseconds of each page's store calls on a filled temporary store."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'backplan.db'}")
        fill(store)
        try:
            return {
                what: median_ms(call, EXPORT_REPEAT if what == EXPORT else REPEAT)
                for what, call in calls(store).items()
            }
        finally:
            dispose_engines()


def slowest_page_call(found: dict[str, float]) -> tuple[str, float]:
    """The slowest call a page makes on every visit (the export is made only when asked)."""
    return max(((w, ms) for w, ms in found.items() if w != EXPORT), key=lambda pair: pair[1])


def main() -> int:
    print(f"{PEOPLE:,} people, {PEOPLE * DAYS:,} log rows; median of {REPEAT}")
    for what, ms in timings().items():
        verdict = "report only" if what == EXPORT else "OK" if ms < TARGET_MS else "OVER"
        print(f"{what:<52} {ms:>8.1f} ms  target < {TARGET_MS} ms  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
