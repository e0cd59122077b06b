"""Batch printing from a CSV: files per person, safe names, row errors, formats and the template."""

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.batch.job import FileNamer, Job, Made, produce, slug, template_csv
from planner.batch.outputs import inside, write_into, zip_files
from planner.batch.sheet import EXTRA, cell_text, check_row, read_sheet
from planner.profile import Profile, ProfileError
from tests.cli_steps import ROOT, no_app_database, run_main, run_process
from tests.conftest import make_profile
from tests.hostile_cases_batch import workbook

COLUMNS = template_csv().splitlines()[0].split(",")
HOSTILE = ["../../etc/passwd", "a/b", "CON", ".hidden", "  ", "名前", "..", "/abs/path", "a\\b"]
CLOCK = {"today": date(2026, 11, 30), "created": datetime(2026, 11, 30, 9, 0, tzinfo=UTC)}


@pytest.fixture(autouse=True)
def no_saved_clinic(tmp_path, monkeypatch):
    """The CLI finds no saved clinic header."""
    no_app_database(monkeypatch, tmp_path)


@pytest.fixture
def cli(capsys):
    """`python -m planner ARGV` in this process: cli("batch", ...) gives a Ran."""
    return lambda *argv: run_main(
        [*argv, "--workers", "1"] if argv[0] == "batch" else [*argv], capsys
    )


def csv_line(**changes) -> str:
    """One CSV data line of a valid profile with the given changes (lists joined with ';')."""
    data = make_profile(**changes)
    cells = {k: ";".join(v) if isinstance(v, list) else v for k, v in data.items()}
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writerow(cells)
    return out.getvalue()


def people_text(*lines: str) -> str:
    return ",".join(COLUMNS) + "\n" + "".join(lines)


def people_csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(people_text(*lines), encoding="utf-8")
    return path


def pdf(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pdf(path).pages).split())


def template_rows() -> list:
    return read_sheet("people.csv", template_csv().encode())


def test_a_batch_of_good_rows_makes_one_readable_pdf_per_person(tmp_path, cli):
    """Three people, three one-page A4 PDFs named after them, each naming its person."""
    names = ["Ann Lee", "Bo Chen", "Cy Diaz"]
    source = people_csv(tmp_path, *[csv_line(name=n) for n in names])
    result = cli("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.status == 0, result.err
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["Ann-Lee.pdf", "Bo-Chen.pdf", "Cy-Diaz.pdf"]
    for name in names:
        reader = pdf(tmp_path / "out" / f"{name.replace(' ', '-')}.pdf")
        assert len(reader.pages) == 1
        assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=1)
        assert name in text_of(tmp_path / "out" / f"{name.replace(' ', '-')}.pdf")
    assert "made 3 file(s)" in result.err


def test_bad_rows_are_reported_by_row_and_field_while_good_rows_are_made(tmp_path):
    """A real process: a bad age and a misspelt choice are named with their spreadsheet row,
    the others still print, and the exit status is 2."""
    source = people_csv(
        tmp_path,
        csv_line(name="Good One"),
        "\n",
        csv_line(name="Too Young", age=12),
        csv_line(name="Typo", lifting="sometime"),
        csv_line(name="Good Two"),
    )
    result = run_process(["batch", source, "--out", tmp_path / "out", "--format", "json"])
    assert result.status == 2
    assert "row 4: age: must be a whole number from 18 to 110 (got '12')" in result.err
    assert "row 5: lifting: must be one of: never, sometimes, often" in result.err
    assert "Traceback" not in result.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "Good-One.json",
        "Good-Two.json",
    ]


