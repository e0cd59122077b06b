"""Batch printing: one file per person from a spreadsheet of profiles (for the CLI and the app).

Rows are CSV lines numbered as a spreadsheet shows them (the header is line 1); a row with bad
values becomes a ProfileError with that row number and never stops the others. File names come
from the person's name, made safe (slug) and unique. PDFs are rendered in a process pool in chunks,
with only a few chunks in flight, so results stream out in row order and memory stays low.
"""

import csv
import io
import json
import multiprocessing
import re
import unicodedata
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from itertools import islice

from planner.builder import build_plan
from planner.clinic import ClinicHeader
from planner.files.profile_files import check_header, row_to_dict
from planner.guidelines import MAX_WEEK
from planner.profile import FieldProblem, Profile, ProfileError, parse_profile

FORMATS = ("pdf", "ics", "json")
CHUNK = 25  # rows per task sent to a worker process
SLUG_MAX = 60
# Names Windows keeps for devices: "CON.pdf" cannot be opened there, whatever the extension.
# Windows's list also has COM0 and LPT0, and the superscripts 1-3 (a slug keeps "COM¹" whole).
RESERVED = {"CON", "PRN", "AUX", "NUL", *(p + n for p in ("COM", "LPT") for n in "0123456789¹²³")}
TEMPLATE = [
    {
        "name": "Alex Example", "age": "47", "sex": "female", "height_cm": "168",
        "weight_kg": "82", "sitting_hours": "8", "active_days": "1", "lifting": "sometimes",
        "posture": "fair", "core_strength": "weak", "water_l": "1.2", "stress": "6", "pain": "5",
        "pain_weeks": "2", "recent_trauma": "false", "days_per_week": "4",
        "minutes_per_day": "15", "start_date": "2026-11-30",
    },
    {
        "name": "Sam Sample", "age": "68", "sex": "male", "height_in": "70", "weight_lb": "190",
        "sitting_hours": "5", "active_days": "3", "lifting": "never", "posture": "good",
        "core_strength": "average", "water_l": "1.5", "stress": "3", "pain": "3",
        "pain_weeks": "6", "recent_trauma": "false", "conditions": "osteoporosis;arthritis",
        "days_per_week": "3", "minutes_per_day": "20",
    },
    {
        "name": "Jo Demo", "age": "33", "sex": "other", "height_cm": "175", "weight_kg": "70",
        "sitting_hours": "9", "active_days": "2", "lifting": "often", "posture": "poor",
        "core_strength": "weak", "water_l": "2", "stress": "7", "pain": "7", "pain_weeks": "1",
        "first_episode": "true", "recent_trauma": "false", "days_per_week": "5",
        "minutes_per_day": "10",
    },
]  # fmt: skip


@dataclass(frozen=True)
class Job:
    """What to make for each person: weeks first..last, format, paper, clinic header, and the
    date and clock used by calendars of profiles without a start date."""

    first_week: int = 1
    last_week: int = 1
    fmt: str = "pdf"
    paper: str = "a4"
    clinic: ClinicHeader | None = None
    today: date = field(default_factory=date.today)
    created: datetime = field(default_factory=lambda: datetime.now(UTC))
    session_time: time = time(18, 0)

    def __post_init__(self) -> None:
        if not 1 <= self.first_week <= self.last_week <= MAX_WEEK:
            raise ValueError(
                f"weeks: give 1 to {MAX_WEEK}, the first not after the last (e.g. 1-4)"
            )
        if self.fmt not in FORMATS:
            raise ValueError(f"format: must be one of {', '.join(FORMATS)}")


@dataclass(frozen=True)
class Made:
    """One person's file: the row it came from, the person's name and the bytes."""

    row: int
    name: str | None
    data: bytes
    safe: bool


