"""Writing files whole or not at all: a crash, an error, even SIGKILL never leaves half a file.

The bytes go to a file with no name yet (Linux's O_TMPFILE) and are flushed to disk; only then
does the file get its name, in one step. Where the folder cannot hold a nameless file, a hidden
temporary file beside the target is renamed into place, and removed on any error. Only a regular
file or a new path is written: a folder, symbolic link, pipe, device or socket is refused untouched
(renaming over `/dev/null` or a symlink would replace it with a regular file).
"""

import errno
import os
import secrets
import stat
import tempfile
from pathlib import Path

NOT_FILES = {
    stat.S_IFDIR: "a folder",
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}
TEMP_STEM_BYTES = 100  # of the target's name in a temporary name: names are at most 255 bytes
PROC_FD = Path("/proc/self/fd")  # how a nameless file is given a name (see open(2), O_TMPFILE)
NO_TMPFILE = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL)  # a filesystem without O_TMPFILE


class NotARegularFile(OSError):
    """The path holds something a written file must not replace."""


def check_replaceable(path: Path | str, folder: int | None = None) -> None:
    """Refuse a path (in the `folder` descriptor, if given) that exists and is not a regular
    file, without opening it."""
    try:
        kind = stat.S_IFMT(os.stat(path, dir_fd=folder, follow_symlinks=False).st_mode)
    except FileNotFoundError:
        return
    if kind != stat.S_IFREG:
        what = NOT_FILES.get(kind, "not a regular file")
        raise NotARegularFile(f"it is {what}; give a regular file or a new path")


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole: a new file appears complete, an old one is replaced whole."""
    path = Path(path)
    check_replaceable(path)
    if not hasattr(os, "O_TMPFILE") or not PROC_FD.is_dir():
        _write_beside(path, data)
        return
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fd = _nameless_file(folder)
        if fd is None:
            _write_beside(path, data)
            return
        try:
            _write_all(fd, data)
            _name(fd, folder, path.name)
        finally:
            os.close(fd)
    finally:
        os.close(folder)


def _nameless_file(folder: int) -> int | None:
    """A new file without a name in the folder, or None where its filesystem cannot make one."""
    try:  # the mode is filtered by the umask, as for any new file
        return os.open(".", os.O_TMPFILE | os.O_WRONLY, 0o666, dir_fd=folder)
    except OSError as exc:
        if exc.errno in NO_TMPFILE:
            return None
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _name(fd: int, folder: int, name: str) -> None:
    """Give the written nameless file its name: a new name directly, an old file by rename.
    (A folder descriptor makes os.link use linkat, which follows /proc/self/fd's link.)"""
    source = str(PROC_FD / str(fd))
    try:
        os.link(source, name, dst_dir_fd=folder)
        return
    except FileExistsError:
        check_replaceable(name, folder)  # something else may have appeared there meanwhile
    temporary = f"{_temp_stem(name)}{secrets.token_hex(6)}.tmp"
    os.link(source, temporary, dst_dir_fd=folder)
    try:
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
    except BaseException:
        os.unlink(temporary, dir_fd=folder)
        raise


def _temp_stem(name: str) -> str:
    """'.<name>.' cut to TEMP_STEM_BYTES of UTF-8, so a long name's temporary name still fits."""
    cut = name.encode()[:TEMP_STEM_BYTES].decode(errors="ignore")
    return f".{cut}."


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_beside(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_temp_stem(path.name), suffix=".tmp")
    try:
        try:
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes files owner-only; use the usual mode
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
