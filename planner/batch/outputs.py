"""The two outputs of a batch job: files written into a folder (the command line) and a ZIP in
memory (the page). Both take `produce`'s results as they stream out."""

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.batch.job import Made
from planner.files.atomic import write_atomically
from planner.profile import FieldProblem, ProfileError

Result = Made | ProfileError


@dataclass(frozen=True)
class Zipped:
    """A ZIP of the good rows' files, their names in row order, and the bad rows' errors."""

    data: bytes
    names: tuple[str, ...]
    errors: tuple[ProfileError, ...]


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that is not one plain name in the folder. What is already
    at that name is not followed: write_atomically refuses a link, folder or device there."""
    if name in ("", ".", "..") or any(mark in name for mark in "/\\\0"):
        raise ValueError(f"unsafe file name {name!r}")
    return folder / name


def write_into(folder: Path, results: Iterable[Result]) -> Iterator[Result]:
    """Write each Made file whole into the folder (atomically), passing every result on; a file
    that cannot be written (a link or folder at its name, a full disk) becomes its row's error,
    and the next rows are still written."""
    for result in results:
        if isinstance(result, Made):
            try:
                write_atomically(inside(folder, result.name), result.data)
            except (OSError, ValueError) as exc:
                reason = getattr(exc, "strerror", None) or str(exc)
                problem = FieldProblem("file", f"{result.name} could not be written ({reason})")
                result = ProfileError([problem], result.row)
        yield result


def zip_files(results: Iterable[Result], progress: Callable[[int], None] | None = None) -> Zipped:
    """Every Made file in one ZIP; `progress` hears how many results are done after each one."""
    names, errors = [], []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, result in enumerate(results, start=1):
            if isinstance(result, Made):
                archive.writestr(result.name, result.data)
                names.append(result.name)
            else:
                errors.append(result)
            if progress:
                progress(done)
    return Zipped(buffer.getvalue(), tuple(names), tuple(errors))
