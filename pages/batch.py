"""Batch printing: a spreadsheet of people in, a ZIP of printable plans out, and the clinic header.

The page collects the file, the edits and the choices; reading, checking and making the files is
planner.batch.upload and planner.batch.
"""

import os

import streamlit as st

from pages.parts import current, router
from pages.parts.text import plain
from planner.batch.job import Job, template_csv, zip_batch
from planner.batch.upload import PROBLEMS, apply_edits, frame_rows, read_upload, with_problems
from planner.clinic import ClinicError
from planner.profile import ProfileError
from storage.clinic import clear_clinic, get_clinic, set_clinic

TABLE_KEY = "batch_table"  # the uploaded people, edits applied (a DataFrame of text cells)
FILE_KEY = "batch_file"  # the id of the upload that TABLE_KEY came from
VERSION_KEY = "batch_editor_version"  # bumped to show the editor afresh after edits
ZIP_KEY = "batch_zip"  # (zip bytes, file names, bad rows) of the last "Make PDFs"
KINDS = {"sheet": "Weekly sheet (one page)", "booklet": "Four-week booklet (weeks 1-4)"}
PAPERS = {"a4": "A4", "letter": "US Letter"}
HIGHLIGHT = "background-color: #fdecea; color: #8a1c1c"


def clinic_settings(store) -> None:
    """The clinic name and contact printed on every page, saved for this account."""
    saved = get_clinic(store)
    with st.expander("Clinic header on printed pages", expanded=saved is None):
        with st.form("clinic_form"):
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
    if upload is None or st.session_state.get(FILE_KEY) == upload.file_id:
        return
    st.session_state[FILE_KEY] = upload.file_id
    st.session_state.pop(ZIP_KEY, None)
    try:
        st.session_state[TABLE_KEY] = read_upload(upload.name, upload.getvalue())
    except ProfileError as error:
        st.session_state.pop(TABLE_KEY, None)
        st.error(f"{plain(upload.name)} {plain(error.problems[0].message)}")


def editor_key() -> str:
    return f"batch_editor_{st.session_state.get(VERSION_KEY, 0)}"


def keep_edits() -> None:
    """Apply the editor's changes to the table, so the Problems column is checked again."""
    edits = st.session_state.get(editor_key(), {})
    st.session_state[TABLE_KEY] = apply_edits(st.session_state[TABLE_KEY], edits)
    st.session_state[VERSION_KEY] = st.session_state.get(VERSION_KEY, 0) + 1
    st.session_state.pop(ZIP_KEY, None)


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


def make_files(store, marked) -> None:
    """Choices, the Make PDFs button with a progress bar, and the ZIP to download."""
    left, right = st.columns(2)
    kind = left.radio("What to print", tuple(KINDS), format_func=KINDS.get, key="batch_kind")
    paper = right.radio("Paper size", tuple(PAPERS), format_func=PAPERS.get, key="batch_paper")
    good = [row for row in frame_rows(marked[marked[PROBLEMS] == ""])]
    if st.button(f"Make PDFs for {len(good)} people", type="primary", disabled=not good):
        weeks = (1, 4) if kind == "booklet" else (1, 1)
        job = Job(*weeks, fmt="pdf", paper=paper, clinic=get_clinic(store))
        bar = st.progress(0.0, text="Making PDFs ...")

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=f"Made {done} of {total}")

        st.session_state[ZIP_KEY] = zip_batch(good, job, os.cpu_count() or 1, progress)
        bar.empty()
    if ZIP_KEY in st.session_state:
        data, names, _ = st.session_state[ZIP_KEY]
        st.download_button(
            f"Download {len(names)} PDFs (ZIP)",
            data=data,
            file_name="backplan-plans.zip",
            mime="application/zip",
            key="download_zip",
            icon=":material/folder_zip:",
        )
        st.caption("In the ZIP: " + plain(", ".join(names)))


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
    key="download_template",
    icon=":material/download:",
)
load(st.file_uploader("Spreadsheet of people (CSV or Excel)", type=["csv", "xlsx"], key="upload"))
if TABLE_KEY not in st.session_state:
    st.info("Upload a spreadsheet to see its people here. At most 2,000 rows and 5 MB.")
    st.stop()
marked = with_problems(st.session_state[TABLE_KEY])
people_table(marked)
make_files(store, marked)