def test_a_missing_required_field_names_what_it_allows(tmp_path, cli):
    """A blank safety answer is reported with the values it allows."""
    source = people_csv(tmp_path, csv_line(name="No Trauma Answer", recent_trauma=None))
    result = cli("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.status == 2
    assert "row 2: recent_trauma: is required: true or false" in result.err


def test_a_red_flag_row_gets_the_see_a_doctor_sheet(tmp_path, cli):
    """A row with a red flag prints the one-page see-a-doctor sheet, and the batch succeeds."""
    source = people_csv(tmp_path, csv_line(name="Red Flag", red_flags=["bladder_bowel", "fever"]))
    result = cli("batch", str(source), "--out", str(tmp_path / "out"), "--weeks", "1-4")
    assert result.status == 0, result.err
    made = tmp_path / "out" / "Red-Flag.pdf"
    assert len(pdf(made).pages) == 1
    assert "Go to an emergency department now" in text_of(made)
    assert "1 see-a-doctor" in result.err


def test_odd_and_hostile_names_give_safe_unique_files_inside_the_folder(tmp_path, cli):
    """Path tricks, device names, blanks, repeats and other scripts all land safely in --out."""
    names = [*HOSTILE, "Zoë", "zoë", "Zoë"]
    source = people_csv(tmp_path, *[csv_line(name=n.strip() or None) for n in names])
    out = tmp_path / "out"
    result = cli("batch", str(source), "--out", str(out), "--format", "json")
    assert result.status == 0, result.err
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == len(names)
    assert all(p.resolve().parent == out.resolve() for p in out.iterdir())
    assert not any(f.startswith(".") or f.count(".") != 1 for f in files)
    assert {"etc-passwd.json", "a-b.json", "CON_.json", "hidden.json", "名前.json"} <= set(files)
    assert {"row-6.json", "Zoë.json", "zoë-2.json", "Zoë-3.json"} <= set(files)
    assert list(tmp_path.glob("etc*")) == [] and sorted(tmp_path.iterdir()) == [out, source]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("a/b", "a-b"),
        ("CON", "CON_"),
        ("lpt1", "lpt1_"),
        (".hidden", "hidden"),
        ("  ", "row-7"),
        (None, "row-7"),
        ("名前", "名前"),
        ("Anne  Marie O'Neil", "Anne-Marie-ONeil"),
        ("tab\tand\nnewline\x00", "tab-and-newline"),
        ("x" * 80, "x" * 60),
        ("\u0301accent first", "accent-first"),
    ],
)
def test_a_slug_keeps_letters_and_digits_only(name, expected):
    """Separators, dots and control characters go; letters of any script stay."""
    assert slug(name, 7) == expected


def test_repeated_names_are_numbered_case_insensitively():
    """'Ann', 'ann', 'Ann' become Ann, ann-2, Ann-3; a literal 'Ann-2' then gets 'Ann-2-2'."""
    namer = FileNamer("pdf")
    got = [namer.name(n, i) for i, n in enumerate(["Ann", "ann", "Ann", "Ann-2"], start=2)]
    assert got == ["Ann.pdf", "ann-2.pdf", "Ann-3.pdf", "Ann-2-2.pdf"]


def test_weeks_1_to_4_make_a_booklet_per_person(tmp_path, cli):
    """--weeks 1-4 gives cover + four week pages + instructions + tips, with page numbers."""
    source = people_csv(tmp_path, csv_line(name="Booklet Person"))
    out = tmp_path / "out"
    result = cli("batch", str(source), "--out", str(out), "--weeks", "1-4", "--paper", "letter")
    assert result.status == 0, result.err
    reader = pdf(out / "Booklet-Person.pdf")
    assert len(reader.pages) >= 7
    assert float(reader.pages[0].mediabox.height) == pytest.approx(792, abs=1)
    text = text_of(out / "Booklet-Person.pdf")
    assert f"Page 1 of {len(reader.pages)}" in text and "Week 4" in text


def test_a_single_later_week_makes_that_weeks_sheet(tmp_path, cli):
    """--weeks 3 prints the one-page sheet of week 3."""
    source = people_csv(tmp_path, csv_line(name="Week Three"))
    result = cli("batch", str(source), "--out", str(tmp_path / "out"), "--weeks", "3")
    assert result.status == 0, result.err
    made = tmp_path / "out" / "Week-Three.pdf"
    assert len(pdf(made).pages) == 1 and "Week 3" in text_of(made)


