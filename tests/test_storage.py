"""The storage layer on SQLite files and, where Debian's PostgreSQL is installed, a real server."""

import re
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

import storage.engine
from planner.log_entry import LogEntry
from storage import NotFound, PersonRecord, StoreError, dispose_engines, open_store
from storage.models import Base, ClinicRow
from tests import pg_server, storage_helpers
from tests.storage_helpers import START, entry, profile

# The shared fixtures, named here so pytest finds them for this module's tests.
fresh_engines, postgres, url = pg_server.fresh_engines, pg_server.postgres, pg_server.url
store = storage_helpers.store

REPO = Path(__file__).resolve().parent.parent


def test_a_saved_person_comes_back_with_the_same_profile(store):
    """get_person returns the profile and programme start that were saved."""
    person_id = store.save_person(profile("Ann", pain=7), START)
    person = store.get_person(person_id)
    assert (person.id, person.name, person.programme_start) == (person_id, "Ann", START)
    assert person.profile == profile("Ann", pain=7)


def test_people_are_listed_by_name_whatever_the_case(store):
    """list_people sorts by name, ignoring upper and lower case."""
    for name in ["cara", "Bea", "Abe"]:
        store.save_person(profile(name), START)
    summaries = store.list_people()
    assert [s.name for s in summaries] == ["Abe", "Bea", "cara"]
    assert all(s.programme_start == START and s.updated_at.tzinfo for s in summaries)


def test_saving_with_an_id_updates_that_person(store):
    """Saving with person_id replaces the profile, name and start; no new person appears."""
    person_id = store.save_person(profile("Ann"), START)
    assert store.save_person(profile("Anne", pain=2), START + timedelta(7), person_id) == person_id
    person = store.get_person(person_id)
    assert (person.name, person.profile.pain, person.programme_start) == (
        "Anne",
        2,
        date(2026, 1, 12),
    )
    assert len(store.list_people()) == 1


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [(None, None, "name: a name is required"), ("Ann", "Ann", "name: someone called 'Ann'")],
)
def test_a_person_needs_a_name_of_their_own(store, first, second, message):
    """A profile without a name, or with a name already saved, is refused with a clear message."""
    with pytest.raises(StoreError, match=message):
        if first:
            store.save_person(profile(first), START)
        store.save_person(profile(second), START)


def test_logging_a_day_again_replaces_the_entry_and_the_log_is_in_day_order(store):
    """save_log upserts by day, and log_for lists the days in order."""
    person_id = store.save_person(profile(), START)
    for offset in (2, 0, 1):
        store.save_log(person_id, entry(START + timedelta(offset), pain_before=5))
    store.save_log(person_id, entry(START, "partly", pain_before=6, note="stiff"))
    log = store.log_for(person_id)
    assert [e.day for e in log] == [START, START + timedelta(1), START + timedelta(2)]
    assert log[0] == entry(START, "partly", pain_before=6, note="stiff")


def test_deleting_a_log_day_removes_only_that_day(store):
    """delete_log removes the one day; deleting a day never logged is harmless."""
    person_id = store.save_person(profile(), START)
    store.save_log(person_id, entry(START))
    store.save_log(person_id, entry(START + timedelta(1)))
    store.delete_log(person_id, START)
    store.delete_log(person_id, START + timedelta(30))
    assert [e.day for e in store.log_for(person_id)] == [START + timedelta(1)]


def test_deleting_a_person_deletes_their_log(store, url):
    """delete_person removes the person and every log row of theirs."""
    keep = store.save_person(profile("Keep"), START)
    gone = store.save_person(profile("Gone"), START)
    for person_id in (keep, gone):
        store.save_log(person_id, entry(START))
    store.delete_person(gone)
    assert [s.name for s in store.list_people()] == ["Keep"]
    with storage.engine.connect(url).engine.connect() as connection:
        assert connection.execute(text("SELECT person_id FROM session_log")).all() == [(keep,)]


CALLS = {
    "get_person": lambda s, i: s.get_person(i),
    "save_person": lambda s, i: s.save_person(profile("Other"), START, i),
    "delete_person": lambda s, i: s.delete_person(i),
    "save_log": lambda s, i: s.save_log(i, entry(START)),
    "log_for": lambda s, i: s.log_for(i),
    "delete_log": lambda s, i: s.delete_log(i, START),
}


