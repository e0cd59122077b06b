"""Export and import of everything as one JSON file (on SQLite files)."""

import copy
import json
from datetime import UTC, date, datetime

import pytest

from planner.log_entry import LogEntry
from planner.profile import parse_profile
from storage import dispose_engines, open_store
from storage.transfer import (
    MAX_BYTES,
    ImportConflict,
    TransferError,
    export_all,
    import_all,
    parse_export_bytes,
    read_export_file,
    to_json,
)
from tests.conftest import make_profile

START = date(2026, 1, 5)
NOW = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fresh_engines():
    """Each test starts and ends with no cached engines."""
    dispose_engines()
    yield
    dispose_engines()


@pytest.fixture
def make_store(tmp_path):
    """Open an empty SQLite store: make_store("name")."""
    return lambda name="backplan": open_store(f"sqlite:///{tmp_path / name}.db")


@pytest.fixture
def full_store(make_store):
    """A store with two people, one of them with a three-day log."""
    store = make_store("full")
    ann = store.save_person(parse_profile(make_profile(name="Ann", pain=6)), START)
    store.save_person(parse_profile(make_profile(name="Bo", weight_kg=None, weight_lb=180)), START)
    for day, status in [(5, "done"), (6, "partly"), (8, "skipped")]:
        entry = LogEntry(day=date(2026, 1, day), week=1, status=status, pain_before=5, note="ok")
        store.save_log(ann, entry)
    return store


def test_an_export_imported_into_an_empty_store_exports_the_same(full_store, make_store):
    """Export, import into an empty store, export again: equal apart from exported_at."""
    exported = export_all(full_store, NOW)
    empty = make_store("empty")
    report = import_all(empty, json.loads(to_json(exported)))
    assert (report.added, report.replaced) == (("Ann", "Bo"), ())
    again = export_all(empty, datetime(2026, 3, 1, tzinfo=UTC))
    assert again.pop("exported_at") == "2026-03-01T00:00:00+00:00"
    assert exported.pop("exported_at") == NOW.isoformat()
    assert again == exported
    assert [len(p["log"]) for p in again["people"]] == [3, 0]


def test_the_export_text_reads_back_through_the_file_checks(full_store, tmp_path):
    """to_json writes what read_export_file accepts, unchanged."""
    exported = export_all(full_store, NOW)
    path = tmp_path / "export.json"
    path.write_text(to_json(exported), encoding="utf-8")
    assert read_export_file(path) == exported


def test_importing_names_that_exist_without_overwrite_writes_nothing(full_store, make_store):
    """ImportConflict lists the existing names, and neither new nor old people change."""
    exported = export_all(full_store, NOW)
    target = make_store("target")
    target.save_person(parse_profile(make_profile(name="Bo", pain=1)), START)
    exported["people"].append(
        {**exported["people"][0], "name": "Cy", "profile": make_profile(name="Cy")}
    )
    with pytest.raises(ImportConflict, match="already saved: Bo") as caught:
        import_all(target, exported)
    assert caught.value.names == ["Bo"]
    assert [s.name for s in target.list_people()] == ["Bo"]
    assert target.get_person(target.list_people()[0].id).profile.pain == 1


def test_importing_with_overwrite_replaces_profile_and_log(full_store, make_store):
    """With overwrite, a person of the same name gets the file's profile and log."""
    exported = export_all(full_store, NOW)
    target = make_store("target")
    ann = target.save_person(parse_profile(make_profile(name="Ann", pain=1)), date(2025, 1, 1))
    target.save_log(ann, LogEntry(day=date(2025, 1, 1), week=1, status="done"))
    report = import_all(target, exported, overwrite=True)
    assert (report.added, report.replaced) == (("Bo",), ("Ann",))
    assert target.get_person(ann).profile.pain == 6
    assert [e.day for e in target.log_for(ann)] == [
        date(2026, 1, 5),
        date(2026, 1, 6),
        date(2026, 1, 8),
    ]
    assert export_all(target, NOW) == export_all(full_store, NOW)


