"""Migration 0004 on a database made at 0003 with people and logs: everything kept, and from then
on no id is given twice (issue 13, finding 2)."""

import json
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, text

import storage.engine
from storage import open_store
from tests import pg_server
from tests.storage_helpers import START, entry, profile

fresh_engines, postgres, url = pg_server.fresh_engines, pg_server.postgres, pg_server.url

PEOPLE = ("Ann", "Bo", "Cy")
NOW = datetime(2026, 1, 5, 9, tzinfo=UTC)


def database_at_0003(url: str) -> None:
    """A database migrated only to 0003, holding PEOPLE (ids 1-3) and two log days each."""
    engine = create_engine(url)
    config = storage.engine.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        for number, name in enumerate(PEOPLE, start=1):
            saved = json.dumps(profile(name).model_dump(mode="json"))
            connection.execute(
                text(
                    "INSERT INTO people (id, owner, name, profile_json, programme_start, "
                    "created_at, updated_at) VALUES (:id, 'local', :name, :p, :start, :at, :at)"
                ),
                {"id": number, "name": name, "p": saved, "start": START, "at": NOW},
            )
            for day in (5, 6):
                connection.execute(
                    text(
                        "INSERT INTO session_log (person_id, day, week, status, note) "
                        "VALUES (:id, :day, 1, 'done', :note)"
                    ),
                    {"id": number, "day": START.replace(day=day), "note": f"{name} {day}"},
                )
        if connection.dialect.name == "postgresql":  # as if the ids had come from the sequence
            connection.execute(text("SELECT setval('people_id_seq', 3)"))
    engine.dispose()


def test_upgrading_from_0003_keeps_every_person_and_log_row(url):
    """After the upgrade each person has their id, profile, version 1 and both log days."""
    database_at_0003(url)
    store = open_store(url)
    assert [(s.id, s.name, s.version) for s in store.list_people()] == [
        (1, "Ann", 1),
        (2, "Bo", 1),
        (3, "Cy", 1),
    ]
    for number, name in enumerate(PEOPLE, start=1):
        assert store.get_person(number).profile == profile(name)
        assert [e.note for e in store.log_for(number)] == [f"{name} 5", f"{name} 6"]


def test_after_the_upgrade_the_highest_deleted_id_is_not_given_again(url):
    """Delete Cy (id 3, the highest) and add Di: Di gets a fresh id; Cy's log is gone with him."""
    database_at_0003(url)
    store = open_store(url)
    store.delete_person(3)
    di = store.save_person(profile("Di"), START)
    store.save_log(di, entry(START))
    assert di == 4
    with storage.engine.connect(url).engine.connect() as connection:
        rows = connection.execute(text("SELECT person_id FROM session_log ORDER BY id")).all()
    assert rows == [(1,), (1,), (2,), (2,), (4,)]
