"""The Store: saved people and their session logs, scoped to one owner (an account).

Each method is one short transaction: it commits whole or, on any error, leaves the database as it
was. Other storage modules (audit, clinic) run their own queries in the same kind of transaction
through `Store.reading()` and `Store.writing()`.

Profiles are stored as JSON and validated again on every read, so a row written by an older
version that no longer passes the checks gives a clear StoreError instead of a crash.
"""

import json
import logging
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from planner.log_entry import LogEntry, LogEntryError, parse_log_entry
from planner.profile import Profile, ProfileError, parse_profile
from storage.engine import (
    Database,
    DatabaseOpenError,
    DatabaseUnreachable,
    SchemaMismatch,
    connect,
)
from storage.models import ID_MAX, OWNER_MAX, ClinicRow, LogRow, PersonRow
from storage.records import (
    ImportConflict,
    NameTaken,
    NotFound,
    Person,
    PersonChanged,
    PersonGone,
    PersonRecord,
    PersonRef,
    PersonSummary,
    StoreError,
    Who,
)
from storage.settings import database_url

log = logging.getLogger(__name__)


def open_store(url: str | None = None, owner: str = "local") -> "Store":
    """A Store on `url` (default: settings.database_url()), migrated to the newest schema."""
    try:
        database = connect(url or database_url())
    except DatabaseOpenError as exc:
        raise StoreError(f"The saved data cannot be opened: {exc}") from exc
    except DatabaseUnreachable as exc:
        log.error("the database server did not answer: %s", exc)
        raise StoreError(
            "The database server is not answering just now; please try again in a minute."
        ) from exc
    except SchemaMismatch as exc:  # e.g. a revision from a newer BackPlan
        raise StoreError(f"The saved data does not match this version of BackPlan: {exc}") from exc
    except (SQLAlchemyError, OSError) as exc:
        log.exception("opening the database failed")
        raise StoreError(f"The saved data cannot be opened ({type(exc).__name__}).") from exc
    return Store(database, owner)


