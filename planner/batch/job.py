"""Batch printing: one file per person of a spreadsheet, for the command line and the page alike.

`produce` checks each numbered row once and yields, in row order, either a `Made` file (a safe,
unique file name and its bytes) or the row's ProfileError; a bad row never stops the others. Files
are rendered in a process pool in chunks, with only a few chunks in flight, so results stream out
in row order and memory stays low. Nothing here reads the clock: a calendar's dates and time stamp
come in the Job. The outputs that share it are in planner/batch/outputs.py.
"""

import multiprocessing
import os
import re
import signal
import threading
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date, datetime, time
from importlib.resources import files
from itertools import islice

from planner.batch.limits import MAX_WEEKS
from planner.batch.sheet import Row, check_row
from planner.builder import build_plan
from planner.clinic import ClinicHeader
from planner.guidelines import MAX_WEEK
from planner.profile import FieldProblem, Profile, ProfileError

FORMATS = ("pdf", "ics", "json")
CHUNK = 25  # rows per task sent to a worker process
SLUG_MAX = 60
# A file name may have 255 bytes; a letter up to 4 in UTF-8. The stem keeps room for '-2000' and
# the extension, and the temporary name written beside it (planner/files/atomic.py) fits too.
SLUG_MAX_BYTES = 200
STOPPED = FieldProblem("row", "could not be made (a helper process stopped; try again)")
# Names Windows keeps for devices: "CON.pdf" cannot be opened there, whatever the extension.
# Windows's list also has COM0 and LPT0, and the superscripts 1-3 (a slug keeps "COM¹" whole).
RESERVED = {"CON", "PRN", "AUX", "NUL", *(p + n for p in ("COM", "LPT") for n in "0123456789¹²³")}


@dataclass(frozen=True)
class Job:
    """What to make for each person: weeks first..last, format, paper and clinic header. A
    calendar also needs `today` (the start of a profile without a start date) and `created`
    (its time stamp), passed in by the caller."""

    first_week: int = 1
    last_week: int = 1
    fmt: str = "pdf"
    paper: str = "a4"
    clinic: ClinicHeader | None = None
    today: date | None = None
    created: datetime | None = None
    session_time: time = time(18, 0)

    def __post_init__(self) -> None:
        weeks = self.last_week - self.first_week + 1
        if not 1 <= self.first_week <= self.last_week <= MAX_WEEK or weeks > MAX_WEEKS:
            raise ValueError(
                f"weeks: give 1 to {MAX_WEEK}, the first not after the last, "
                f"at most {MAX_WEEKS} weeks (e.g. 1-4)"
            )
        if self.fmt not in FORMATS:
            raise ValueError(f"format: must be one of {', '.join(FORMATS)}")
        if self.fmt == "ics" and (self.today is None or self.created is None):
            raise ValueError("a calendar needs today's date and the time it is created")


@dataclass(frozen=True)
class Made:
    """One person's file: the row it came from, its file name, its bytes, and whether the plan is
    safe to exercise (False: a see-a-doctor sheet, or a plan without sessions)."""

    row: int
    name: str
    data: bytes
    safe: bool


def template_csv() -> str:
    """The CSV template: every profile field as a column and three example people."""
    return files("planner.batch").joinpath("template.csv").read_text(encoding="utf-8")


def slug(name: str | None, row: int) -> str:
    """A safe file stem from a name: letters (any script), digits, '-' and '_' only, spaces and
    slashes as '-', at most 60 characters, never a device name; 'row-<n>' when nothing is left."""
    text = unicodedata.normalize("NFC", name or "")
    kept = "".join(
        "-" if ch.isspace() or ch in "/\\" else ch
        for ch in text
        if ch.isspace() or ch in "-_/\\" or unicodedata.category(ch)[0] in "LMN"
    )
    kept = kept.lstrip("-_")
    while kept and unicodedata.category(kept[0])[0] == "M":  # a mark cannot start a name
        kept = kept[1:].lstrip("-_")
    stem = re.sub(r"-{2,}", "-", kept)[:SLUG_MAX]
    stem = stem.encode()[:SLUG_MAX_BYTES].decode(errors="ignore").rstrip("-_")
    if not stem:
        return f"row-{row}"
    return f"{stem}_" if stem.upper() in RESERVED else stem


class FileNamer:
    """Unique file names for one batch: a repeated name gets '-2', '-3' (case-insensitively)."""

    def __init__(self, extension: str):
        self.extension = extension
        self.taken: set[str] = set()

    def name(self, person: str | None, row: int) -> str:
        stem = slug(person, row)
        candidate, number = stem, 1
        while candidate.casefold() in self.taken:
            number += 1
            candidate = f"{stem}-{number}"
        self.taken.add(candidate.casefold())
        return f"{candidate}.{self.extension}"


