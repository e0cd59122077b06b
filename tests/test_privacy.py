"""Privacy in the storage layer: one account never reaches another's data, and deleting everything
leaves no row of the account behind. On SQLite and on a real PostgreSQL server.

Alice and Bob share one database; Alice knows (or guesses) the ids of Bob's people.
"""

import json
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

import storage.engine
import storage.store
from planner.log_entry import LogEntry
from storage import NotFound, dispose_engines, open_store
from storage.audit import entries, record
from storage.clinic import clear_clinic, get_clinic, set_clinic
from storage.models import ClinicRow, LogRow, PersonRow
from storage.transfer import export_all, import_all, to_json
from tests.pg_server import fresh_engines, postgres, url  # noqa: F401  (fixtures)
from tests.storage_helpers import START, entry, profile

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TABLES = (PersonRow, LogRow, ClinicRow)


def rows(url: str) -> dict[str, set[tuple]]:  # noqa: F811
    """Every row of the people, session_log and clinic_header tables, read straight from SQL."""
    with storage.engine.connect(url).engine.connect() as connection:
        return {
            model.__tablename__: {
                tuple(row) for row in connection.execute(select(*model.__table__.columns))
            }
            for model in TABLES
        }


def fill(store, names: list[str], note: str) -> list[int]:
    """Save people with three logged days each and a clinic header; return their ids."""
    ids = []
    for name in names:
        person_id = store.save_person(profile(name, pain=7), START)
        for offset in range(3):
            store.save_log(person_id, entry(START + timedelta(offset), pain_before=6, note=note))
        ids.append(person_id)
    set_clinic(store, f"{note} clinic", f"{note}@example.org")
    return ids


@pytest.fixture
def accounts(url):  # noqa: F811
    """(alice, bob, bob's person ids) on one database, each with people, logs and a header."""
    alice, bob = open_store(url, owner="alice"), open_store(url, owner="bob")
    fill(alice, ["Ann", "Amy"], "alice")
    bobs = fill(bob, ["Bea", "Ben", "Ann"], "bob")
    record(bob, "sign_in", now=NOW)
    return alice, bob, bobs


ATTEMPTS = {
    "get_person": lambda s, i: s.get_person(i),
    "save_person over": lambda s, i: s.save_person(profile("Mallory"), START, i),
    "delete_person": lambda s, i: s.delete_person(i),
    "save_log": lambda s, i: s.save_log(i, entry(START, "skipped", note="overwritten")),
    "log_for": lambda s, i: s.log_for(i),
    "delete_log": lambda s, i: s.delete_log(i, START),
}


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_an_account_cannot_reach_anothers_person_by_a_guessed_id(accounts, url, attempt):  # noqa: F811
    """Every id-taking Store method, given Bob's ids (and ids around them), raises NotFound for
    Alice, and not one row of the database changes."""
    alice, _bob, bobs = accounts
    before = rows(url)
    guesses = sorted({*bobs, *(i + d for i in bobs for d in (-1, 1)), 0, -1} - set(_ids(alice)))
    for guess in guesses:
        with pytest.raises(NotFound, match="No saved person with id"):
            ATTEMPTS[attempt](alice, guess)
    assert rows(url) == before


def _ids(store) -> list[int]:
    return [s.id for s in store.list_people()]


def test_listing_and_exporting_show_only_the_accounts_own_people(accounts):
    """list_people and export_all give Alice her two people; nothing of Bob's is in the file."""
    alice, _bob, _ = accounts
    assert [s.name for s in alice.list_people()] == ["Amy", "Ann"]
    data = export_all(alice, NOW)
    assert [p["name"] for p in data["people"]] == ["Amy", "Ann"]
    assert all(e["note"] == "alice" for p in data["people"] for e in p["log"])
    text = to_json(data)
    assert "Bea" not in text and "Ben" not in text and "bob" not in text


def test_an_import_never_replaces_another_accounts_person_of_the_same_name(accounts, url):  # noqa: F811
    """Alice imports "Bea" and replaces "Ann" (overwrite): Bob's Bea and Ann stay as they were."""
    alice, bob, _ = accounts
    bobs_rows = _owned(rows(url), bob)
    data = export_all(bob, NOW)  # as if Bob's file fell into Alice's hands
    data["people"] = [p for p in data["people"] if p["name"] in ("Bea", "Ann")]
    report = import_all(alice, data, overwrite=True)
    assert (report.added, report.replaced) == (("Bea",), ("Ann",))
    assert _owned(rows(url), bob) == bobs_rows
    assert [s.name for s in alice.list_people()] == ["Amy", "Ann", "Bea"]


