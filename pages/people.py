"""Saved people: everyone saved here, a page at a time and found by name, whose plan to show,
deleting someone (only after a second, explicit click; refused if they changed meanwhile), and
"Your data": everything as one file (download, and import on another computer; people already
saved are replaced only after the person says so), and deleting all of it (only after typing
DELETE). Exports, imports and deletions are recorded in the audit trail,
with counts and ids only.

Its keys are named in pages/parts/state.py.
"""

import streamlit as st

from pages.parts import clock, current, router, state
from pages.parts.log_form import long_date
from pages.parts.navigation import PLAN_PAGE, PROFILE_PAGE
from pages.parts.text import bulleted, plain
from planner.plan import DISCLAIMER
from storage import ImportConflict, PersonRef, PersonSummary, Store, StoreError, audit
from storage.listing import people_page
from storage.transfer import (
    TransferError,
    export_all,
    import_all,
    parse_export_bytes,
    to_json,
    validate_export,
)

DELETE_WORD = "DELETE"  # typed to confirm deleting all of this account's data
PAGE_SIZE = 20  # people shown at once


def ask_delete(person: PersonRef) -> None:
    st.session_state[state.CONFIRM_DELETE] = person


def confirm_delete(store: Store, summary: PersonSummary, asked: PersonRef) -> None:
    """The second step of deleting: say what goes, then delete only on 'Yes' (and only the
    person as they were when Delete was pressed)."""
    name = plain(summary.name)
    st.warning(f"Delete {name} and their whole log? This cannot be undone.")
    left, right = st.columns(2)
    if left.button(f"Yes, delete {name}", key=state.YES_DELETE, type="primary", width="stretch"):
        try:
            store.delete_person(asked)
            audit.record(store, "delete_person", f"person={summary.id}", now=clock.now())
        except StoreError as error:
            current.store_error(error)
            return
        if st.session_state.get(state.PERSON) == summary.id:
            current.forget()
        st.session_state.pop(state.CONFIRM_DELETE, None)
        st.session_state[state.PEOPLE_MESSAGE] = f"Deleted {name} and their log."
        st.rerun()
    if right.button("No, keep them", key=state.NO_DELETE, width="stretch"):
        st.session_state.pop(state.CONFIRM_DELETE, None)
        st.rerun()


def person_card(store: Store, summary: PersonSummary) -> None:
    """One saved person: name, programme start, open their plan, delete."""
    with st.container(border=True):
        shown = st.session_state.get(state.PERSON) == summary.id
        st.markdown(f"**{plain(summary.name)}**" + (" (shown now)" if shown else ""))
        st.caption(f"Programme started {long_date(summary.programme_start)}")
        left, right = st.columns(2)
        if left.button("Open their plan", key=state.OPEN.format(summary.id), width="stretch"):
            current.choose(summary.id)
            st.switch_page(PLAN_PAGE)
        right.button(
            "Delete",
            key=state.DELETE.format(summary.id),
            on_click=ask_delete,
            args=(summary.ref,),
            width="stretch",
            icon=":material/delete:",
        )
        asked = st.session_state.get(state.CONFIRM_DELETE)
        if isinstance(asked, PersonRef) and asked.id == summary.id:
            confirm_delete(store, summary, asked)


def turn_page(number: int) -> None:
    st.session_state[state.PEOPLE_PAGE] = number


def listing(store: Store) -> None:
    """One page of the saved people, found by name, with the way to the pages before and after."""
    search = st.text_input(
        "Find someone by name",
        key=state.PEOPLE_SEARCH,
        on_change=turn_page,
        args=(0,),
        icon=":material/search:",
    )
    number = st.session_state.get(state.PEOPLE_PAGE, 0)
    page = people_page(store, search, number * PAGE_SIZE, PAGE_SIZE)
    if number and not page.people:  # fewer people than before (deleted elsewhere): start over
        number, page = 0, people_page(store, search, 0, PAGE_SIZE)
    if not page.total and search.strip():
        st.info(f"Nobody saved here has “{plain(search.strip())}” in their name.")
    elif not page.total:
        st.info("Nobody is saved yet. Fill in the safety check and profile to save someone.")
    for summary in page.people:
        person_card(store, summary)
    if page.total > PAGE_SIZE:
        first = number * PAGE_SIZE
        st.caption(f"People {first + 1} to {first + len(page.people)} of {page.total}")
        left, right = st.columns(2)
        left.button(
            "Previous",
            key=state.PEOPLE_PREVIOUS,
            on_click=turn_page,
            args=(number - 1,),
            disabled=number == 0,
            icon=":material/chevron_left:",
            width="stretch",
        )
        right.button(
            "Next",
            key=state.PEOPLE_NEXT,
            on_click=turn_page,
            args=(number + 1,),
            disabled=first + PAGE_SIZE >= page.total,
            icon=":material/chevron_right:",
            width="stretch",
        )
    return page.total


