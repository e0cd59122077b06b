"""Saved people: everyone saved here, whose plan to show, deleting someone (only after a second,
explicit click), and "Your data": everything as one file (download, and import on another
computer; people already saved are replaced only after the person says so), and deleting all of
it (only after typing DELETE). Exports, imports and deletions are recorded in the audit trail,
with counts and ids only.

Widget keys: open_<id>, delete_<id>, confirm_delete, cancel_delete, add_person, export,
import_file_<n>, import_go, import_replace, import_cancel, delete_all_text, delete_all.
"""

from datetime import UTC, datetime

import streamlit as st

from pages.parts import day_log, ui
from storage import ImportConflict, PersonSummary, Store, StoreError, audit
from storage.transfer import (
    TransferError,
    export_all,
    import_all,
    parse_export_bytes,
    to_json,
    validate_export,
)

CONFIRM = "people_confirm_delete"  # the id waiting for "Yes, delete"
CONFLICT = "people_import_conflict"  # the uploaded file's id waiting for "Yes, replace them"
ROUND = "people_upload_round"  # a new file box after each import
MESSAGE = "people_message"  # a confirmation to show after the rerun
DELETE_WORD = "DELETE"  # typed to confirm deleting all of this account's data


def now() -> datetime:
    """The time for the audit trail and the export file."""
    return datetime.now(UTC)


def ask_delete(person_id: int) -> None:
    st.session_state[CONFIRM] = person_id


def confirm_delete(store: Store, summary: PersonSummary) -> None:
    """The second step of deleting: say what goes, then delete only on 'Yes'."""
    name = ui.plain(summary.name)
    st.warning(f"Delete {name} and their whole log? This cannot be undone.")
    left, right = st.columns(2)
    if left.button(f"Yes, delete {name}", key="confirm_delete", type="primary", width="stretch"):
        try:
            store.delete_person(summary.id)
            audit.record(store, "delete_person", f"person={summary.id}", now=now())
        except StoreError as error:
            ui.store_error(error)
            return
        if st.session_state.get(ui.PERSON_KEY) == summary.id:
            ui.forget_current()
        st.session_state.pop(CONFIRM, None)
        st.session_state[MESSAGE] = f"Deleted {name} and their log."
        st.rerun()
    if right.button("No, keep them", key="cancel_delete", width="stretch"):
        st.session_state.pop(CONFIRM, None)
        st.rerun()


def person_card(store: Store, summary: PersonSummary) -> None:
    """One saved person: name, programme start, open their plan, delete."""
    with st.container(border=True):
        shown = st.session_state.get(ui.PERSON_KEY) == summary.id
        st.markdown(f"**{ui.plain(summary.name)}**" + (" (shown now)" if shown else ""))
        st.caption(f"Programme started {day_log.long_date(summary.programme_start)}")
        left, right = st.columns(2)
        if left.button("Open their plan", key=f"open_{summary.id}", width="stretch"):
            ui.set_current(summary.id)
            st.switch_page(ui.PLAN_PAGE)
        right.button(
            "Delete",
            key=f"delete_{summary.id}",
            on_click=ask_delete,
            args=(summary.id,),
            width="stretch",
            icon=":material/delete:",
        )
        if st.session_state.get(CONFIRM) == summary.id:
            confirm_delete(store, summary)


def download(store: Store, people: list[PersonSummary]) -> None:
    """The export of everything saved here, as one JSON file; a download is audited."""
    if st.download_button(
        "Download all my data",
        data=to_json(export_all(store, now=now())),
        file_name=f"backplan-export-{ui.today().isoformat()}.json",
        mime="application/json",
        key="export",
        icon=":material/download:",
    ):
        audit.record(store, "export", f"people={len(people)}", now=now())


