"""Database connections: one engine per URL per process, migrated to the newest schema.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every write transaction starts
with BEGIN IMMEDIATE, so writers from several threads or processes queue instead of failing with
"database is locked". A SQLite file that is not a database, is damaged, is empty or has another
database's -wal beside it is moved aside, never deleted, and a fresh one is made; the kept path is
reported so the app can tell the user (storage/sqlite_file.py).

A server database (PostgreSQL, shared by several app servers) gets a pre-pinged, recycled pool
sized by BACKPLAN_DB_POOL_SIZE and BACKPLAN_DB_MAX_OVERFLOW; opening it is retried a few times
while the server refuses connections (it may still be starting), and the migrations run under an
advisory lock, so servers starting together migrate one after the other.
"""

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from storage.settings import sqlite_file
from storage.sqlite_file import (
    BUSY_TIMEOUT_MS,
    DatabaseOpenError,
    prepare_sqlite_file,
    recover_sqlite_file,
)

if TYPE_CHECKING:  # Alembic is imported when a database is first opened, not with this module:
    from alembic.config import Config  # it is a quarter of a second the Home page need not wait

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WRITE_OPTION = "backplan_write"  # execution option: this transaction will write
MIGRATION_LOCK_KEY = 7_142_001  # PostgreSQL advisory lock: one process migrates at a time
POOL_SIZE_ENV = "BACKPLAN_DB_POOL_SIZE"
MAX_OVERFLOW_ENV = "BACKPLAN_DB_MAX_OVERFLOW"
# Per process, for a server database: by default up to 5 + 5 connections, so a few app servers
# stay well under PostgreSQL's default max_connections of 100. Pre-ping drops connections the
# server has closed; recycling after 30 minutes outlives idle timeouts of proxies.
POOL_DEFAULTS = {"pool_size": 5, "max_overflow": 5}
POOL_LIMITS = {"pool_size": (1, 100), "max_overflow": (0, 100)}
SERVER_POOL = {"pool_timeout": 10, "pool_pre_ping": True, "pool_recycle": 1800}
RETRY_DELAYS = (0.2, 0.5, 1.0)  # seconds before the 2nd, 3rd and 4th try to open a server database
# secure_delete: deleted rows are overwritten with zeros, so "delete all my data" leaves no trace
# in the file (once the WAL is checkpointed) rather than in free pages.
SQLITE_PRAGMAS = (
    "journal_mode=WAL",
    "foreign_keys=ON",
    f"busy_timeout={BUSY_TIMEOUT_MS}",
    "secure_delete=ON",
)


class DatabaseSettingError(DatabaseOpenError):
    """A pool setting in the environment is not a whole number in its range."""


class DatabaseUnreachable(Exception):
    """The database server refused every try to connect (or to migrate)."""


class SchemaMismatch(Exception):
    """The database's schema revision is not one this BackPlan knows (e.g. from a newer one)."""


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
            database = _DATABASES[url] = _open_with_retries(url)
        return database


def pool_settings(environ: Mapping[str, str] = os.environ) -> dict:
    """The pool of a server database: sizes from the environment, then the fixed settings."""
    sizes = {}
    for key, name in (("pool_size", POOL_SIZE_ENV), ("max_overflow", MAX_OVERFLOW_ENV)):
        raw = environ.get(name, "").strip()
        low, high = POOL_LIMITS[key]
        if not raw:
            sizes[key] = POOL_DEFAULTS[key]
        elif raw.isdigit() and low <= int(raw) <= high:
            sizes[key] = int(raw)
        else:
            raise DatabaseSettingError(f"{name}: must be a whole number from {low} to {high}")
    return sizes | SERVER_POOL


def dispose_engines() -> None:
    """Close every cached engine (at shutdown, or in tests to act like a restart)."""
    with _LOCK:
        for database in _DATABASES.values():
            database.engine.dispose()
        _DATABASES.clear()


def alembic_config() -> "Config":
    """Alembic's configuration, in code: the scripts live in storage/migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    return config


def _open_with_retries(url: str) -> Database:
    """_open, tried again after each of RETRY_DELAYS while a server database refuses us."""
    if make_url(url).get_backend_name() == "sqlite":
        return _open(url)
    for attempt, delay in enumerate(RETRY_DELAYS, start=1):
        try:
            return _open(url)
        except OperationalError as exc:
            log.warning("database not reachable (try %d): %s", attempt, exc.orig)
            time.sleep(delay)
    try:
        return _open(url)
    except OperationalError as exc:
        tries = len(RETRY_DELAYS) + 1
        raise DatabaseUnreachable(f"{tries} tries failed: {exc.orig}") from exc


def _open(url: str) -> Database:
    path = sqlite_file(url)
    recovered = None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        recovered = recover_sqlite_file(path, datetime.now())
        identity = prepare_sqlite_file(path)
        engine = create_engine(url)
        _set_up_sqlite(engine, identity)
    else:
        engine = create_engine(url, **pool_settings())
    writer = engine.execution_options(**{WRITE_OPTION: True})
    try:
        _upgrade_to_head(writer)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine=engine, writer=writer, recovered_from=recovered)


def _set_up_sqlite(engine: Engine, identity: int) -> None:
    """Pragmas on every connection; a write transaction takes the write lock at once and writes
    the database's identity again (so its header page is in the -wal: see sqlite_file.py)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # the driver's own BEGIN off: _on_begin decides
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if write:
            connection.exec_driver_sql(f"PRAGMA user_version = {identity}")


def _upgrade_to_head(writer: Engine) -> None:
    """Migrate in one transaction; on PostgreSQL first wait for the migration lock, held until
    commit or rollback (also if the process dies), so a second server finds the work done.
    A revision Alembic does not know raises SchemaMismatch."""
    from alembic import command
    from alembic.util import CommandError

    config = alembic_config()
    with writer.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            raise SchemaMismatch(str(exc)) from exc
