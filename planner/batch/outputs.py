"""The two outputs of a batch job: files written into a folder (the command line) and a ZIP in
memory (the page). Both take `produce`'s results as they stream out."""

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.batch.job import Made
from planner.files.atomic import write_atomically
from planner.profile import ProfileError

Result = Made | ProfileError


@dataclass(frozen=True)
class Zipped:
    """A ZIP of the good rows' files, their names in row order, and the bad rows' errors."""

    data: bytes
    names: tuple[str, ...]
    errors: tuple[ProfileError, ...]


def inside(folder: Path, name: str) -> Path:
    """folder/name, refusing any name that would land outside the folder."""
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise ValueError(f"unsafe file name {name!r}")
    return path


def write_into(folder: Path, results: Iterable[Result]) -> Iterator[Result]:
    """Write each Made file whole into the folder (atomically), passing every result on."""
    for result in results:
        if isinstance(result, Made):
            write_atomically(inside(folder, result.name), result.data)
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