def test_ics_and_json_formats_parse_back(tmp_path, cli):
    """Calendars hold every session of every week; JSON of a range is a list of weekly plans."""
    source = people_csv(tmp_path, csv_line(name="Cal Endar", days_per_week=3))
    for fmt in ("ics", "json"):
        result = cli("batch", str(source), "--out", str(tmp_path / fmt), "--format", fmt)
        assert result.status == 0, result.err
    for fmt in ("ics", "json"):
        cli(
            "batch",
            str(source),
            "--out",
            str(tmp_path / f"{fmt}4"),
            "--format",
            fmt,
            "--weeks",
            "1-4",
        )
    cal = Calendar.from_ical((tmp_path / "ics4" / "Cal-Endar.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == 12
    assert (
        len(Calendar.from_ical((tmp_path / "ics" / "Cal-Endar.ics").read_bytes()).walk("VEVENT"))
        == 3
    )
    plans = json.loads((tmp_path / "json4" / "Cal-Endar.json").read_text())
    assert [p["week"] for p in plans] == [1, 2, 3, 4]
    assert json.loads((tmp_path / "json" / "Cal-Endar.json").read_text())["week"] == 1


def test_no_temporary_files_are_left_behind(tmp_path, cli):
    """Files are written whole: no *.tmp in the folder after a batch with good and bad rows."""
    source = people_csv(tmp_path, csv_line(name="A"), csv_line(name="B", pain=11))
    cli("batch", str(source), "--out", str(tmp_path / "out"))
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["A.pdf"]
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "has no header row"),
        ("name\nZoë\n".encode("latin-1"), "is not UTF-8"),
    ],
)
def test_a_broken_file_exits_2_without_making_anything(tmp_path, content, message, cli):
    """An empty or non-UTF-8 file is refused with status 2 and no output folder."""
    source = tmp_path / "people.csv"
    source.write_bytes(content)
    result = cli("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.status == 2 and message in result.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("weeks", ["0", "4-1", "1-20", "x", "1-"])
def test_bad_week_ranges_are_refused(tmp_path, weeks, cli):
    """--weeks takes a week or a range of at most twelve weeks, first not after last."""
    result = cli("batch", "people.csv", "--out", str(tmp_path), "--weeks", weeks)
    assert result.status == 2 and "--weeks" in result.err


def test_the_clinic_header_options_print_on_the_sheet(tmp_path, cli):
    """--clinic-name and --clinic-contact appear on every page; a bad name exits 2."""
    source = people_csv(tmp_path, csv_line(name="Head Er"))
    out = tmp_path / "out"
    args = ["--clinic-name", "Riverside Physio", "--clinic-contact", "01234 567890"]
    result = cli("batch", str(source), "--out", str(out), "--weeks", "1-2", *args)
    assert result.status == 0, result.err
    for page in pdf(out / "Head-Er.pdf").pages:
        assert "Riverside Physio" in page.extract_text() and "01234 567890" in page.extract_text()
    bad = cli("batch", str(source), "--out", str(out), "--clinic-name", "x" * 61)
    assert bad.status == 2 and "clinic name: must be at most 60 characters" in bad.err


def test_the_template_is_a_valid_batch_of_three_people(tmp_path, cli):
    """`template` prints planner/batch/template.csv: every profile field a column, three people
    (one in inches and pounds, one with two conditions) that batch cleanly."""
    result = cli("template")
    assert result.status == 0
    assert result.out == (ROOT / "planner" / "batch" / "template.csv").read_text()
    assert set(COLUMNS) == set(Profile.model_fields)
    source = tmp_path / "people.csv"
    source.write_text(result.out)
    made = cli("batch", str(source), "--out", str(tmp_path / "out"), "--format", "json")
    assert made.status == 0, made.err
    assert len(list((tmp_path / "out").iterdir())) == 3
    rows = template_rows()
    assert any(cells["height_in"] for _, cells in rows)
    assert any(";" in cells["conditions"] for _, cells in rows)


def test_more_rows_than_a_chunk_stream_through_the_process_pool_in_row_order():
    """Sixty rows over two worker processes come back in row order, bad rows included."""
    cells = template_rows()[0][1]
    many = [(n, cells | {"name": f"P{n}"}) for n in range(2, 62)]
    many[10] = (12, cells | {"age": "5"})
    results = list(produce(many, Job(fmt="json"), workers=2))
    assert [r.row for r in results] == list(range(2, 62))
    assert isinstance(results[10], ProfileError) and results[10].row == 12
    assert [r.name for r in results[:2]] == ["P2.json", "P3.json"]
    assert all(isinstance(r, Made) for i, r in enumerate(results) if i != 10)


def test_the_zip_holds_one_file_per_good_row_and_reports_the_bad_ones():
    """The in-memory ZIP holds one file per good row under its safe name, in row order."""
    rows = [*template_rows(), (5, template_rows()[0][1] | {"sex": "x"})]
    heard = []
    zipped = zip_files(produce(rows, Job(fmt="json")), heard.append)
    assert zipped.names == ("Alex-Example.json", "Sam-Sample.json", "Jo-Demo.json")
    assert zipfile.ZipFile(io.BytesIO(zipped.data)).namelist() == list(zipped.names)
    assert [e.row for e in zipped.errors] == [5] and zipped.errors[0].problems[0].field == "sex"
    assert heard == [1, 2, 3, 4]


def test_the_folder_and_the_zip_hold_the_same_files(tmp_path):
    """Both outputs share one job: the same names and the same bytes."""
    list(write_into(tmp_path, produce(template_rows(), Job(fmt="json"))))
    zipped = zip_files(produce(template_rows(), Job(fmt="json")))
    archive = zipfile.ZipFile(io.BytesIO(zipped.data))
    written = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert written == {name: archive.read(name) for name in zipped.names}


def test_write_into_writes_each_file_whole_inside_the_folder(tmp_path):
    """Files land in the folder under their names; a name that would leave it is refused."""
    results = list(write_into(tmp_path, produce(template_rows(), Job(fmt="json"))))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(r.name for r in results)
    assert json.loads((tmp_path / "Jo-Demo.json").read_text())["name"] == "Jo Demo"
    for name in ("../x.json", "a/b.json", "/etc/x.json"):
        with pytest.raises(ValueError, match="unsafe file name"):
            inside(tmp_path, name)


def test_a_calendar_job_needs_the_clock_passed_in():
    """No hidden clock: an ICS job without today's date and a time stamp is refused, and with
    them the calendar's stamp is the one given."""
    with pytest.raises(ValueError, match="a calendar needs today's date"):
        Job(fmt="ics")
    [made] = produce(template_rows()[2:], Job(fmt="ics", **CLOCK))
    calendar = Calendar.from_ical(made.data)
    assert calendar.walk("VEVENT")[0]["DTSTAMP"].dt == CLOCK["created"]
    assert calendar.walk("VEVENT")[0]["DTSTART"].dt.date() >= CLOCK["today"]


@pytest.mark.parametrize(
    ("weeks", "message"), [((0, 1), "weeks: give 1"), ((3, 2), "weeks"), ((1, 13), "at most 12")]
)
def test_a_job_refuses_weeks_out_of_range(weeks, message):
    """Weeks run from 1, the first not after the last, at most 12 in one file."""
    with pytest.raises(ValueError, match=message):
        Job(*weeks)


# --- The one spreadsheet reader --------------------------------------------------------------


def test_rows_are_numbered_as_a_spreadsheet_shows_them():
    """Header row 1; a blank row counts; a cell over two lines is one row, so the next is 4."""
    text = people_text(csv_line(name="Two\nLines"), "\n", csv_line(name="After"))
    rows = read_sheet("people.csv", text.encode())
    assert [(n, cells["name"]) for n, cells in rows] == [(2, "Two\nLines"), (4, "After")]


def test_blank_cells_are_not_given_and_short_rows_are_padded():
    """A blank cell and a missing one are both '' (not given); a row of blanks is no person."""
    text = ",".join(COLUMNS) + "\nAnn,47\n,,,\n"
    [(number, cells)] = read_sheet("people.csv", text.encode())
    assert number == 2 and cells["name"] == "Ann" and cells["sex"] == "" and EXTRA not in cells


def test_cells_beyond_the_header_make_the_row_a_problem_not_a_crash():
    """Extra cells are kept under 'extra cells' and the row is refused with a reason."""
    [(number, cells)] = read_sheet(
        "people.csv", people_text(csv_line().rstrip() + ",x,y\n").encode()
    )
    assert cells[EXTRA] == "x;y"
    with pytest.raises(ProfileError) as caught:
        check_row(number, cells)
    assert str(caught.value.problems[0]) == "row: has more cells than columns"


def test_an_excel_workbook_reads_like_the_same_csv():
    """Numbers, booleans, dates and blanks in an .xlsx become the CSV's text cells."""
    rows = list(csv.reader(io.StringIO(template_csv())))
    typed = [rows[0]] + [
        [float(c) if c.replace(".", "").isdigit() else c for c in row] for row in rows[1:]
    ]
    typed[1][COLUMNS.index("recent_trauma")] = False
    typed[1][COLUMNS.index("start_date")] = datetime(2026, 11, 30)
    typed[1][COLUMNS.index("first_episode")] = None
    assert read_sheet("people.xlsx", workbook(typed)) == template_rows()


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (170.0, "170"), (1.5, "1.5"), (True, "true"), (" x ", "x"),
     (date(2026, 1, 2), "2026-01-02"), (datetime(2026, 1, 2, 13, 0), "2026-01-02")],
)  # fmt: skip
def test_cells_become_the_text_a_csv_would_hold(value, text):
    """Excel's numbers, booleans, dates and blanks read as CSV text."""
    assert cell_text(value) == text