@pytest.mark.parametrize("call", CALLS)
def test_unknown_ids_raise_not_found(store, call):
    """Every method given an id that does not exist raises NotFound."""
    with pytest.raises(NotFound, match="No saved person with id 999"):
        CALLS[call](store, 999)


@pytest.mark.parametrize("call", CALLS)
def test_another_owner_can_neither_see_nor_change_a_person(url, call):
    """Store B gets NotFound for A's person, and A's person and log stay as they were."""
    alice, bob = open_store(url, owner="alice"), open_store(url, owner="bob")
    person_id = alice.save_person(profile("Ann"), START)
    alice.save_log(person_id, entry(START, note="mine"))
    with pytest.raises(NotFound):
        CALLS[call](bob, person_id)
    assert bob.list_people() == []
    assert alice.get_person(person_id).name == "Ann"
    assert alice.log_for(person_id) == [entry(START, note="mine")]


def test_a_new_engine_on_the_same_database_sees_every_row(url):
    """After the engines are dropped (as on an app restart) all people and logs are still there."""
    first = open_store(url)
    person_id = first.save_person(profile(), START)
    first.save_log(person_id, entry(START, pain_after=2))
    dispose_engines()
    again = open_store(url)
    assert [s.id for s in again.list_people()] == [person_id]
    assert again.log_for(person_id) == [entry(START, pain_after=2)]


