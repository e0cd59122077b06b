"""What people type, in the printed and calendar exports: a name or clinic header with markup,
line breaks, calendar syntax, very long words or other scripts is written as literal text, stays
on the page, and never adds an event or a property.

tests/test_export_pdf.py and tests/test_export_ics.py cover the plain cases; the layout checker
is tests/pdf_checks.py's.
"""

import dataclasses
import io
import re
from datetime import UTC, date, datetime

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.exports.ics_calendar import plan_ics, programme_ics
from planner.exports.pdf_booklet import booklet_pdf
from planner.exports.pdf_sheet import plan_pdf
from tests.conftest import make_profile
from tests.pdf_checks import problems

START = date(2025, 3, 3)
CREATED = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
MARKUP_NAME = "<b>Bo</b> **x** [c](javascript:1) &amp; (a) \\ %%EOF"
MARKUP_CLINIC = ClinicHeader("<script>alert(1)</script> Physio", "=1+1 :red[x] $x^2$ <img src=x>")
# Typst's own markup and code: each would do something if it were spliced into template source.
TYPST_NAME = '#panic("x") [b] $y$ *s* _e_ \\ <l> @ref "q" // c /* d'
TYPST_CLINIC = ClinicHeader('#set page(fill: red) ]) #{ "', "*bold* _em_ $x^2$ @x <y> \\ // /*")
OTHER_SCRIPTS = ClinicHeader("Φυσικοθεραπεία Αθήνας", "Физиотерапия, 李小龙 诊所")
INJECTION = "Eve\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:evil\r\nX-EVIL;A=B:C, d; e\\f"
EVENT_PROPERTIES = {"UID", "DTSTAMP", "DTSTART", "DURATION", "SUMMARY", "DESCRIPTION"}


def profile(name: str | None, **changes):
    return parse_profile(make_profile(name=name, start_date="2025-03-03", **changes))


def flat_text(data: bytes) -> str:
    """Every page's text, runs of white space made single spaces."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


# --- PDF ------------------------------------------------------------------------------------------


def test_markup_in_the_name_and_clinic_header_prints_as_literal_text():
    """HTML, Markdown, entities, brackets, a backslash and PDF syntax print exactly as typed on the
    sheet and on every booklet page, and none of it reaches the file's metadata."""
    person = profile(MARKUP_NAME)
    plans = [build_plan(person, week) for week in (1, 2)]
    sheet = plan_pdf(plans[0], clinic=MARKUP_CLINIC)
    booklet = booklet_pdf(plans, clinic=MARKUP_CLINIC, profile=person)
    for data in (sheet, booklet):
        text = flat_text(data)
        for literal in (MARKUP_NAME, MARKUP_CLINIC.name, MARKUP_CLINIC.contact):
            assert literal in text
        metadata = " ".join(str(v) for v in PdfReader(io.BytesIO(data)).metadata.values())
        assert "Bo" not in metadata and "script" not in metadata
    pages = PdfReader(io.BytesIO(booklet)).pages
    assert all(MARKUP_CLINIC.name in " ".join(p.extract_text().split()) for p in pages)


def test_typst_markup_in_the_name_and_clinic_header_prints_as_literal_text():
    """Typst's markup characters (# [ ] $ * _ \\ < @ " // /*) in a name and a clinic header
    print exactly as typed on the sheet and every booklet page: the text is data, never template
    source."""
    person = profile(TYPST_NAME)
    plans = [build_plan(person, week) for week in (1, 2)]
    for data in (
        plan_pdf(plans[0], clinic=TYPST_CLINIC),
        booklet_pdf(plans, clinic=TYPST_CLINIC, profile=person),
    ):
        pages = PdfReader(io.BytesIO(data)).pages
        for page in pages:
            text = " ".join(page.extract_text().split())
            assert TYPST_CLINIC.name in text and TYPST_CLINIC.contact in text
        assert TYPST_NAME in flat_text(data)
        assert problems(data) == []


def test_line_breaks_and_tabs_given_to_the_sheet_print_on_one_line():
    """A name that reached the sheet with breaks in it (the profile refuses them) prints as one
    line, each run of breaks a single space."""
    plan = dataclasses.replace(build_plan(profile("Ann")), name="Ann\nBo\r\nCy\tDi\u2028Ed\x0bFy")
    data = plan_pdf(plan)
    assert "Ann Bo Cy Di Ed Fy" in flat_text(data)
    assert problems(data) == []