def render(profile: Profile, job: Job) -> tuple[bytes, bool]:
    """One person's file for the job (a sheet or booklet PDF, a calendar, or JSON), and whether
    the plan is safe to exercise."""
    plans = [build_plan(profile, week) for week in range(job.first_week, job.last_week + 1)]
    return _file(plans, profile, job), plans[0].safe_to_exercise


def _file(plans: list, profile: Profile, job: Job) -> bytes:
    if job.fmt == "json":
        from planner.exports.json_plan import plan_json, plans_json

        return plan_json(plans[0]) if len(plans) == 1 else plans_json(plans)
    if job.fmt == "ics":
        from planner.exports.ics_calendar import programme_ics

        start = profile.start_date or job.today
        return programme_ics(plans, start, job.created, job.session_time)
    if len(plans) == 1:
        from planner.exports.pdf_sheet import plan_pdf

        return plan_pdf(plans[0], paper=job.paper, clinic=job.clinic)
    from planner.exports.pdf_booklet import booklet_pdf

    return booklet_pdf(plans, paper=job.paper, clinic=job.clinic, profile=profile)


def _render_chunk(job: Job, chunk: list[Row]) -> list[tuple]:
    """Each row as (row, person's name, bytes, safe), or (row, problems) for a bad one (a
    ProfileError does not pickle whole)."""
    out: list[tuple] = []
    for row, cells in chunk:
        try:
            profile = check_row(row, cells)
            out.append((row, profile.name, *render(profile, job)))
        except ProfileError as exc:
            out.append((row, exc.problems))
        except Exception as exc:  # whatever goes wrong with one row, the others are still made
            problem = f"could not be made ({type(exc).__name__}: {exc})"
            out.append((row, [FieldProblem(field="row", message=problem)]))
    return out


def produce(rows: Iterable[Row], job: Job, workers: int = 1) -> Iterator[Made | ProfileError]:
    """Each row's Made file, or its ProfileError, in row order. With workers > 1 and more than
    one chunk of rows, chunks go to a process pool with at most two per worker in flight."""
    rows = iter(rows)
    head = list(islice(rows, CHUNK + 1))
    if workers <= 1 or len(head) <= CHUNK:
        results = (r for chunk in _chunks(iter(head), rows) for r in _render_chunk(job, chunk))
    else:
        results = _pooled(_chunks(iter(head), rows), job, workers)
    namer = FileNamer(job.fmt)
    for result in results:
        if len(result) == 2:
            yield ProfileError(result[1], result[0])
        else:
            row, person, data, safe = result
            yield Made(row, namer.name(person, row), data, safe)


def _chunks(*sources: Iterator) -> Iterator[list]:
    for source in sources:
        while chunk := list(islice(source, CHUNK)):
            yield chunk


def _pooled(chunks: Iterator[list], job: Job, workers: int) -> Iterator[tuple]:
    pool = _start_pool(workers)
    pending: deque[tuple[list, Future]] = deque()
    try:
        for chunk in chunks:
            pending.append((chunk, _submit(pool, job, chunk)))
            if len(pending) >= 2 * workers:
                results, pool = _next_results(pending, pool, job, workers)
                yield from results
        while pending:
            results, pool = _next_results(pending, pool, job, workers)
            yield from results
    finally:
        pool.shutdown(cancel_futures=True)


def _start_pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: safe to start from a threaded process (the app server) and fast after the first
    context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_start)


def _submit(pool: ProcessPoolExecutor, job: Job, chunk: list) -> Future:
    """The chunk's future; a pool that broke meanwhile gives a future holding that error."""
    try:
        return pool.submit(_render_chunk, job, chunk)
    except BrokenProcessPool as exc:
        broken: Future = Future()
        broken.set_exception(exc)
        return broken


def _next_results(pending: deque, pool: ProcessPoolExecutor, job: Job, workers: int):
    """The first pending chunk's results and the pool to go on with. When a helper process died
    (killed, out of memory), that chunk's rows get an error and the rest go to a new pool."""
    chunk, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _start_pool(workers)
        for i, (later, _) in enumerate(pending):
            pending[i] = (later, _submit(pool, job, later))
        return [(row, [STOPPED]) for row, _ in chunk], pool


def _worker_start() -> None:
    """In each helper process: Ctrl-C is the main process's to handle, and when the main process
    ends, even by SIGKILL, the helper ends too instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent) -> None:
    parent.join()  # returns once the process that asked for this helper has ended
    os._exit(1)