class Store:
    """Saved people and logs of one owner."""

    def __init__(self, database: Database, owner: str):
        if not owner or len(owner) > OWNER_MAX:
            raise StoreError(f"owner: must be 1 to {OWNER_MAX} characters")
        self.owner = owner
        self.recovered_from: Path | None = database.recovered_from
        self._read = sessionmaker(database.engine, expire_on_commit=False)
        self._write = sessionmaker(database.writer, expire_on_commit=False)

    def list_people(self) -> list[PersonSummary]:
        """Everyone saved by this owner, sorted by name."""
        query = (
            select(*SUMMARY_COLUMNS)
            .where(PersonRow.owner == self.owner)
            .order_by(func.lower(PersonRow.name), PersonRow.name, PersonRow.id)
        )
        with self.reading() as session:
            rows = session.execute(query).all()
        return [summary_of(row) for row in rows]

    def save_person(
        self, profile: Profile, programme_start: date, person: Who | None = None
    ) -> int:
        """Save a new person (person None) or replace one's profile (a new version); return
        the id."""
        name = _name_of(profile)
        with self.writing() as session:
            row = None if person is None else self._row(session, person, lock=True)
            self._check_name_free(session, name, None if row is None else row.id)
            if row is None:
                return self._new_row(session, profile, programme_start).id
            _fill(row, profile, programme_start)
            row.version += 1
            return row.id

    def get_person(self, person_id: int) -> Person:
        """One saved person, profile validated again."""
        with self.reading() as session:
            row = self._row(session, person_id)
        return Person(row.id, row.name, profile_of(row), row.programme_start, row.version)

    def delete_person(self, person: Who) -> None:
        """Delete a person and their whole log."""
        with self.writing() as session:
            row = self._row(session, person, lock=True)
            session.execute(delete(LogRow).where(LogRow.person_id == row.id))
            session.delete(row)

    def delete_everything(self) -> int:
        """Delete every person, log row and the clinic header of this owner in one transaction;
        return how many people were removed. Other owners' rows and the audit trail stay."""
        mine = select(PersonRow.id).where(PersonRow.owner == self.owner)
        with self.writing() as session:
            session.execute(delete(LogRow).where(LogRow.person_id.in_(mine)))
            people = session.execute(delete(PersonRow).where(PersonRow.owner == self.owner))
            session.execute(delete(ClinicRow).where(ClinicRow.owner == self.owner))
        return people.rowcount

    def save_log(self, person: Who, entry: LogEntry) -> None:
        """Record a day of the log; a day already logged is replaced (the version of the
        person's answers stays)."""
        if not isinstance(entry, LogEntry):
            raise StoreError("log entry: expected a LogEntry")
        with self.writing() as session:
            row = self._row(session, person, lock=True)
            _upsert_log(session, row.id, entry.model_dump())
            row.updated_at = _now()

    def log_for(self, person_id: int) -> list[LogEntry]:
        """A person's log, oldest day first."""
        with self.reading() as session:
            person = self._row(session, person_id)
            query = select(LogRow).where(LogRow.person_id == person.id).order_by(LogRow.day)
            rows = session.scalars(query).all()
        return [entry_of(person.name, r) for r in rows]

    def delete_log(self, person: Who, day: date) -> None:
        """Remove one day from a person's log (no error if that day was not logged)."""
        with self.writing() as session:
            row = self._row(session, person, lock=True)
            session.execute(delete(LogRow).where(LogRow.person_id == row.id, LogRow.day == day))
            row.updated_at = _now()

    def import_people(
        self, records: Sequence[PersonRecord], overwrite: bool = False
    ) -> tuple[list[str], list[str]]:
        """Add people with their logs in one transaction; return (added names, replaced names)."""
        names = [_name_of(r.profile) for r in records]
        with self.writing() as session:
            mine = PersonRow.owner == self.owner
            query = select(PersonRow).where(mine, PersonRow.name.in_(names))
            existing = {row.name: row for row in session.scalars(query)}
            if existing and not overwrite:
                raise ImportConflict([n for n in names if n in existing])
            for name, record in zip(names, records, strict=True):
                row = existing.get(name)
                if row is None:
                    row = self._new_row(session, record.profile, record.programme_start)
                else:
                    session.execute(delete(LogRow).where(LogRow.person_id == row.id))
                    _fill(row, record.profile, record.programme_start)
                session.add_all(LogRow(person_id=row.id, **e.model_dump()) for e in record.log)
            session.flush()
        return [n for n in names if n not in existing], [n for n in names if n in existing]

    def reading(self) -> AbstractContextManager[Session]:
        """A session in one transaction for queries only (no write lock is taken: write in
        `writing`); database errors become StoreError. Queries must scope themselves to this
        store's owner (`where(Row.owner == store.owner)`)."""
        return self._transaction(self._read)

    def writing(self) -> AbstractContextManager[Session]:
        """A session in one write transaction (BEGIN IMMEDIATE on SQLite, so writers queue),
        committed when the block ends and rolled back on any error; database errors become
        StoreError. Rows must be scoped to this store's owner, as in `reading`."""
        return self._transaction(self._write)

    @contextmanager
    def _transaction(self, maker: sessionmaker) -> Iterator[Session]:
        """A session of `maker` in one transaction, with the Store's error handling."""
        try:
            with maker.begin() as session:
                yield session
        except IntegrityError as exc:
            log.warning("refused by the database: %s", exc)
            raise StoreError("The database refused a value that breaks its rules.") from exc
        except SQLAlchemyError as exc:
            log.exception("database error")
            raise StoreError(
                "The saved data could not be reached just now; please try again."
            ) from exc

    def _row(self, session: Session, person: Who, lock: bool = False) -> PersonRow:
        """The owner's row for an id, or for a PersonRef of the version it names; `lock` keeps
        others from changing the row until this transaction ends (SQLite locks the file)."""
        person_id = person.id if isinstance(person, PersonRef) else person
        row = None
        if isinstance(person_id, int) and 0 < person_id <= ID_MAX:
            mine = PersonRow.owner == self.owner
            query = select(PersonRow).where(PersonRow.id == person_id, mine)
            row = session.scalars(query.with_for_update() if lock else query).one_or_none()
        if row is None:
            raise (
                PersonGone()
                if isinstance(person, PersonRef)
                else NotFound(f"No saved person with id {person_id!r}.")
            )
        if isinstance(person, PersonRef) and row.version != person.version:
            raise PersonChanged()
        return row

    def _new_row(self, session: Session, profile: Profile, programme_start: date) -> PersonRow:
        row = PersonRow(owner=self.owner, created_at=_now())
        _fill(row, profile, programme_start)
        session.add(row)
        session.flush()
        return row

    def _check_name_free(self, session: Session, name: str, person_id: int | None) -> None:
        query = select(PersonRow.id).where(PersonRow.owner == self.owner, PersonRow.name == name)
        other = session.scalars(query).first()
        if other is not None and other != person_id:
            raise NameTaken(name)


