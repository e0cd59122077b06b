"""Security checks on what people type: no user text can reach raw HTML on the pages, uploads and
files read have size limits, and a name is one plain line.

The rest of the security tests: tests/test_security_files.py (file names, CSV cells),
tests/test_security_exports.py (PDF, ICS), tests/test_security_pages.py (the pages under
AppTest) and tests/test_security_browser.py (a real browser).
"""

import ast
import csv
import io
import os
import threading
import tomllib
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner import parse_profile
from planner.batch.job import template_csv
from planner.batch.limits import MAX_BYTES as BATCH_MAX_BYTES
from planner.batch.limits import MAX_ROWS, MAX_SHEET_ROWS, MAX_UNPACKED
from planner.batch.sheet import read_sheet
from planner.files.profile_files import profile_from_csv, read_text
from planner.profile import ProfileError
from storage.transfer import MAX_BYTES as IMPORT_MAX_BYTES
from storage.transfer import TransferError, parse_export_bytes
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py"))]
RAW_HTML_CALLS = {"html", "iframe"}  # st.html, components.html, components.iframe
UNSAFE_FLAGS = {"unsafe_allow_html", "unsafe_allow_javascript"}


# --- No user text reaches unsafe_allow_html, st.html or components.html --------------------------


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _html_argument(call: ast.Call) -> ast.expr | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg in ("body", "html", "src")), None)


def _fixed_text(value: ast.expr) -> bool:
    """A string literal, or a file path `FOLDER / "name"` (st.html reads a Path as a fixed file)."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
        value = value.right
    return isinstance(value, ast.Constant) and isinstance(value.value, str)


def _constant_strings(tree: ast.Module) -> set[str]:
    """Module-level names bound exactly once in the module, to a string literal or a file path."""
    bound = Counter(
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del)
    )
    return {
        node.targets[0].id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and _fixed_text(node.value)
        and bound[node.targets[0].id] == 1
    }


def raw_html_calls(source: str) -> list[tuple[int, bool]]:
    """(line, safe) for each call that puts HTML on the page: safe when its HTML is a string
    literal or a module-level constant bound to one (never an f-string, .format, a concatenation
    or anything computed)."""
    tree = ast.parse(source)
    constants = _constant_strings(tree)
    found = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        flagged = any(
            k.arg in UNSAFE_FLAGS and not (isinstance(k.value, ast.Constant) and not k.value.value)
            for k in call.keywords
        )
        if not flagged and _call_name(call) not in RAW_HTML_CALLS:
            continue
        html = _html_argument(call)
        literal = isinstance(html, ast.Constant) and isinstance(html.value, str)
        found.append(
            (call.lineno, literal or (isinstance(html, ast.Name) and html.id in constants))
        )
    return found


def test_the_html_checker_tells_constants_from_built_html():
    """The checker flags f-strings, .format, concatenation and reassigned names: it can fail."""
    # the flag is spelt in two parts so that a text search of the repo for raw HTML finds uses,
    # not this sample of what the checker must flag
    source = """
import streamlit as st
from streamlit.components.v1 import html
CSS = "<style>p {}</style>"
MUTABLE = "<b>x</b>"
MUTABLE = MUTABLE + name
st.html(CSS)
st.markdown("<hr>", UNSAFE=True)
st.markdown(f"<b>{name}</b>", UNSAFE=True)
st.html("<b>{}</b>".format(name))
st.write("<i>" + name, UNSAFE=True)
st.markdown(MUTABLE, UNSAFE=True)
html(body=text)
st.caption(name, UNSAFE=False)
""".replace("UNSAFE", "unsafe_allow" + "_html")
    assert [safe for _, safe in raw_html_calls(source)] == [True, True] + [False] * 5


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_raw_html_on_the_pages_is_only_fixed_text(path):
    """Every unsafe_allow_html/unsafe_allow_javascript call and every st.html or components.html
    in app.py and pages/ gets a constant string, so no user text can reach raw HTML."""
    unsafe = [line for line, safe in raw_html_calls(path.read_text(encoding="utf-8")) if not safe]
    assert unsafe == [], f"{path.name}: HTML built from values on lines {unsafe}"


def test_the_html_checker_sees_the_print_stylesheet_and_button():
    """The two known raw-HTML calls (print CSS, print button) are found, so the scan is live."""
    found = raw_html_calls((ROOT / "pages" / "parts" / "printing.py").read_text(encoding="utf-8"))
    assert len(found) == 2 and all(safe for _, safe in found)


# --- Upload size limits ---------------------------------------------------------------------------


def test_the_server_upload_limit_matches_the_pages_own_limits():
    """server.maxUploadSize is 5 (Streamlit counts MB as 1024 * 1024 bytes), and the batch limit
    (the page's and the command line's) and the import page's own check use the same."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"] * 1024 * 1024
    assert config["server"]["maxUploadSize"] == 5
    assert BATCH_MAX_BYTES == IMPORT_MAX_BYTES == limit


@pytest.mark.parametrize("filename", ["people.csv", "people.xlsx"])
def test_a_batch_upload_over_the_limit_is_refused_before_it_is_read(filename):
    """One byte over 5 MB: a clear message, whatever the file holds."""
    with pytest.raises(ProfileError) as caught:
        read_sheet(filename, b"x" * (BATCH_MAX_BYTES + 1))
    assert str(caught.value.problems[0]) == "file: is 5.2 MB; the limit is 5 MB"


