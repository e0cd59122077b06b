"""The audit trail: what record() accepts, entries() scoped and newest first, and migration 0003."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

import storage.engine
from storage import StoreError, open_store
from storage.audit import ACTIONS, AuditEntry, check_detail, entries, record
from tests import storage_helpers
from tests.pg_server import fresh_engines, postgres, url  # noqa: F401  (fixtures)
from tests.storage_helpers import START, profile

store = storage_helpers.store  # the shared fixture, named here so pytest finds it

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_recorded_lines_come_back_newest_first_in_utc(store):
    """Three lines at different times: entries lists them newest first, with aware UTC times."""
    record(store, "sign_in", now=NOW)
    record(store, "export", "people=3", now=NOW + timedelta(minutes=5))
    later = datetime(2026, 3, 2, 11, 45, tzinfo=timezone(timedelta(hours=2)))  # 09:45 UTC
    record(store, "delete_all", "people=3 log=40", now=later)
    got = entries(store)
    assert [(e.action, e.detail) for e in got] == [
        ("delete_all", "people=3 log=40"),
        ("export", "people=3"),
        ("sign_in", ""),
    ]
    assert got[0].at == datetime(2026, 3, 2, 9, 45, tzinfo=UTC)
    assert all(isinstance(e, AuditEntry) and e.at.tzinfo is not None for e in got)


def test_lines_at_the_same_moment_keep_the_order_they_were_written(store):
    """Equal times are ordered by id, newest first; limit keeps the newest."""
    for n in range(5):
        record(store, "import", f"added={n}", now=NOW)
    assert [e.detail for e in entries(store, limit=3)] == ["added=4", "added=3", "added=2"]


def test_each_owner_sees_only_their_own_audit_lines(url):  # noqa: F811
    """entries() is scoped to store.owner."""
    alice, bob = open_store(url, owner="alice"), open_store(url, owner="bob")
    record(alice, "sign_in", now=NOW)
    record(bob, "export", "people=1", now=NOW)
    assert [e.action for e in entries(alice)] == ["sign_in"]
    assert [e.action for e in entries(bob)] == ["export"]
    assert entries(open_store(url, owner="carol")) == []


def test_every_action_is_accepted(store):
    """All six actions can be recorded."""
    for action in ACTIONS:
        record(store, action, now=NOW)
    assert sorted(e.action for e in entries(store)) == sorted(ACTIONS)


@pytest.mark.parametrize(
    "detail", ["", "people=3", "added=2 replaced=1", "person=17", "bytes=5242880 people=12"]
)
def test_counts_and_ids_are_accepted_as_detail(detail):
    """Empty, or key=number pairs with known keys, one space apart."""
    assert check_detail(detail) == detail


@pytest.mark.parametrize(
    ("detail", "message"),
    [
        ("Ann Example", "pair 1 is not key=number"),
        ("person=Ann", "pair 1 is not key=number"),
        ("people=3 note=sore", "pair 2 is not key=number"),
        ("pain=7", "unknown key 'pain'"),
        ("people=3 pain_before=7", "unknown key 'pain_before'"),
        ("people=3  added=1", "pair 2 is not key=number"),
        (" people=3", "pair 1 is not key=number"),
        ("people=3\nadded=1", "pair 1 is not key=number"),
        ("people=-3", "pair 1 is not key=number"),
        ("people=3.5", "pair 1 is not key=number"),
        ("people=\u0663", "pair 1 is not key=number"),  # an Arabic-Indic digit is not ASCII
        ("people=3 people=4", "each key may appear once"),
        ("people=1 " * 30, "at most 200 characters"),
        (3, "must be text"),
    ],
)
def test_anything_but_counts_and_ids_is_refused_as_detail(store, detail, message):
    """Names, notes, pain scores and odd spacing raise ValueError, and nothing is written."""
    with pytest.raises(ValueError, match=message):
        record(store, "export", detail, now=NOW)
    assert entries(store) == []


def test_the_refusal_does_not_repeat_the_refused_text(store):
    """The error message (which may end up in a log) does not contain the name given."""
    with pytest.raises(ValueError) as caught:
        record(store, "export", "Ann", now=NOW)
    assert "Ann" not in str(caught.value)


@pytest.mark.parametrize(
    ("action", "when", "message"),
    [
        ("login", NOW, "audit action: must be one of"),
        ("export", datetime(2026, 3, 2, 9, 30), "timezone-aware"),
        ("export", "2026-03-02", "timezone-aware"),
    ],
)
def test_unknown_actions_and_naive_times_are_refused(store, action, when, message):
    """An action outside ACTIONS, or a time without a zone, raises ValueError."""
    with pytest.raises(ValueError, match=message):
        record(store, action, now=when)


@pytest.mark.parametrize("limit", [0, 1001, 2.5, None])
def test_entries_refuses_a_limit_out_of_range(store, limit):
    """limit is a whole number from 1 to 1000."""
    with pytest.raises(ValueError, match="limit: must be a whole number from 1 to 1000"):
        entries(store, limit=limit)


def test_the_database_refuses_an_unknown_action_written_around_record(store, url):  # noqa: F811
    """The CHECK constraint of migration 0003 stops a bad action even when record() is skipped."""
    insert = text("INSERT INTO audit (at, owner, action, detail) VALUES (:at, 'local', 'peek', '')")
    with (
        pytest.raises(IntegrityError, match=r"(?i)check"),
        storage.engine.connect(url).writer.begin() as connection,
    ):
        connection.execute(insert, {"at": NOW})


def test_delete_everything_keeps_the_audit_trail(store):
    """Audit lines hold no health data and stay after the owner deletes everything."""
    store.save_person(profile("Ann"), START)
    record(store, "sign_in", now=NOW)
    removed = store.delete_everything()
    record(store, "delete_all", f"people={removed}", now=NOW + timedelta(seconds=1))
    assert [(e.action, e.detail) for e in entries(store)] == [
        ("delete_all", "people=1"),
        ("sign_in", ""),
    ]


def test_migration_0003_goes_down_to_0002_and_up_again(store, url):  # noqa: F811
    """Downgrading removes only the audit table; upgrading brings it back, empty."""
    record(store, "sign_in", now=NOW)
    person_id = store.save_person(profile("Ann"), START)
    config = storage.engine.alembic_config()
    with storage.engine.connect(url).writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
        tables = set(inspect(connection).get_table_names())
        assert "audit" not in tables and {"people", "session_log", "clinic_header"} <= tables
        command.upgrade(config, "head")
    assert entries(store) == []
    assert store.get_person(person_id).name == "Ann"


def test_an_audit_write_on_a_broken_database_is_a_store_error(tmp_path):
    """A database error while recording becomes the Store's friendly StoreError."""
    db = f"sqlite:///{tmp_path / 'backplan.db'}"
    store = open_store(db)
    with storage.engine.connect(db).writer.begin() as connection:
        connection.execute(text("DROP TABLE audit"))
    with pytest.raises(StoreError, match="could not be reached"):
        record(store, "sign_in", now=NOW)