def test_a_fresh_process_reads_what_this_one_wrote(tmp_path):
    """A separate Python process opening the same SQLite file finds the saved person and log."""
    url = f"sqlite:///{tmp_path / 'backplan.db'}"
    store = open_store(url)
    store.save_log(store.save_person(profile("Ann"), START), entry(START))
    code = (
        f"from storage import open_store; s = open_store({url!r}); p = s.list_people()[0]; "
        "print(p.name, len(s.log_for(p.id)))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert out.stdout.strip() == "Ann 1", out.stderr


def test_many_threads_writing_at_once_lose_nothing(store):
    """8 threads x 25 log entries at once: every row is saved and no write fails."""
    people = [store.save_person(profile(f"P{n}"), START) for n in range(4)]
    errors = []

    def write(thread: int) -> None:
        for k in range(25):
            day = START + timedelta(days=(thread // 4) * 25 + k)
            try:
                store.save_log(people[thread % 4], entry(day, pain_before=k % 11))
            except Exception as exc:  # collected and asserted below
                errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [len(store.log_for(p)) for p in people] == [50, 50, 50, 50]


def test_an_import_that_fails_halfway_writes_nothing(store):
    """A bad row after good ones (refused by the database) rolls back the whole transaction."""
    kept = store.save_person(profile("Kept"), START)
    store.save_log(kept, entry(START, note="before"))
    bad = LogEntry.model_construct(**entry(START).model_dump() | {"status": "bogus"})
    records = [
        PersonRecord(profile("New"), START, (entry(START),)),
        PersonRecord(profile("Kept", pain=9), START, (entry(START, note="after"), bad)),
    ]
    with pytest.raises(StoreError, match="refused"):
        store.import_people(records, overwrite=True)
    assert [s.name for s in store.list_people()] == ["Kept"]
    assert store.get_person(kept).profile == profile("Kept")
    assert store.log_for(kept) == [entry(START, note="before")]


def clinic_row(store, name: str) -> ClinicRow:
    return ClinicRow(owner=store.owner, name=name, contact="", updated_at=datetime.now(UTC))


def test_a_write_transaction_commits_when_its_block_ends_and_a_read_sees_it(store):
    """store.writing() commits on leaving the block; store.reading() finds the row afterwards."""
    with store.writing() as session:
        session.add(clinic_row(store, "Written"))
    with store.reading() as session:
        assert session.scalars(select(ClinicRow.name)).all() == ["Written"]


def test_an_error_inside_a_write_transaction_rolls_all_of_it_back(store):
    """A row already flushed is gone when the block raises; the error itself comes out as it was."""
    with pytest.raises(RuntimeError, match="stop"), store.writing() as session:
        session.add(clinic_row(store, "Half"))
        session.flush()
        raise RuntimeError("stop")
    with store.reading() as session:
        assert session.scalars(select(ClinicRow)).all() == []


def test_a_database_error_inside_a_transaction_becomes_a_store_error(store):
    """The Store's own error handling: a failing statement gives StoreError, not SQLAlchemy's."""
    with pytest.raises(StoreError, match="could not be reached"), store.reading() as session:
        session.execute(text("SELECT * FROM no_such_table"))


def test_on_sqlite_a_write_transaction_holds_the_write_lock_from_its_start(tmp_path):
    """writing() begins with BEGIN IMMEDIATE, so another writer waits from the first statement;
    reading() takes no write lock."""
    path = tmp_path / "backplan.db"
    store = open_store(f"sqlite:///{path}")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with store.reading() as session:
        session.execute(text("SELECT 1"))
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    with store.writing() as session:
        session.execute(text("SELECT 1"))
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()


def test_only_the_store_itself_touches_its_private_members():
    """Other modules use store.reading() and store.writing(), never the Store's private parts."""
    private = re.compile(r"\._(transaction|session|read|write)\b")
    code = [p for folder in ("storage", "pages", "planner") for p in (REPO / folder).rglob("*.py")]
    offenders = [p.name for p in code if p.name != "store.py" and private.search(p.read_text())]
    assert offenders == []


def test_a_stored_profile_that_no_longer_validates_gives_a_clear_error(store, url):
    """A row changed behind the app's back raises StoreError naming the person, not a crash."""
    person_id = store.save_person(profile("Ann"), START)
    with storage.engine.connect(url).engine.begin() as connection:
        connection.execute(text("UPDATE people SET profile_json = '{\"age\": 5}'"))
    with pytest.raises(StoreError, match="saved profile of Ann no longer passes"):
        store.get_person(person_id)


def test_a_corrupt_sqlite_file_is_kept_aside_and_a_fresh_one_made(tmp_path, monkeypatch):
    """Garbage in backplan.db: open_store works, and recovered_from holds the garbage bytes."""
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    garbage = b"this is not a database\x00\xff" * 200
    (tmp_path / "data" / "backplan.db").write_bytes(garbage)
    store = open_store()
    assert store.recovered_from is not None
    assert store.recovered_from.name.startswith("backplan.db.corrupt-")
    assert store.recovered_from.read_bytes() == garbage
    store.save_person(profile(), START)
    assert len(store.list_people()) == 1
    dispose_engines()
    assert open_store().recovered_from is None


def test_the_database_url_setting_wins_over_the_data_folder(tmp_path, monkeypatch):
    """BACKPLAN_DATABASE_URL is used when set; the data folder is then left alone."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path / "unused"))
    monkeypatch.setenv("BACKPLAN_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    open_store().save_person(profile(), START)
    assert (tmp_path / "other.db").exists() and not (tmp_path / "unused").exists()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    """Every SQLite connection has WAL journaling, foreign keys on, a 5 s busy timeout and
    secure_delete (deleted rows are overwritten)."""
    url = f"sqlite:///{tmp_path / 'backplan.db'}"
    open_store(url)
    with storage.engine.connect(url).engine.connect() as connection:
        pragmas = [
            connection.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "foreign_keys", "busy_timeout", "secure_delete")
        ]
    assert pragmas == ["wal", 1, 5000, 1]


def test_a_fresh_database_is_at_the_newest_migration_and_matches_the_models(store, url):
    """alembic_version holds the head revision, and the tables are exactly what models.py says."""
    head = ScriptDirectory.from_config(storage.engine.alembic_config()).get_current_head()
    with storage.engine.connect(url).engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head == "0004"
        assert "alembic_version" in inspect(connection).get_table_names()
        assert compare_metadata(context, Base.metadata) == []


def test_opening_again_and_migrating_down_and_up_keeps_the_database_working(store, url):
    """open_store twice is harmless, and the migration can be undone and redone."""
    store.save_person(profile(), START)
    dispose_engines()
    assert [s.name for s in open_store(url).list_people()] == ["Alex Example"]
    config = storage.engine.alembic_config()
    with storage.engine.connect(url).writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        command.upgrade(config, "head")
    assert open_store(url).list_people() == []