def change(data: dict, path: tuple, value) -> dict:
    """A deep copy of `data` with the item at `path` set to `value` (or removed if None)."""
    data = copy.deepcopy(data)
    *parents, last = path
    holder = data
    for key in parents:
        holder = holder[key]
    if value is None:
        del holder[last]
    else:
        holder[last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("version",), 2, "version: this file is version 2; BackPlan reads 1"),
        (("format",), "csv", "format: must be 'backplan'"),
        (("people", 1, "programme_start"), None, "people[1].programme_start: is required"),
        (("people", 0, "colour"), "red", "people[0].colour: is not a known field"),
        (
            ("people", 1, "profile", "age"),
            12,
            "people[1].profile.age: must be a whole number from 18 to 110",
        ),
        (
            ("people", 0, "log", 1, "status"),
            "maybe",
            "people[0].log[1].status: must be 'done', 'partly' or 'skipped'",
        ),
        (
            ("people", 0, "log", 2, "pain_before"),
            11,
            "people[0].log[2].pain_before: must be at most 10",
        ),
        (
            ("people", 0, "log", 2, "day"),
            "2026-01-05",
            "people[0].log[2].day: 2026-01-05 is logged twice",
        ),
        (("people", 1, "name"), "Ann", "people[1].name: differs from its profile.name 'Bo'"),
        (("exported_at",), "yesterday", "exported_at: must be a date and time"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_naming_the_path(
    full_store, make_store, path, value, message
):
    """Each problem names where it is, and nothing is written."""
    bad = change(export_all(full_store, NOW), path, value)
    target = make_store("target")
    with pytest.raises(TransferError) as caught:
        import_all(target, bad)
    assert message in str(caught.value)
    assert target.list_people() == []


def test_every_problem_in_a_file_is_reported_at_once(full_store, make_store):
    """Problems in the structure and in profiles are listed together."""
    bad = change(export_all(full_store, NOW), ("people", 0, "log", 0, "week"), 0)
    bad = change(bad, ("people", 1, "profile", "pain"), 11)
    with pytest.raises(TransferError) as caught:
        import_all(make_store("target"), bad)
    assert [p.field for p in caught.value.problems] == [
        "people[0].log[0].week",
        "people[1].profile.pain",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": "backplan", "format": "x"}', "format: is given twice"),
        (
            b'{"people": [{"profile": {"age": 40, "age": 41}}]}',
            "people[0].profile.age: is given twice",
        ),
        (
            b'{"people": [{"profile": {"pain": NaN}}]}',
            "people[0].profile.pain: NaN is not a valid number",
        ),
        (b'{"water": -Infinity}', "water: -Infinity is not a valid number"),
        (b'{"name": "Ren\xe9"}', "file: is not UTF-8 text (byte 0xe9 at line 1 column 14)"),
        (b'{"format": "backplan",', "file: is not valid JSON (Expecting property name"),
        (b"[" * 100_000, "file: is nested too deeply"),
        (b" " * (MAX_BYTES + 1), "file: is 5.2 MB; the limit is 5 MB"),
    ],
)
def test_a_broken_file_gets_a_clear_message(tmp_path, raw, message):
    """Repeated keys, NaN, other encodings, bad JSON and oversize files are refused by name."""
    path = tmp_path / "export.json"
    path.write_bytes(raw)
    with pytest.raises(TransferError) as caught:
        read_export_file(path)
    assert message in str(caught.value)


def test_a_missing_file_gets_a_clear_message(tmp_path):
    """A path that does not exist says the file cannot be read."""
    with pytest.raises(TransferError, match="file: cannot be read"):
        read_export_file(tmp_path / "nope.json")


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    """Files saved by editors that add a BOM still read."""
    assert parse_export_bytes('\ufeff{"name": "René"}'.encode()) == {"name": "René"}