def test_the_command_line_reads_an_excel_workbook_too(tmp_path, cli):
    """`batch people.xlsx` goes through the same reader: one file per person."""
    rows = list(csv.reader(io.StringIO(template_csv())))
    source = tmp_path / "people.xlsx"
    source.write_bytes(workbook(rows))
    result = cli("batch", str(source), "--out", str(tmp_path / "out"), "--format", "json")
    assert result.status == 0, result.err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "Alex-Example.json",
        "Jo-Demo.json",
        "Sam-Sample.json",
    ]


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_in_place_on_a_terminal_only():
    """'[#####.....] 5/10' redrawn with a carriage return on a terminal; nothing elsewhere."""
    from planner.cli.batch_command import ProgressBar

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(10, stream, width=10)
        bar.update(5)
        bar.update(10)
        bar.clear()
    assert "\r[#####.....] 5/10" in terminal.getvalue()
    assert "\r[##########] 10/10" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r") and pipe.getvalue() == ""


def test_the_readme_states_the_shared_limits():
    """The README's batch limits are the ones the reader and the job apply."""
    from planner.batch import limits

    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Batch printing") : readme.index("### Profile fields")]
    assert f"| file size | {limits.MAX_BYTES // 2**20} MB |" in section
    assert f"| people | {limits.MAX_ROWS:,} a file |" in section
    unpacked = f"{limits.MAX_UNPACKED // 2**20} MB, at most {limits.MAX_SHEET_ROWS:,} rows read"
    assert unpacked in section and f"at most {limits.MAX_WEEKS} in one file" in section
