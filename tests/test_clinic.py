"""The clinic header: checks on its text, saving it per owner, and migration 0002."""

import pytest
from alembic import command
from sqlalchemy import inspect, text

import storage.engine
from planner.clinic import ClinicError, ClinicHeader
from storage import StoreError, dispose_engines, open_store
from storage.clinic import clear_clinic, get_clinic, saved_clinic, set_clinic
from tests import storage_helpers
from tests.pg_server import fresh_engines, postgres, url  # noqa: F401  (fixtures)
from tests.storage_helpers import START, profile

store = storage_helpers.store  # the shared fixture, named here so pytest finds it


def test_a_saved_clinic_header_comes_back(store):
    """set_clinic then get_clinic gives the same name and contact; nothing saved gives None."""
    assert get_clinic(store) is None
    saved = set_clinic(store, "  Riverside Physio ", "Tel 01234 567890")
    assert saved == ClinicHeader("Riverside Physio", "Tel 01234 567890")
    assert get_clinic(store) == saved


def test_saving_again_replaces_the_header_and_clearing_removes_it(store):
    """One header per owner: the second save replaces the first; clear_clinic removes it."""
    set_clinic(store, "First Clinic", "")
    set_clinic(store, "Second Clinic", "second@example.org")
    assert get_clinic(store) == ClinicHeader("Second Clinic", "second@example.org")
    clear_clinic(store)
    assert get_clinic(store) is None


def test_each_owner_sees_only_their_own_header(url):  # noqa: F811
    """Headers are scoped to store.owner."""
    mine, theirs = open_store(url, owner="alice"), open_store(url, owner="bob")
    set_clinic(mine, "Alice's Clinic", "")
    assert get_clinic(theirs) is None
    set_clinic(theirs, "Bob's Clinic", "bob@example.org")
    assert get_clinic(mine).name == "Alice's Clinic"
    assert get_clinic(theirs).name == "Bob's Clinic"


@pytest.mark.parametrize(
    ("name", "contact", "message"),
    [
        ("", "", "clinic name: is required"),
        ("   ", "x", "clinic name: is required"),
        ("x" * 61, "", "clinic name: must be at most 60 characters"),
        ("ok", "y" * 101, "clinic contact: must be at most 100 characters"),
        ("Two\nlines", "", "clinic name: must be a single line"),
        ("ok", "tab\there", "clinic contact: must be a single line"),
        ("ok", "bell\x07", "clinic contact: must be a single line"),
        ("Evil\u202eenilcnO", "", "clinic name: must be a single line"),
        ("Para\u2029graph", "", "clinic name: must be a single line"),
        (None, "", "clinic name: must be text"),
    ],
)
def test_bad_clinic_text_is_refused_naming_the_field(name, contact, message):
    """Blank, too long, multi-line or control characters: a ClinicError naming the field."""
    with pytest.raises(ClinicError, match=message):
        ClinicHeader(name, contact)


def test_bad_text_is_never_saved(store):
    """set_clinic checks before writing: a refused header leaves the saved one as it was."""
    set_clinic(store, "Good Clinic", "")
    with pytest.raises(ClinicError):
        set_clinic(store, "x" * 61, "")
    assert get_clinic(store).name == "Good Clinic"


def test_the_longest_allowed_values_and_other_scripts_are_kept(store):
    """60 and 100 characters, accents and CJK are fine."""
    header = set_clinic(store, "名" * 60, "Zoë " * 25)
    assert get_clinic(store) == header and len(header.contact) == 99


def test_a_fresh_database_has_the_clinic_table(url):  # noqa: F811
    """Migrating a new database to head creates clinic_header with its unique owner."""
    open_store(url)
    with storage.engine.connect(url).engine.connect() as connection:
        inspector = inspect(connection)
        assert "clinic_header" in inspector.get_table_names()
        columns = {c["name"] for c in inspector.get_columns("clinic_header")}
        assert columns == {"id", "owner", "name", "contact", "updated_at"}


def test_a_database_made_at_0001_is_upgraded_and_keeps_its_people(url):  # noqa: F811
    """A database left at revision 0001 (before clinics) gains the table on open, data intact."""
    store = open_store(url)
    store.save_person(profile("Kept Person"), START)
    config = storage.engine.alembic_config()
    with storage.engine.connect(url).writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        assert "clinic_header" not in inspect(connection).get_table_names()
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        )
    dispose_engines()
    upgraded = open_store(url)
    assert [p.name for p in upgraded.list_people()] == ["Kept Person"]
    set_clinic(upgraded, "After Upgrade", "")
    assert get_clinic(upgraded).name == "After Upgrade"


def test_a_header_that_no_longer_passes_the_checks_is_a_store_error(store, url):  # noqa: F811
    """A row written around the checks (e.g. by hand) gives a clear StoreError on reading."""
    set_clinic(store, "Fine", "")
    with storage.engine.connect(url).writer.begin() as connection:
        connection.execute(text("UPDATE clinic_header SET name = 'Bad\nName'"))
    with pytest.raises(StoreError, match="clinic header"):
        get_clinic(store)


def test_the_command_line_finds_no_header_without_a_database(tmp_path, monkeypatch):
    """saved_clinic never creates a database: an empty data folder gives None and stays empty."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    assert saved_clinic() is None
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_uses_the_header_saved_in_the_app(tmp_path, monkeypatch):
    """With the app's SQLite file in the data folder, saved_clinic returns its header."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)
    set_clinic(open_store(), "Saved In App", "")
    assert saved_clinic() == ClinicHeader("Saved In App", "")
