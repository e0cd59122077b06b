"""The SQLite file itself: made whole or not at all, known by an identity, set aside when it cannot
be trusted (never deleted, never silently reused).

A new file is made under a temporary name and linked into place, so nobody finds it half-made;
an empty (0-byte) file is therefore damage (a truncated copy, a full disk). Each database carries a
random identity in its header's user version, and every write transaction writes it again
(storage.engine), so the header page is in every write-ahead log: a leftover `-wal` whose header
page holds another identity belongs to another database and would replay its rows into this one.
Files from before identities (user version 0) cannot be compared and are trusted as before.
"""

import contextlib
import logging
import os
import secrets
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
CORRUPT_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
MAGIC = b"SQLite format 3\x00"
USER_VERSION_AT = 60  # the header's user version, 4 bytes big-endian (sqlite.org/fileformat2.html)
IDENTITY_MAX = 2**31 - 1  # the user version is a signed 32-bit number
SIDE_FILES = ("-wal", "-shm", "-journal")


class DatabaseOpenError(Exception):
    """The database cannot be opened as configured; the message says why."""


class DatabaseFileError(DatabaseOpenError):
    """The SQLite file could not be checked (busy, no permission); it was left where it is."""


def recover_sqlite_file(path: Path, now: datetime) -> Path | None:
    """Move a damaged SQLite file (and its -wal/-shm) aside; return the kept path, else None."""
    if not path.exists():
        return None
    problem = _sqlite_problem(path)
    if problem is None:
        return None
    kept = path.with_name(f"{path.name}.corrupt-{now:%Y%m%dT%H%M%S}")
    number = 1
    while kept.exists():
        kept = path.with_name(f"{path.name}.corrupt-{now:%Y%m%dT%H%M%S}-{number}")
        number += 1
    try:
        os.replace(path, kept)
    except FileNotFoundError:  # another process moved it first
        return None
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    log.warning("%s could not be read (%s); kept it as %s and started afresh", path, problem, kept)
    return kept


def prepare_sqlite_file(path: Path) -> int:
    """Make the database file if there is none, and return its identity (giving it one first
    under the write lock, so processes opening it together agree)."""
    try:
        _create(path)
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            identity = connection.execute("PRAGMA user_version").fetchone()[0]
            if identity == 0:
                identity = secrets.randbelow(IDENTITY_MAX) + 1
                connection.execute(f"PRAGMA user_version = {identity}")
            connection.execute("COMMIT")
        finally:
            connection.close()
    except (sqlite3.Error, OSError) as exc:
        raise DatabaseFileError(f"could not prepare {path}: {exc}") from exc
    return identity


def _create(path: Path) -> None:
    """An empty WAL database at `path` unless one is there, linked into place when whole."""
    if path.exists():
        return
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.new-")
    os.close(handle)
    try:
        connection = sqlite3.connect(temp)
        try:
            connection.execute("PRAGMA journal_mode=WAL")  # writes the header: no longer 0 bytes
        finally:
            connection.close()
        with contextlib.suppress(FileExistsError):  # another process made it first: theirs
            os.link(temp, path)
    finally:
        os.unlink(temp)


def _sqlite_problem(path: Path) -> str | None:
    """Why the file is not a usable database of its own, or None when it is fine."""
    if path.stat().st_size == 0:
        return "the file is empty (0 bytes)"
    try:
        problem = _foreign_wal(path)  # before any read-write connection replays that log
        if problem is None:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                result = connection.execute("PRAGMA quick_check").fetchone()
            finally:
                connection.close()
            ok = result and result[0] == "ok"
            problem = None if ok else f"integrity check: {result and result[0]}"
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in CORRUPT_ERRORS:
            return str(exc)
        raise DatabaseFileError(f"could not open {path}: {exc}") from exc
    return problem


def _foreign_wal(path: Path) -> str | None:
    """Why the leftover -wal is another database's, or None. The log is read through a read-only
    connection, which replays it in memory only (it cannot write it into the file)."""
    wal = path.with_name(path.name + "-wal")
    own = _header_identity(path)
    if not own or not wal.exists() or wal.stat().st_size == 0:
        return None
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        seen = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()
    return None if seen == own else "its -wal file belongs to another database"


def _header_identity(path: Path) -> int:
    """The identity in the file's own header (0: none, or not a SQLite file)."""
    with path.open("rb") as file:
        header = file.read(USER_VERSION_AT + 4)
    if not header.startswith(MAGIC) or len(header) < USER_VERSION_AT + 4:
        return 0
    return int.from_bytes(header[USER_VERSION_AT:], "big", signed=True)