def test_a_batch_upload_at_the_limit_is_read():
    """Exactly 5 MB (the people, then blank lines of spaces) is still a readable spreadsheet."""
    text = template_csv()
    padding = BATCH_MAX_BYTES - len(text.encode())
    data = (text + (" " * 999 + "\n") * (padding // 1000) + " " * (padding % 1000)).encode()
    assert len(data) == BATCH_MAX_BYTES
    names = [cells["name"] for _, cells in read_sheet("people.csv", data)]
    assert names == ["Alex Example", "Sam Sample", "Jo Demo"]


def template_workbook(extra_rows: int = 0, padding: int = 0) -> bytes:
    """The CSV template as an .xlsx, with `extra_rows` more copies of its first person and an
    extra zip part of `padding` zero bytes (it packs to almost nothing)."""
    book = Workbook()
    rows = list(csv.reader(io.StringIO(template_csv())))
    for row in rows + [rows[1]] * extra_rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if padding:
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/padding.bin", bytes(padding))
    return buffer.getvalue()


def test_a_workbook_that_unpacks_too_big_is_refused_before_it_is_read():
    """Under 5 MB packed but over 20 MB unpacked (a zip bomb's shape): refused unread."""
    data = template_workbook(padding=MAX_UNPACKED)
    assert len(data) < 100_000
    with pytest.raises(ProfileError) as caught:
        read_sheet("people.xlsx", data)
    assert str(caught.value.problems[0]) == "file: unpacks to more than 20 MB; make it smaller"
    names = [cells["name"] for _, cells in read_sheet("people.xlsx", template_workbook())]
    assert names == ["Alex Example", "Sam Sample", "Jo Demo"]


def test_a_workbook_with_too_many_rows_is_refused_with_a_clear_message():
    """Over 4,000 rows (2,000 people and room for blank rows; the reader stops there): refused.
    Up to there, the people are counted as in a CSV."""
    with pytest.raises(ProfileError) as caught:
        read_sheet("people.xlsx", template_workbook(extra_rows=MAX_SHEET_ROWS))
    assert str(caught.value.problems[0]) == (
        "file: has more than 4,000 rows; make at most 2,000 people at a time"
    )
    with pytest.raises(ProfileError) as caught:
        read_sheet("people.xlsx", template_workbook(extra_rows=MAX_ROWS - 2))
    assert str(caught.value.problems[0]) == ("file: has 2,001 people; make at most 2,000 at a time")


def test_a_cell_too_big_for_the_csv_reader_is_a_problem_not_a_crash():
    """A 200 kB cell (within 5 MB) overflows the csv module's 128 kB cell limit: the batch upload
    and a one-profile CSV both say where, instead of raising csv.Error."""
    text = template_csv().replace("Sam Sample", "x" * 200_000)
    with pytest.raises(ProfileError) as caught:
        read_sheet("people.csv", text.encode())
    assert str(caught.value.problems[0]).startswith("file: cannot be read as CSV (row 3: field")
    header, first = text.splitlines()[:2]
    with pytest.raises(ProfileError, match=r"cannot be read as CSV \(line 1: field larger"):
        profile_from_csv("x" * 200_000 + "," + header + "\n" + first)


def test_an_import_over_the_limit_is_refused_with_a_clear_message():
    """The Saved people import refuses a file over 5 MB before decoding it; at 5 MB it is read."""
    with pytest.raises(TransferError, match=r"^file: is 5\.2 MB; the limit is 5 MB$"):
        parse_export_bytes(b" " * (IMPORT_MAX_BYTES + 1))
    with pytest.raises(TransferError) as caught:
        parse_export_bytes(b" " * IMPORT_MAX_BYTES)
    assert "limit" not in str(caught.value)


def test_read_text_refuses_a_file_over_its_limit(tmp_path):
    """The command line's files: over the limit is refused, at the limit is read."""
    path = tmp_path / "profile.json"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(ProfileError, match="larger than 1 kB"):
        read_text(path, limit=1000)
    path.write_bytes(b"x" * 1000)
    assert read_text(path, limit=1000) == "x" * 1000


def test_read_text_stops_at_the_limit_on_a_pipe(tmp_path):
    """A pipe has no size to check first: reading stops one byte past the limit and refuses."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    def feed() -> None:
        try:
            with open(pipe, "wb") as writer:
                writer.write(b"x" * 5000)
        except BrokenPipeError:  # the reader stopped early, as it should
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    with pytest.raises(ProfileError, match="larger than 1 kB"):
        read_text(pipe, limit=1000)
    feeder.join(timeout=10)


# --- A name is one plain line ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Eve\u202egnp.exe", "Ann\u2028Bo", "Ann\u2029Bo", "A\x0bB", "A\x0cB", "A\x85B", "A\x1b[31mB",
     "A\x7fB", "Ann\u2066Bo", "tab\there", "nul\x00"],
    ids=repr,
)  # fmt: skip
def test_a_name_with_control_or_bidi_characters_is_refused(name):
    """What prints on sheets and calendars is one line in typed order: line separators, control
    characters and bidirectional overrides are refused, as for the clinic header."""
    with pytest.raises(ProfileError) as caught:
        parse_profile(make_profile(name=name))
    assert "name: must be a single line" in str(caught.value.problems[0])


@pytest.mark.parametrize(
    "name", ["<script>alert(1)</script>", "Ελένη Παπαδοπούλου", "李小龙", "O'Neil, Jr. ; = + @"]
)
def test_odd_but_printable_names_are_kept_exactly(name):
    """Markup, other scripts and punctuation are plain text: kept as typed, escaped where shown."""
    assert parse_profile(make_profile(name=name)).name == name