# What a PersonSummary shows, read as plain rows (not the profile's JSON, nor ORM objects: a
# list of thousands of people stays quick).
SUMMARY_COLUMNS = (
    PersonRow.id,
    PersonRow.name,
    PersonRow.programme_start,
    PersonRow.updated_at,
    PersonRow.version,
)


def summary_of(row) -> PersonSummary:
    """A row of SUMMARY_COLUMNS (or a whole PersonRow) as a PersonSummary."""
    return PersonSummary(row.id, row.name, row.programme_start, _aware(row.updated_at), row.version)


def _fill(row: PersonRow, profile: Profile, programme_start: date) -> None:
    if not isinstance(programme_start, date) or isinstance(programme_start, datetime):
        raise StoreError("programme_start: must be a date")
    row.name = _name_of(profile)
    row.profile_json = json.dumps(profile.model_dump(mode="json"), ensure_ascii=False)
    row.programme_start = programme_start
    row.updated_at = _now()


def _upsert_log(session: Session, person_id: int, values: dict) -> None:
    """Insert the day's row or replace it: one statement on SQLite and PostgreSQL."""
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        statement = insert(LogRow).values(person_id=person_id, **values)
        changes = {k: statement.excluded[k] for k in values if k != "day"}
        session.execute(
            statement.on_conflict_do_update(index_elements=["person_id", "day"], set_=changes)
        )
        return
    query = select(LogRow).where(LogRow.person_id == person_id, LogRow.day == values["day"])
    row = session.scalars(query).one_or_none() or LogRow(person_id=person_id)
    for key, value in values.items():
        setattr(row, key, value)
    session.add(row)


def _name_of(profile: Profile) -> str:
    if not isinstance(profile, Profile):
        raise StoreError("profile: expected a validated Profile")
    if not profile.name:
        raise StoreError("name: a name is required to save a person")
    return profile.name


def profile_of(row: PersonRow) -> Profile:
    """A row's profile, validated again (StoreError naming the person when it fails)."""
    try:
        return parse_profile(json.loads(row.profile_json))
    except (ProfileError, ValueError) as exc:
        raise StoreError(
            f"The saved profile of {row.name} no longer passes the checks ({exc}). "
            "Enter the profile again and save it."
        ) from None


def entry_of(name: str, row: LogRow) -> LogEntry:
    """A log row as a LogEntry, validated again (StoreError naming the person and day)."""
    fields = ("day", "week", "status", "pain_before", "pain_after", "note")
    try:
        return parse_log_entry({f: getattr(row, f) for f in fields})
    except LogEntryError as exc:
        raise StoreError(f"The log of {name} has a bad entry for {row.day}: {exc}") from None


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