def test_clinic_header_and_audit_trail_are_per_account(accounts):
    """Alice's clear_clinic and set_clinic leave Bob's header; Bob's audit lines are not hers."""
    alice, bob, _ = accounts
    clear_clinic(alice)
    assert get_clinic(bob).name == "bob clinic"
    set_clinic(alice, "Alice again", "")
    assert get_clinic(bob).name == "bob clinic"
    assert entries(alice) == [] and [e.action for e in entries(bob)] == ["sign_in"]


def test_delete_everything_removes_every_row_of_the_account_and_nothing_else(accounts, url):  # noqa: F811
    """After Alice deletes everything, no people, log or clinic row of hers is left in the tables
    (read with plain SQL), Bob's rows are exactly as before, and her audit line stays."""
    alice, bob, _ = accounts
    alices_ids = _ids(alice)
    before = rows(url)
    record(alice, "export", "people=2", now=NOW)
    assert alice.delete_everything() == 2
    after = rows(url)
    assert after == _owned(before, bob)
    with storage.engine.connect(url).engine.connect() as connection:
        count = {
            "people": select(func.count()).where(PersonRow.owner == "alice"),
            "log": select(func.count()).where(LogRow.person_id.in_(alices_ids)),
            "clinic": select(func.count()).where(ClinicRow.owner == "alice"),
        }
        assert {k: connection.execute(q).scalar() for k, q in count.items()} == dict.fromkeys(
            count, 0
        )
    assert alice.list_people() == [] and get_clinic(alice) is None
    assert export_all(alice, NOW)["people"] == []
    assert [e.action for e in entries(alice)] == ["export"]
    assert [s.name for s in bob.list_people()] == ["Ann", "Bea", "Ben"]


def test_delete_everything_of_an_empty_account_is_harmless(accounts, url):  # noqa: F811
    """An account with nothing saved deletes 0 people, and the others keep all their rows."""
    _alice, _bob, _ = accounts
    before = rows(url)
    assert open_store(url, owner="carol").delete_everything() == 0
    assert rows(url) == before


def test_delete_everything_is_one_transaction(accounts, url, monkeypatch):  # noqa: F811
    """A failure after the log rows are deleted (the clinic delete here) rolls everything back."""
    alice, _bob, _ = accounts
    before = rows(url)
    real_delete = storage.store.delete

    def failing_delete(model):
        if model is ClinicRow:
            raise storage.store.SQLAlchemyError("simulated failure")
        return real_delete(model)

    monkeypatch.setattr(storage.store, "delete", failing_delete)
    with pytest.raises(storage.store.StoreError):
        alice.delete_everything()
    assert rows(url) == before


def test_exported_log_is_the_accounts_own(accounts):
    """The export round-trips through JSON and each person's log holds their three days only."""
    alice, _bob, _ = accounts
    data = json.loads(to_json(export_all(alice, NOW)))
    logs = {p["name"]: [LogEntry(**e).day for e in p["log"]] for p in data["people"]}
    assert logs == {name: [START + timedelta(d) for d in range(3)] for name in ("Amy", "Ann")}


def _owned(table_rows: dict[str, set[tuple]], store) -> dict[str, set[tuple]]:
    """Only the rows that belong to `store`'s owner (log rows through their person)."""
    people = {r for r in table_rows["people"] if r[1] == store.owner}
    ids = {r[0] for r in people}
    return {
        "people": people,
        "session_log": {r for r in table_rows["session_log"] if r[1] in ids},
        "clinic_header": {r for r in table_rows["clinic_header"] if r[1] == store.owner},
    }


def test_on_sqlite_deleted_data_is_overwritten_in_the_file(tmp_path):
    """With secure_delete, a name and a note deleted by delete_everything are no longer anywhere
    in the database file once the WAL is checkpointed into it."""
    db = tmp_path / "backplan.db"
    store = open_store(f"sqlite:///{db}")
    marker = "Zebulon Quixotefield"
    person_id = store.save_person(profile(marker), START)
    store.save_log(person_id, entry(START, note=f"{marker} note"))
    assert store.delete_everything() == 1
    dispose_engines()  # then checkpoint, as SQLite does by itself when the last connection closes
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert marker.encode() not in db.read_bytes()