def download(store: Store, people: list[PersonSummary]) -> None:
    """The export of everything saved here, as one JSON file, made only when the button is
    clicked (Streamlit's deferred download): until then nothing personal sits in Streamlit's
    media store, whose /media/ addresses need no sign-in. A click is audited."""
    if st.download_button(
        "Download all my data",
        data=lambda: to_json(export_all(store, now=clock.now())),
        file_name=f"backplan-export-{clock.today().isoformat()}.json",
        mime="application/json",
        key=state.EXPORT,
        icon=":material/download:",
    ):
        audit.record(store, "export", f"people={len(people)}", now=clock.now())


def delete_all(store: Store) -> None:
    """Delete every person, log and the clinic header saved here, after typing DELETE."""
    st.markdown("**Delete all my data**")
    typed = st.text_input(
        f"Every person saved here, their answers and logs, and the clinic header are deleted. "
        f"This cannot be undone. Type {DELETE_WORD} to confirm.",
        key=state.DELETE_ALL_TEXT,
    )
    confirmed = typed.strip() == DELETE_WORD
    if st.button(
        "Delete all my data",
        key=state.DELETE_ALL,
        type="primary",
        disabled=not confirmed,
        icon=":material/delete_forever:",
    ):
        people = store.delete_everything()
        audit.record(store, "delete_all", f"people={people}", now=clock.now())
        current.forget()
        for key in list(st.session_state):  # form answers, chosen week, uploads: all of it
            if key != state.OWNER:
                del st.session_state[key]
        st.session_state[state.PEOPLE_MESSAGE] = "All your data was deleted."
        st.rerun()


def problems(error: TransferError) -> None:
    """Every problem of a file that cannot be imported, in a list."""
    lines = [plain(str(problem)) for problem in error.problems]
    st.error("This file cannot be imported:\n\n" + bulleted(lines))


def run_import(store: Store, data: dict, file_id: str, overwrite: bool) -> None:
    """Import; people already saved make it ask first (nothing is written until then)."""
    try:
        report = import_all(store, data, overwrite=overwrite)
        counts = f"added={len(report.added)} replaced={len(report.replaced)}"
        audit.record(store, "import", counts, now=clock.now())
    except ImportConflict:
        st.session_state[state.IMPORT_CONFLICT] = file_id
        st.rerun()
    except TransferError as error:
        problems(error)
        return
    except StoreError as error:
        current.store_error(error)
        return
    parts = [
        f"{word} {', '.join(plain(n) for n in names)}"
        for word, names in (("added", report.added), ("replaced", report.replaced))
        if names
    ]
    st.session_state[state.PEOPLE_MESSAGE] = "Imported: " + "; ".join(parts) + "."
    st.session_state.pop(state.IMPORT_CONFLICT, None)
    st.session_state[state.UPLOAD_ROUND] = st.session_state.get(state.UPLOAD_ROUND, 0) + 1
    st.rerun()


def import_section(store: Store) -> None:
    """A file box for an export; its people are listed, then imported on a click."""
    upload = st.file_uploader(
        "Import a BackPlan file (.json)",
        type=["json"],
        key=state.IMPORT_FILE.format(st.session_state.get(state.UPLOAD_ROUND, 0)),
    )
    if upload is None:
        return
    try:
        data = parse_export_bytes(upload.getvalue())
        names = [plain(record.profile.name) for record in validate_export(data)]
    except TransferError as error:
        problems(error)
        return
    st.markdown(f"This file holds {len(names)} people: {', '.join(names)}.")
    if st.session_state.get(state.IMPORT_CONFLICT) != upload.file_id:
        if st.button("Import", key=state.IMPORT_GO, type="primary", icon=":material/upload:"):
            run_import(store, data, upload.file_id, overwrite=False)
        return
    saved = {summary.name for summary in store.list_people()}
    taken = [plain(r.profile.name) for r in validate_export(data) if r.profile.name in saved]
    st.warning(
        f"Replace these people: {', '.join(taken)}? What is saved here for them (answers and "
        "log) will be replaced by what is in the file."
    )
    left, right = st.columns(2)
    if left.button("Yes, replace them", key=state.IMPORT_REPLACE, type="primary", width="stretch"):
        run_import(store, data, upload.file_id, overwrite=True)
    if right.button("Cancel", key=state.IMPORT_CANCEL, width="stretch"):
        st.session_state.pop(state.IMPORT_CONFLICT, None)
        st.rerun()


router.start_page()
st.title("Saved people")
store = current.store()
if message := st.session_state.pop(state.PEOPLE_MESSAGE, None):
    st.success(message, icon=":material/check_circle:")
try:
    listing(store)
    if st.button("Add someone new", key=state.ADD_PERSON, icon=":material/person_add:"):
        current.forget()
        st.session_state[state.NEW_PERSON] = True
        st.switch_page(PROFILE_PAGE)

    st.subheader("Your data")
    st.markdown(
        "Download all my data saves every person here, with their answers and log, as one file. "
        "Import reads such a file back, here or on another computer."
    )
    people = store.list_people()
    if people:
        download(store, people)
    import_section(store)
    delete_all(store)
except StoreError as error:
    current.store_error(error)
st.caption(DISCLAIMER)
