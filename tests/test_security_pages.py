"""What people type, on the pages: names, notes, uploaded file names and a provider's display name
with HTML or Markdown in them show exactly as typed, never as markup, links or colours; download
file names carry no user text; uploads over the limit are refused with a clear message.

Streamlit escapes raw HTML itself, but Markdown (links, emphasis, :red[...] colours, $maths$,
:material/icons:) in st.markdown, alerts, captions, button labels and table cells is rendered:
the pages pass user text through text.plain, which escapes every Markdown special character. The
AppTest checks read what each page sends; the browser test checks what Chromium builds.
"""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from planner import parse_profile
from planner.batch.limits import MAX_BYTES
from planner.log_entry import LogEntry
from storage import open_store
from storage.transfer import export_all, to_json
from tests.auth_steps import AUTH, ISSUER
from tests.conftest import make_profile
from tests.markup_texts import IMG, MARKDOWN, NOTE, SCRIPT
from tests.page_steps import ANSWERS, APP, click, submit
from tests.page_steps import run as run_page

TODAY = ANSWERS["start_date"]
MARKDOWN_KINDS = (
    "title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success",
    "toast", "exception",
)  # fmt: skip


def escaped(text: str) -> str:
    """The text as Markdown that shows it literally: every ASCII punctuation mark escaped, and an
    invisible word joiner (U+2060) where GFM would start a link: in "www.", "://" and after "@"."""
    text = re.sub(r"(?i)(www)\.", "\\1\u2060.", text)
    text = text.replace("://", ":\u2060//").replace("@", "@\u2060")
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def person(name: str) -> int:
    profile = parse_profile(make_profile(name=name, start_date=TODAY))
    return open_store().save_person(profile, programme_start=TODAY)


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed at TODAY."""
    set_today(TODAY)
    return page_store


def run(page: str, at: AppTest | None = None) -> AppTest:
    return run_page(page, at=at)


def markdown_texts(at: AppTest) -> list[str]:
    """Every text the page hands to Streamlit's Markdown renderer: elements, labels and cells."""
    texts = [str(e.value) for kind in MARKDOWN_KINDS for e in at.get(kind)]
    texts += [b.label for b in at.button] + [link.label for link in at.page_link]
    texts += [e.label for e in at.expander]
    for table in at.table:
        texts += [str(cell) for cell in table.value.to_numpy().ravel()]
    return texts


def assert_only_escaped(at: AppTest, *typed: str) -> None:
    """Each typed text appears in Markdown only escaped (and does appear): never raw."""
    texts = markdown_texts(at)
    for text in typed:
        assert not [t for t in texts if text in t], f"{text!r} reached Markdown unescaped"
        assert [t for t in texts if escaped(text) in t], f"{text!r} is not shown at all"


@pytest.mark.parametrize("name", [IMG, SCRIPT, MARKDOWN])
def test_the_people_page_and_deleting_show_a_name_literally(name):
    """The person's card, the delete question, its buttons and the confirmation."""
    person_id = person(name)
    at = run("people")
    assert_only_escaped(at, name)
    at = click(at, f"delete_{person_id}")
    assert escaped(name) in at.warning[0].value
    assert at.button(key="confirm_delete").label == f"Yes, delete {escaped(name)}"
    click(at, "confirm_delete")
    assert_only_escaped(at, name)
    assert at.success[0].value == f"Deleted {escaped(name)} and their log."


