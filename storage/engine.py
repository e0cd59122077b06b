"""Database connections: one engine per URL per process, migrated to the newest schema.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every write transaction starts
with BEGIN IMMEDIATE, so writers from several threads or processes queue instead of failing with
"database is locked". A SQLite file that is not a database (or is damaged) is moved aside, never
deleted, and a fresh one is made; the kept path is reported so the app can tell the user.
"""

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text

from storage.settings import sqlite_file

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "backplan_write"  # execution option: this transaction will write
MIGRATION_LOCK_KEY = 7_142_001  # PostgreSQL advisory lock: one process migrates at a time
# Per process, for a server database: up to 10 connections, so a few app servers stay well under
# PostgreSQL's default max_connections of 100. Pre-ping drops connections the server has closed.
SERVER_POOL = {
    "pool_size": 5,
    "max_overflow": 5,
    "pool_timeout": 10,
    "pool_pre_ping": True,
    "pool_recycle": 1800,
}
CORRUPT_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


class DatabaseFileError(Exception):
    """The SQLite file could not be checked (busy, no permission); it was left where it is."""


@dataclass(frozen=True)
class Database:
    """A ready engine (migrated to head), its writer variant, and any corrupt file moved aside."""

    engine: Engine
    writer: Engine
    recovered_from: Path | None


_DATABASES: dict[str, Database] = {}
_LOCK = threading.Lock()


def connect(url: str) -> Database:
    """The process-wide Database for `url`, created and migrated on first use."""
    with _LOCK:
        database = _DATABASES.get(url)
        if database is None:
            database = _DATABASES[url] = _open(url)
        return database


def dispose_engines() -> None:
    """Close every cached engine (at shutdown, or in tests to act like a restart)."""
    with _LOCK:
        for database in _DATABASES.values():
            database.engine.dispose()
        _DATABASES.clear()


def alembic_config() -> Config:
    """Alembic's configuration, in code: the scripts live in storage/migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    return config


def _open(url: str) -> Database:
    path = sqlite_file(url)
    recovered = None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        recovered = recover_sqlite_file(path, datetime.now())
        engine = create_engine(url)
        _set_up_sqlite(engine)
    else:
        engine = create_engine(url, **SERVER_POOL)
    writer = engine.execution_options(**{WRITE_OPTION: True})
    try:
        _upgrade_to_head(writer)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine=engine, writer=writer, recovered_from=recovered)


def _set_up_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN off: _on_begin decides
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={BUSY_TIMEOUT_MS}"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _upgrade_to_head(writer: Engine) -> None:
    config = alembic_config()
    with writer.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def recover_sqlite_file(path: Path, now: datetime) -> Path | None:
    """Move a corrupt SQLite file (and its -wal/-shm) aside; return the kept path, else None."""
    if not path.exists() or path.stat().st_size == 0:
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
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, kept.with_name(kept.name + suffix))
    log.warning("%s could not be read (%s); kept it as %s and started afresh", path, problem, kept)
    return kept


def _sqlite_problem(path: Path) -> str | None:
    """Why the file is not a usable SQLite database, or None when it is fine."""
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in CORRUPT_ERRORS:
            return str(exc)
        raise DatabaseFileError(f"could not open {path}: {exc}") from exc
    return None if result and result[0] == "ok" else f"integrity check: {result and result[0]}"
