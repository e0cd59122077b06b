"""Batch printing: a spreadsheet of people in, a ZIP of printable plans out, and the clinic header.

The page collects the file, the edits and the choices; reading, checking and making the files is
planner.batch (the same pipeline as the command line), the table is pages/parts/batch_table.py.
"""

import os

import streamlit as st

from pages.parts import current, router, state
from pages.parts.batch_table import (
    PROBLEMS,
    apply_edits,
    content_key,
    table,
    table_csv,
    table_rows,
    with_problems,
)
from pages.parts.text import plain
from planner.batch.job import Job, produce, template_csv
from planner.batch.limits import MAX_BYTES, MAX_ROWS
from planner.batch.outputs import zip_files
from planner.batch.sheet import read_sheet
from planner.clinic import ClinicError
from planner.profile import ProfileError
from storage.clinic import clear_clinic, get_clinic, set_clinic

KINDS = {"sheet": "Weekly sheet (one page)", "booklet": "Four-week booklet (weeks 1-4)"}
WEEKS = {"sheet": (1, 1), "booklet": (1, 4)}
PAPERS = {"a4": "A4", "letter": "US Letter"}
HIGHLIGHT = "background-color: #fdecea; color: #8a1c1c"


def clinic_settings(store) -> None:
    """The clinic name and contact printed on every page, saved for this account."""
    saved = get_clinic(store)
    with st.expander("Clinic header on printed pages", expanded=saved is None):
        with st.form(state.BATCH_CLINIC_FORM):
            name = st.text_input("Clinic name", saved.name if saved else "", max_chars=60)
            contact = st.text_input(
                "Contact line (phone, e-mail or address)",
                saved.contact if saved else "",
                max_chars=100,
            )
            submitted = st.form_submit_button("Save clinic header")
        if submitted:
            try:
                if name.strip() or contact.strip():
                    set_clinic(store, name, contact)
                    st.success("Saved: it prints at the top of every page.")
                else:
                    clear_clinic(store)
                    st.success("No clinic header will be printed.")
            except ClinicError as error:
                st.error(f"Not saved: {plain(str(error))}")


def load(upload) -> None:
    """Read a newly uploaded file into the table (once per upload)."""
    if upload is None or st.session_state.get(state.BATCH_FILE) == upload.file_id:
        return
    st.session_state[state.BATCH_FILE] = upload.file_id
    st.session_state.pop(state.BATCH_ZIP, None)
    try:
        st.session_state[state.BATCH_TABLE] = table(read_sheet(upload.name, upload.getvalue()))
    except ProfileError as error:
        st.session_state.pop(state.BATCH_TABLE, None)
        st.error(f"{plain(upload.name)} {plain(error.problems[0].message)}")


def editor_key() -> str:
    return state.BATCH_EDITOR.format(version=st.session_state.get(state.BATCH_EDITOR_VERSION, 0))


def keep_edits() -> None:
    """Apply the editor's changes to the table, so the Problems column is checked again."""
    edits = st.session_state.get(editor_key(), {})
    st.session_state[state.BATCH_TABLE] = apply_edits(st.session_state[state.BATCH_TABLE], edits)
    st.session_state[state.BATCH_EDITOR_VERSION] = (
        st.session_state.get(state.BATCH_EDITOR_VERSION, 0) + 1
    )
    forget_zip()


def forget_zip() -> None:
    """A changed table or option makes the last ZIP stale: it is not offered again."""
    st.session_state.pop(state.BATCH_ZIP, None)


def checked():
    """The table with each row's problems, checked again only when its content changed."""
    people = st.session_state[state.BATCH_TABLE]
    key = content_key(people)
    cached = st.session_state.get(state.BATCH_CHECKED)
    if cached is None or cached[0] != key:
        cached = (key, with_problems(people))
        st.session_state[state.BATCH_CHECKED] = cached
    return cached[1]


def people_table(marked) -> None:
    """The people with their problems, rows with problems highlighted; cells can be fixed."""
    bad = int((marked[PROBLEMS] != "").sum())
    if bad:
        st.warning(f"{bad} of {len(marked)} rows have problems: fix the cells or delete the rows.")
    else:
        st.success(f"All {len(marked)} rows are ready to print.")
    styled = marked.style.apply(
        lambda column: [HIGHLIGHT if text else "" for text in column], subset=[PROBLEMS]
    )
    st.data_editor(
        styled,
        key=editor_key(),
        num_rows="dynamic",
        disabled=[PROBLEMS],
        on_change=keep_edits,
        column_config={PROBLEMS: st.column_config.TextColumn(PROBLEMS, width="large")},
    )
    st.download_button(
        "Download the table (CSV)",
        data=lambda: table_csv(marked),  # made only when asked for
        file_name="backplan-people.csv",
        mime="text/csv",
        key=state.BATCH_DOWNLOAD_TABLE,
        icon=":material/download:",
    )


def option(column, label: str, choices: dict[str, str], key: str) -> str:
    """A choice for the files; changing it forgets a ZIP made with the old one."""
    return column.radio(
        label, tuple(choices), format_func=choices.get, key=key, on_change=forget_zip
    )


def make_files(store, marked) -> None:
    """Choices, the Make PDFs button with a progress bar, and the ZIP to download."""
    left, right = st.columns(2)
    kind = option(left, "What to print", KINDS, state.BATCH_KIND)
    paper = option(right, "Paper size", PAPERS, state.BATCH_PAPER)
    good = table_rows(marked[marked[PROBLEMS] == ""])
    if st.button(f"Make PDFs for {len(good)} people", type="primary", disabled=not good):
        job = Job(*WEEKS[kind], fmt="pdf", paper=paper, clinic=get_clinic(store))
        bar = st.progress(0.0, text="Making PDFs ...")

        def progress(done: int) -> None:
            bar.progress(done / len(good), text=f"Made {done} of {len(good)}")

        results = produce(good, job, os.cpu_count() or 1)
        st.session_state[state.BATCH_ZIP] = zip_files(results, progress)
        bar.empty()
    if state.BATCH_ZIP in st.session_state:
        zipped = st.session_state[state.BATCH_ZIP]
        st.download_button(  # handed to the media store only when clicked (see people.py)
            f"Download {len(zipped.names)} PDFs (ZIP)",
            data=lambda: zipped.data,
            file_name="backplan-plans.zip",
            mime="application/zip",
            key=state.BATCH_DOWNLOAD_ZIP,
            icon=":material/folder_zip:",
        )
        st.caption("In the ZIP: " + plain(", ".join(zipped.names)))


router.start_page()
st.title("Batch printing")
st.markdown(
    "Print a plan for each person in a spreadsheet: one row per person, with the same columns "
    "as the template (lists such as conditions separated by `;`)."
)
store = current.store()
clinic_settings(store)
st.download_button(
    "Download the CSV template",
    data=template_csv(),
    file_name="people_template.csv",
    mime="text/csv",
    key=state.BATCH_DOWNLOAD_TEMPLATE,
    icon=":material/download:",
)
load(
    st.file_uploader(
        "Spreadsheet of people (CSV or Excel)", type=["csv", "xlsx"], key=state.BATCH_UPLOAD
    )
)
if state.BATCH_TABLE not in st.session_state:
    st.info(
        "Upload a spreadsheet to see its people here. "
        f"At most {MAX_ROWS:,} rows and {MAX_BYTES // 2**20} MB."
    )
    st.stop()
marked = checked()
people_table(marked)
make_files(store, marked)