def template_csv() -> str:
    """A CSV template: every profile field as a column and three example people."""
    columns = [f for f in Profile.model_fields if f not in ("height_in", "weight_lb")]
    columns[columns.index("weight_kg") + 1 : 1] = ["height_in", "weight_lb"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(TEMPLATE)
    return out.getvalue()


def read_rows(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, str | None]]]:
    """(line number, cells) for each non-blank CSV row; the header is line 1. A row whose quoted
    cell spans lines is numbered by its first line, where a spreadsheet shows it."""
    reader = csv.DictReader(lines)
    try:
        check_header(reader.fieldnames)
        for cells in reader:
            if any(isinstance(v, str) and v.strip() for v in cells.values()) or None in cells:
                texts = [v for v in cells.values() if isinstance(v, str)] + (cells.get(None) or [])
                breaks = sum(len(f"{text}.".splitlines()) - 1 for text in texts)
                yield reader.line_num - breaks, cells
    except csv.Error as exc:  # a cell over the csv module's 128 kB limit: say so, never crash
        message = f"cannot be read as CSV (line {reader.line_num + 1}: {exc})"
        raise ProfileError([FieldProblem(field="file", message=message)]) from None


def check_row(row: int, cells: dict) -> Profile:
    """The row's validated profile, or a ProfileError carrying the row number."""
    try:
        return parse_profile(row_to_dict(cells), row=row)
    except ProfileError as exc:
        raise ProfileError(exc.problems, row) from None


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
    stem = re.sub(r"-{2,}", "-", kept)[:SLUG_MAX].rstrip("-_")
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
    the plan is safe to exercise (False: the file is a see-a-doctor sheet or has no sessions)."""
    weeks = range(job.first_week, job.last_week + 1)
    plans = [build_plan(profile, week) for week in weeks]
    return _file(plans, profile, job), plans[0].safe_to_exercise


def _file(plans: list, profile: Profile, job: Job) -> bytes:
    if job.fmt == "json":
        data = plans[0].to_dict() if len(plans) == 1 else [p.to_dict() for p in plans]
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    if job.fmt == "ics":
        from planner.exports.ics_calendar import programme_ics

        start = profile.start_date or job.today
        return programme_ics(plans, start, job.created, job.session_time)
    if len(plans) == 1:
        from planner.exports.pdf_sheet import plan_pdf

        return plan_pdf(plans[0], paper=job.paper, clinic=job.clinic)
    from planner.exports.pdf_booklet import booklet_pdf

    return booklet_pdf(plans, paper=job.paper, clinic=job.clinic, profile=profile)


def _render_chunk(job: Job, chunk: list[tuple[int, dict]]) -> list[Made | tuple]:
    """Each row's Made, or (row, problems) for a bad one (ProfileError does not pickle whole)."""
    out: list[Made | tuple] = []
    for row, cells in chunk:
        try:
            profile = check_row(row, cells)
            out.append(Made(row, profile.name, *render(profile, job)))
        except ProfileError as exc:
            out.append((row, exc.problems))
        except (ValueError, RuntimeError, OSError) as exc:  # a layout or file problem: say so
            problem = FieldProblem(field="row", message=f"could not be made ({exc})")
            out.append((row, [problem]))
    return out


def produce(rows: Iterable[tuple[int, dict]], job: Job, workers: int = 1) -> Iterator:
    """Each row's Made, or its ProfileError, in row order. With workers > 1 and more than one
    chunk of rows, chunks go to a process pool with at most two per worker in flight."""
    rows = iter(rows)
    head = list(islice(rows, CHUNK + 1))
    if workers <= 1 or len(head) <= CHUNK:
        results = (r for chunk in _chunks(iter(head), rows) for r in _render_chunk(job, chunk))
    else:
        results = _pooled(_chunks(iter(head), rows), job, workers)
    for result in results:
        yield result if isinstance(result, Made) else ProfileError(result[1], result[0])


def _chunks(*sources: Iterator) -> Iterator[list]:
    for source in sources:
        while chunk := list(islice(source, CHUNK)):
            yield chunk


def _pooled(chunks: Iterator[list], job: Job, workers: int) -> Iterator:
    # forkserver: safe to start from a threaded process (the app server) and fast after the first
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(workers, mp_context=context)
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_render_chunk, job, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(cancel_futures=True)


def zip_batch(
    rows: list[tuple[int, dict]],
    job: Job,
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[str], list[ProfileError]]:
    """A ZIP (in memory) of one file per good row, its file names, and the bad rows' errors."""
    namer, names, errors = FileNamer(job.fmt), [], []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, result in enumerate(produce(rows, job, workers), start=1):
            if isinstance(result, ProfileError):
                errors.append(result)
            else:
                names.append(namer.name(result.name, result.row))
                archive.writestr(names[-1], result.data)
            if progress:
                progress(done, len(rows))
    return buffer.getvalue(), names, errors
