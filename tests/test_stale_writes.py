"""Store writes name the person a page was drawn for (a PersonRef) and are refused, with nothing
written, when that person is gone or changed since; ids are never given twice (issue 13, 1-2)."""

from datetime import timedelta

import pytest

from storage import NotFound, PersonChanged, PersonGone, PersonRef
from tests import pg_server, storage_helpers
from tests.storage_helpers import START, entry, profile

fresh_engines, postgres, url = pg_server.fresh_engines, pg_server.postgres, pg_server.url
store = storage_helpers.store

WRITES = {
    "save_person": lambda s, ref: s.save_person(profile("Ann", pain=1), START, ref),
    "save_log": lambda s, ref: s.save_log(ref, entry(START + timedelta(1), note="stale")),
    "delete_log": lambda s, ref: s.delete_log(ref, START),
    "delete_person": lambda s, ref: s.delete_person(ref),
}


def everything(store) -> list:
    """Every person with their profile, version and log, to compare before and after."""
    return [
        (p.id, p.version, store.get_person(p.id).profile, store.log_for(p.id))
        for p in store.list_people()
    ]


def ann_and_bo(store) -> PersonRef:
    """Ann and Bo saved, each with a logged day; Ann's PersonRef as a page would hold it."""
    ann = store.save_person(profile("Ann"), START)
    bo = store.save_person(profile("Bo"), START)
    for person_id in (ann, bo):
        store.save_log(person_id, entry(START, note=f"by {person_id}"))
    return store.get_person(ann).ref


@pytest.mark.parametrize("write", WRITES)
def test_a_stale_tab_cannot_write_into_another_person(store, write):
    """Ann deleted after her page was drawn: the page's write is PersonGone; Bo stays as he was."""
    ann = ann_and_bo(store)
    store.delete_person(ann.id)
    before = everything(store)
    with pytest.raises(PersonGone, match=r"no longer saved.*Nothing was saved"):
        WRITES[write](store, ann)
    assert everything(store) == before


@pytest.mark.parametrize("write", WRITES)
def test_a_write_from_a_page_drawn_before_a_change_is_refused(store, write):
    """Ann's answers saved again in another tab: the older page's write is PersonChanged."""
    ann = ann_and_bo(store)
    store.save_person(profile("Ann", pain=9), START, ann)
    before = everything(store)
    with pytest.raises(PersonChanged, match=r"changed in another tab.*Nothing was saved"):
        WRITES[write](store, ann)
    assert everything(store) == before


def test_saving_answers_gives_a_new_version_and_logging_keeps_it(store):
    """Each save of the answers counts up the version; a logged day does not change it."""
    ann = ann_and_bo(store)
    store.save_log(ann, entry(START + timedelta(2)))
    assert store.get_person(ann.id).version == ann.version == 1
    store.save_person(profile("Ann", pain=2), START, ann)
    assert store.get_person(ann.id).ref == PersonRef(ann.id, 2)
    assert [s.version for s in store.list_people()] == [2, 1]


def test_a_deleted_persons_id_is_never_given_again(store):
    """Delete the newest person and add someone: the new id is past every id ever given."""
    ann = ann_and_bo(store)
    bo = max(s.id for s in store.list_people())
    store.delete_person(bo)
    cy = store.save_person(profile("Cy"), START)
    assert cy > bo > ann.id
    with pytest.raises(NotFound):
        store.get_person(bo)


@pytest.mark.parametrize("person_id", [0, -1, 2**31, 10**20, 10**400])
def test_an_id_no_database_could_hold_is_not_found(store, person_id):
    """Ids outside 1 .. 2**31-1 are NotFound on every backend (never a database error)."""
    store.save_person(profile(), START)
    with pytest.raises(NotFound, match="No saved person"):
        store.get_person(person_id)
    with pytest.raises(NotFound):
        store.save_log(person_id, entry(START))
