"""The SQLite file (storage/sqlite_file.py): an empty file or another database's -wal is set
aside with the "damaged" message, never silently reused; the file's own -wal after a crash is
replayed as before (issue 13, finding 11)."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from storage import dispose_engines, open_store
from tests.storage_helpers import START, entry, profile


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """The app's data folder; open_store() uses the backplan.db in it."""
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    yield tmp_path / "data"
    dispose_engines()


def live_copy(source: Path, folder: Path) -> Path:
    """The database file and its -wal as they are on disk while the app runs (as after a crash)."""
    folder.mkdir(exist_ok=True)
    for suffix in ("", "-wal"):
        shutil.copyfile(source.with_name(source.name + suffix), folder / f"backplan.db{suffix}")
    return folder / "backplan.db"


def test_an_empty_database_file_is_kept_aside_as_damaged(data):
    """A 0-byte backplan.db is moved aside (recovered_from names it) and a fresh one made."""
    (data / "backplan.db").write_bytes(b"")
    store = open_store()
    assert store.recovered_from is not None
    assert store.recovered_from.name.startswith("backplan.db.corrupt-")
    assert store.recovered_from.stat().st_size == 0
    store.save_person(profile("Ann"), START)
    assert (data / "backplan.db").stat().st_size > 0


def test_another_databases_leftover_wal_is_kept_aside_and_never_replayed(data, tmp_path):
    """backplan.db with Ann, beside it the -wal of a database holding Mallory: the pair is set
    aside, Mallory appears nowhere, and the kept file still holds Ann."""
    open_store().save_person(profile("Ann"), START)
    dispose_engines()  # a clean close: Ann is in the file, no -wal is left
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    mallory = other.save_person(profile("Mallory"), START)
    other.save_log(mallory, entry(START))
    foreign = live_copy(tmp_path / "other.db", tmp_path / "crashed")
    shutil.copyfile(foreign.with_name("backplan.db-wal"), data / "backplan.db-wal")
    dispose_engines()
    store = open_store()
    assert store.recovered_from is not None
    assert store.list_people() == []
    assert store.recovered_from.with_name(store.recovered_from.name + "-wal").exists()
    alone = tmp_path / "kept.db"  # the kept file without that -wal
    shutil.copyfile(store.recovered_from, alone)
    assert [p.name for p in open_store(f"sqlite:///{alone}").list_people()] == ["Ann"]


def test_a_wal_holding_only_a_changed_log_day_is_still_known_as_foreign(data, tmp_path):
    """Even a -wal whose one write changed an existing row (no new page) is recognised, since
    every write transaction stamps the database's identity on its first page."""
    open_store().save_person(profile("Ann"), START)
    dispose_engines()
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    other = open_store(other_url)
    bo = other.save_person(profile("Bo"), START)
    other.save_log(bo, entry(START))
    dispose_engines()  # checkpointed: the next write is all the -wal holds
    other = open_store(other_url)
    other.save_log(bo, entry(START, note="changed"))
    shutil.copyfile(tmp_path / "other.db-wal", data / "backplan.db-wal")
    dispose_engines()
    assert open_store().recovered_from is not None


def test_the_databases_own_wal_after_a_crash_is_replayed(data, tmp_path):
    """A copy taken while the app runs (file and -wal, as a crash leaves them) opens with every
    row, and is not set aside."""
    store = open_store()
    ann = store.save_person(profile("Ann"), START)
    for day in range(3):
        store.save_log(ann, entry(START + timedelta(day)))
    copy = live_copy(data / "backplan.db", tmp_path / "crashed")
    reopened = open_store(f"sqlite:///{copy}")
    assert reopened.recovered_from is None
    assert len(reopened.log_for(ann)) == 3