def test_other_scripts_print_and_letters_the_font_lacks_become_question_marks():
    """Greek and Cyrillic print as typed; CJK, which DejaVu Sans lacks, prints as one '?' a
    character (the documented replacement) instead of failing or printing blanks."""
    name = "Ελένη Παπαδοπούλου-Καραγιάννη"
    for data in (
        plan_pdf(build_plan(profile(name)), clinic=OTHER_SCRIPTS),
        booklet_pdf([build_plan(profile(name), w) for w in (1, 2)], clinic=OTHER_SCRIPTS),
    ):
        text = flat_text(data)
        assert name in text and "Φυσικοθεραπεία Αθήνας" in text
        assert "Физиотерапия, ??? ??" in text
        assert problems(data) == []


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "name", ["W" * 60, "Ш" * 60, "@" * 60, "W " * 30], ids=["W", "Cyrillic", "at", "spaced"]
)
def test_the_longest_unbroken_name_and_header_stay_on_the_page(name, paper):
    """A 60-character name with no space to break at, under the widest clinic header: every
    character prints, nothing runs past a margin or over other text, on the sheet and booklet."""
    clinic = ClinicHeader("Ш" * 60, "@" * 100)
    person = profile(name.strip())
    sheet = plan_pdf(build_plan(person), paper=paper, clinic=clinic)
    booklet = booklet_pdf([build_plan(person, w) for w in (1, 2)], paper, clinic, person)
    for data in (sheet, booklet):
        assert problems(data) == []
        squeezed = re.sub(r"\s", "", flat_text(data))
        assert re.sub(r"\s", "", name) in squeezed and "Ш" * 60 in squeezed
        assert "@" * 100 in squeezed


# --- ICS ------------------------------------------------------------------------------------------


def unfolded_lines(data: bytes) -> list[str]:
    """The calendar's content lines, folded lines joined again (RFC 5545 section 3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def check_no_injection(data: bytes, sessions: int) -> Calendar:
    """One VEVENT per session, each with only its own properties; one VCALENDAR; no content line
    starting with anything the name carried."""
    cal = Calendar.from_ical(data)
    lines = unfolded_lines(data)
    assert len(cal.walk("VEVENT")) == sessions == lines.count("BEGIN:VEVENT")
    assert lines.count("BEGIN:VCALENDAR") == lines.count("END:VCALENDAR") == 1
    assert not [line for line in lines if re.match(r"(SUMMARY:evil|X-EVIL|d;|e\\)", line)]
    for event in cal.walk("VEVENT"):
        assert set(event) == EVENT_PROPERTIES
        assert str(event["summary"]).startswith("BackPlan: back exercises")
    return cal


def test_calendar_syntax_in_a_name_adds_no_events_to_a_programme():
    """The batch calendar (four weeks): a name with END:VEVENT, a new property, commas,
    semicolons and a backslash stays inside the text of the calendar name and descriptions."""
    plans = [
        dataclasses.replace(build_plan(profile("Eve"), w), name=INJECTION) for w in range(1, 5)
    ]
    data = programme_ics(plans, START, CREATED)
    cal = check_no_injection(data, sum(len(p.sessions) for p in plans))
    clean = "Eve END:VEVENT BEGIN:VEVENT SUMMARY:evil X-EVIL;A=B:C, d; e\\f"
    assert str(cal["x-wr-calname"]) == f"BackPlan weeks 1-4 - {clean}"
    assert f"Plan for {clean}, week 1:" in str(cal.walk("VEVENT")[0]["description"])


def test_an_escaped_newline_typed_as_text_stays_text():
    """A backslash followed by 'n' is written as an escaped backslash, so a calendar program reads
    the two characters back, not a line break."""
    plan = dataclasses.replace(build_plan(profile("Eve")), name="Eve\\nSUMMARY:evil\\,x\\;y")
    data = plan_ics(plan, START, CREATED)
    cal = check_no_injection(data, len(plan.sessions))
    assert "Plan for Eve\\nSUMMARY:evil\\,x\\;y, week" in str(cal.walk("VEVENT")[0]["description"])
    assert "\\\\nSUMMARY" in data.decode()


@pytest.mark.parametrize(
    "mark", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x00", "\x7f"]
)
def test_characters_some_readers_take_as_line_breaks_never_reach_the_file(mark):
    """Unicode line and paragraph separators, NEL and other controls become spaces: no calendar
    program can split a line on them."""
    plan = dataclasses.replace(build_plan(profile("Eve")), name=f"Eve{mark}SUMMARY:evil")
    data = plan_ics(plan, START, CREATED)
    assert mark.encode() not in data.replace(b"\r\n", b"")
    check_no_injection(data, len(plan.sessions))
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == "BackPlan week 1 - Eve SUMMARY:evil"


def test_a_long_name_in_other_scripts_folds_without_splitting_a_character():
    """Lines fold at 75 bytes, never inside a UTF-8 character, and the name reads back whole."""
    name = "李小龙Ελένη😀" * 6
    plan = dataclasses.replace(build_plan(profile("Eve")), name=name)
    data = plan_ics(plan, START, CREATED)
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # a character split across a fold would not decode
    assert str(Calendar.from_ical(data)["x-wr-calname"]) == f"BackPlan week 1 - {name}"