def delete_all(store: Store) -> None:
    """Delete every person, log and the clinic header saved here, after typing DELETE."""
    st.markdown("**Delete all my data**")
    typed = st.text_input(
        f"Every person saved here, their answers and logs, and the clinic header are deleted. "
        f"This cannot be undone. Type {DELETE_WORD} to confirm.",
        key="delete_all_text",
    )
    confirmed = typed.strip() == DELETE_WORD
    if st.button(
        "Delete all my data",
        key="delete_all",
        type="primary",
        disabled=not confirmed,
        icon=":material/delete_forever:",
    ):
        people = store.delete_everything()
        audit.record(store, "delete_all", f"people={people}", now=now())
        ui.forget_current()
        for key in list(st.session_state):  # form answers, chosen week, uploads: all of it
            if key != ui.OWNER_KEY:
                del st.session_state[key]
        st.session_state[MESSAGE] = "All your data was deleted."
        st.rerun()


def problems(error: TransferError) -> None:
    """Every problem of a file that cannot be imported, in a list."""
    lines = [ui.plain(str(problem)) for problem in error.problems]
    st.error("This file cannot be imported:\n\n" + ui.bulleted(lines))


def run_import(store: Store, data: dict, file_id: str, overwrite: bool) -> None:
    """Import; people already saved make it ask first (nothing is written until then)."""
    try:
        report = import_all(store, data, overwrite=overwrite)
        counts = f"added={len(report.added)} replaced={len(report.replaced)}"
        audit.record(store, "import", counts, now=now())
    except ImportConflict:
        st.session_state[CONFLICT] = file_id
        st.rerun()
    except TransferError as error:
        problems(error)
        return
    except StoreError as error:
        ui.store_error(error)
        return
    parts = [
        f"{word} {', '.join(ui.plain(n) for n in names)}"
        for word, names in (("added", report.added), ("replaced", report.replaced))
        if names
    ]
    st.session_state[MESSAGE] = "Imported: " + "; ".join(parts) + "."
    st.session_state.pop(CONFLICT, None)
    st.session_state[ROUND] = st.session_state.get(ROUND, 0) + 1
    st.rerun()


def import_section(store: Store) -> None:
    """A file box for an export; its people are listed, then imported on a click."""
    upload = st.file_uploader(
        "Import a BackPlan file (.json)",
        type=["json"],
        key=f"import_file_{st.session_state.get(ROUND, 0)}",
    )
    if upload is None:
        return
    try:
        data = parse_export_bytes(upload.getvalue())
        names = [ui.plain(record.profile.name) for record in validate_export(data)]
    except TransferError as error:
        problems(error)
        return
    st.markdown(f"This file holds {len(names)} people: {', '.join(names)}.")
    if st.session_state.get(CONFLICT) != upload.file_id:
        if st.button("Import", key="import_go", type="primary", icon=":material/upload:"):
            run_import(store, data, upload.file_id, overwrite=False)
        return
    saved = {summary.name for summary in store.list_people()}
    taken = [ui.plain(r.profile.name) for r in validate_export(data) if r.profile.name in saved]
    st.warning(
        f"Replace these people: {', '.join(taken)}? What is saved here for them (answers and "
        "log) will be replaced by what is in the file."
    )
    left, right = st.columns(2)
    if left.button("Yes, replace them", key="import_replace", type="primary", width="stretch"):
        run_import(store, data, upload.file_id, overwrite=True)
    if right.button("Cancel", key="import_cancel", width="stretch"):
        st.session_state.pop(CONFLICT, None)
        st.rerun()


st.title("Saved people")
store = ui.store()
if message := st.session_state.pop(MESSAGE, None):
    st.success(message, icon=":material/check_circle:")
try:
    people = store.list_people()
    if not people:
        st.info("Nobody is saved yet. Fill in the safety check and profile to save someone.")
    for summary in people:
        person_card(store, summary)
    if st.button("Add someone new", key="add_person", icon=":material/person_add:"):
        ui.forget_current()
        st.session_state[ui.NEW_PERSON_KEY] = True
        st.switch_page(ui.PROFILE_PAGE)

    st.subheader("Your data")
    st.markdown(
        "Download all my data saves every person here, with their answers and log, as one file. "
        "Import reads such a file back, here or on another computer."
    )
    if people:
        download(store, people)
    import_section(store)
    delete_all(store)
except StoreError as error:
    ui.store_error(error)
st.caption(ui.DISCLAIMER)