def test_whose_plan_buttons_and_the_pages_for_a_person_show_names_literally():
    """With several people the plan page asks whose plan, one button each; after choosing, the
    plan, progress and session pages name the person in plain text (st.text, no Markdown)."""
    ids = [person(name) for name in (IMG, SCRIPT, MARKDOWN)]
    at = run("plan")
    assert_only_escaped(at, IMG, SCRIPT, MARKDOWN)
    at = click(at, f"choose_{ids[0]}")
    for page in ("plan", "progress", "session"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
        assert f"For {IMG}" in [t.value for t in at.text]
        assert not [t for t in markdown_texts(at) if IMG in t]


def test_the_profile_page_shows_a_saved_or_taken_name_literally():
    """'The saved answers of ...' and 'Someone called ... is already saved'."""
    person(SCRIPT)
    at = run("profile")
    assert_only_escaped(at, SCRIPT)
    click(at, "new_person")
    at = submit(at, **ANSWERS | {"name": SCRIPT})
    assert f"Someone called {escaped(SCRIPT)} is already saved" in at.error[0].value
    assert_only_escaped(at, SCRIPT)


def test_a_log_note_shows_literally_in_the_progress_table():
    """The note typed on the plan page is escaped in the progress page's table (st.table reads
    Markdown in its cells)."""
    person_id = person("Ann")
    open_store().save_log(person_id, LogEntry(day=TODAY, week=1, status="done", note=NOTE))
    at = run("progress")
    assert escaped(NOTE) in list(at.table[0].value["Note"])
    assert_only_escaped(at, NOTE)


def test_a_display_name_from_the_sign_in_provider_shows_literally():
    """On a shared deployment Home says who is signed in: the provider's name is user text too."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = dict(AUTH)
    at.user = {"is_logged_in": True, "iss": ISSUER, "sub": "7", "name": IMG, "email": "e@x.org"}
    at = run("home", at)
    assert f"Signed in as **{escaped(IMG)}**." in [m.value for m in at.markdown]
    assert_only_escaped(at, IMG)


def test_an_uploaded_file_name_shows_literally_and_a_big_upload_is_refused():
    """The batch page names the uploaded file in its message, escaped; a file over 5 MB is
    refused with the limit (AppTest does not apply server.maxUploadSize: the page's own check)."""
    at = run("batch")
    upload = "[x](javascript:alert(1))**b**.csv"
    at.file_uploader(key="upload").upload(upload, b"\xff\xfe", "text/csv").run()
    assert at.error[0].value.startswith(escaped(upload))
    assert_only_escaped(at, upload)
    at.file_uploader(key="upload").upload("big.csv", b"x" * (MAX_BYTES + 1), "text/csv").run()
    assert at.error[0].value == escaped("big.csv is 5.2 MB; the limit is 5 MB")
    assert not at.data_editor


def test_an_import_lists_names_literally_and_a_big_import_is_refused(tmp_path):
    """The names in an uploaded export, the import message, and the limit on the file's size."""
    other = open_store(f"sqlite:///{tmp_path / 'other.db'}")
    for name in (IMG, SCRIPT):
        other.save_person(parse_profile(make_profile(name=name)), programme_start=TODAY)
    data = to_json(export_all(other, now=datetime(2025, 3, 1, tzinfo=UTC))).encode()
    at = run("people")
    at.file_uploader(key="import_file_0").set_value(("backplan.json", data, "application/json"))
    at.run()
    assert_only_escaped(at, IMG, SCRIPT)
    click(at, "import_go")
    assert at.success[0].value.startswith(f"Imported: added {escaped(IMG)}, {escaped(SCRIPT)}")
    big = ("big.json", b" " * (MAX_BYTES + 1), "application/json")
    at.file_uploader(key="import_file_1").set_value(big).run()
    assert "file\\: is 5\\.2 MB\\; the limit is 5 MB" in at.error[0].value


@pytest.fixture
def file_names(monkeypatch) -> list[str]:
    """The file_name of every download button the pages make."""
    names: list[str] = []
    original = DeltaGenerator.download_button

    def recording(self, *args, **kwargs):
        names.append(kwargs["file_name"])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    main = st.download_button.__self__  # st.download_button is bound to the main area
    monkeypatch.setattr(st, "download_button", lambda *a, **k: recording(main, *a, **k))
    return names


def test_download_file_names_carry_no_user_text(file_names):
    """The plan's PDF, ICS, CSV and JSON, the see-a-doctor sheet, the export and the batch
    template are named from fixed words, the week and the date only: nothing a person typed."""
    person("../../etc/passwd CON " + IMG[:30])
    red_flag = parse_profile(make_profile(name="..\\..\\x", red_flags=["fever"]))
    open_store().save_person(red_flag, programme_start=TODAY)
    at = run("people")
    for summary in open_store().list_people():
        at.switch_page("pages/people.py").run()
        click(at, f"open_{summary.id}")
    for page in ("batch", "people"):
        at.switch_page(f"pages/{page}.py").run()
    assert {Path(n).suffix for n in file_names} == {".pdf", ".ics", ".csv", ".json"}
    assert "backplan-see-a-doctor.pdf" in file_names
    assert all(re.fullmatch(r"[a-z0-9_-]+\.[a-z]+", n) for n in file_names), file_names
    assert f"backplan-export-{TODAY.isoformat()}.json" in file_names
