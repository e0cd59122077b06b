"""Batch printing from a CSV: files per person, safe names, row errors, formats and the template."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from planner.batch.job import (
    FileNamer,
    Job,
    Made,
    produce,
    read_rows,
    slug,
    template_csv,
    zip_batch,
)
from planner.profile import ProfileError
from tests.conftest import make_profile

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = template_csv().splitlines()[0].split(",")
HOSTILE = ["../../etc/passwd", "a/b", "CON", ".hidden", "  ", "名前", "..", "/abs/path", "a\\b"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planner", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env=env,
        text=True,
    )


@pytest.fixture
def no_saved_clinic(tmp_path, monkeypatch):
    """The CLI finds no saved clinic header (an empty data folder)."""
    monkeypatch.setenv("BACKPLAN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("BACKPLAN_DATABASE_URL", raising=False)


def csv_line(**changes) -> str:
    """One CSV data line of a valid profile with the given changes (lists joined with ';')."""
    data = make_profile(**changes)
    cells = {k: ";".join(v) if isinstance(v, list) else v for k, v in data.items()}
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writerow(cells)
    return out.getvalue()


def people_csv(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_text(",".join(COLUMNS) + "\n" + "".join(lines), encoding="utf-8")
    return path


def pdf(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pdf(path).pages).split())


def test_a_batch_of_good_rows_makes_one_readable_pdf_per_person(tmp_path, no_saved_clinic):
    """Three people, three one-page A4 PDFs named after them, each naming its person."""
    names = ["Ann Lee", "Bo Chen", "Cy Diaz"]
    source = people_csv(tmp_path, *[csv_line(name=n) for n in names])
    result = run("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["Ann-Lee.pdf", "Bo-Chen.pdf", "Cy-Diaz.pdf"]
    for name in names:
        reader = pdf(tmp_path / "out" / f"{name.replace(' ', '-')}.pdf")
        assert len(reader.pages) == 1
        assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=1)
        assert name in text_of(tmp_path / "out" / f"{name.replace(' ', '-')}.pdf")
    assert "made 3 file(s)" in result.stderr


def test_bad_rows_are_reported_by_line_and_field_while_good_rows_are_made(
    tmp_path, no_saved_clinic
):
    """A bad age and a misspelt choice are named with their CSV line; the others still print."""
    source = people_csv(
        tmp_path,
        csv_line(name="Good One"),
        "\n",
        csv_line(name="Too Young", age=12),
        csv_line(name="Typo", lifting="sometime"),
        csv_line(name="Good Two"),
    )
    result = run("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "row 4: age: must be a whole number from 18 to 110 (got '12')" in result.stderr
    assert "row 5: lifting: must be one of: never, sometimes, often" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Good-One.pdf", "Good-Two.pdf"]


def test_a_missing_required_field_names_what_it_allows(tmp_path, no_saved_clinic):
    """A blank safety answer is reported with the values it allows."""
    source = people_csv(tmp_path, csv_line(name="No Trauma Answer", recent_trauma=None))
    result = run("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "row 2: recent_trauma: is required: true or false" in result.stderr


def test_a_red_flag_row_gets_the_see_a_doctor_sheet(tmp_path, no_saved_clinic):
    """A row with a red flag prints the one-page see-a-doctor sheet, and the batch succeeds."""
    source = people_csv(tmp_path, csv_line(name="Red Flag", red_flags=["bladder_bowel", "fever"]))
    result = run("batch", str(source), "--out", str(tmp_path / "out"), "--weeks", "1-4")
    assert result.returncode == 0, result.stderr
    made = tmp_path / "out" / "Red-Flag.pdf"
    assert len(pdf(made).pages) == 1
    assert "Go to an emergency department now" in text_of(made)
    assert "1 see-a-doctor" in result.stderr


def test_odd_and_hostile_names_give_safe_unique_files_inside_the_folder(tmp_path, no_saved_clinic):
    """Path tricks, device names, blanks, repeats and other scripts all land safely in --out."""
    names = [*HOSTILE, "Zoë", "zoë", "Zoë"]
    source = people_csv(tmp_path, *[csv_line(name=n.strip() or None) for n in names])
    out = tmp_path / "out"
    result = run("batch", str(source), "--out", str(out), "--format", "json")
    assert result.returncode == 0, result.stderr
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


def test_weeks_1_to_4_make_a_booklet_per_person(tmp_path, no_saved_clinic):
    """--weeks 1-4 gives cover + four week pages + instructions + tips, with page numbers."""
    source = people_csv(tmp_path, csv_line(name="Booklet Person"))
    out = tmp_path / "out"
    result = run("batch", str(source), "--out", str(out), "--weeks", "1-4", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    reader = pdf(out / "Booklet-Person.pdf")
    assert len(reader.pages) >= 7
    assert float(reader.pages[0].mediabox.height) == pytest.approx(792, abs=1)
    text = text_of(out / "Booklet-Person.pdf")
    assert f"Page 1 of {len(reader.pages)}" in text and "Week 4" in text


def test_a_single_later_week_makes_that_weeks_sheet(tmp_path, no_saved_clinic):
    """--weeks 3 prints the one-page sheet of week 3."""
    source = people_csv(tmp_path, csv_line(name="Week Three"))
    result = run("batch", str(source), "--out", str(tmp_path / "out"), "--weeks", "3")
    assert result.returncode == 0, result.stderr
    made = tmp_path / "out" / "Week-Three.pdf"
    assert len(pdf(made).pages) == 1 and "Week 3" in text_of(made)


def test_ics_and_json_formats_parse_back(tmp_path, no_saved_clinic):
    """Calendars hold every session of every week; JSON of a range is a list of weekly plans."""
    source = people_csv(tmp_path, csv_line(name="Cal Endar", days_per_week=3))
    for fmt in ("ics", "json"):
        result = run("batch", str(source), "--out", str(tmp_path / fmt), "--format", fmt)
        assert result.returncode == 0, result.stderr
    for fmt in ("ics", "json"):
        run(
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


def test_no_temporary_files_are_left_behind(tmp_path, no_saved_clinic):
    """Files are written whole: no *.tmp in the folder after a batch with good and bad rows."""
    source = people_csv(tmp_path, csv_line(name="A"), csv_line(name="B", pain=11))
    run("batch", str(source), "--out", str(tmp_path / "out"))
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["A.pdf"]
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "has no header row"),
        ("name\nZoë\n".encode("latin-1"), "is not UTF-8"),
    ],
)
def test_a_broken_file_exits_2_without_making_anything(tmp_path, content, message, no_saved_clinic):
    """An empty or non-UTF-8 file is refused with status 2 and no output folder."""
    source = tmp_path / "people.csv"
    source.write_bytes(content)
    result = run("batch", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("weeks", ["0", "4-1", "1-20", "x", "1-"])
def test_bad_week_ranges_are_refused(tmp_path, weeks):
    """--weeks takes a week or a range of at most twelve weeks, first not after last."""
    result = run("batch", "people.csv", "--out", str(tmp_path), "--weeks", weeks)
    assert result.returncode == 2 and "--weeks" in result.stderr


def test_the_clinic_header_options_print_on_the_sheet(tmp_path, no_saved_clinic):
    """--clinic-name and --clinic-contact appear on every page; a bad name exits 2."""
    source = people_csv(tmp_path, csv_line(name="Head Er"))
    out = tmp_path / "out"
    args = ["--clinic-name", "Riverside Physio", "--clinic-contact", "01234 567890"]
    result = run("batch", str(source), "--out", str(out), "--weeks", "1-2", *args)
    assert result.returncode == 0, result.stderr
    for page in pdf(out / "Head-Er.pdf").pages:
        assert "Riverside Physio" in page.extract_text() and "01234 567890" in page.extract_text()
    bad = run("batch", str(source), "--out", str(out), "--clinic-name", "x" * 61)
    assert bad.returncode == 2 and "clinic name: must be at most 60 characters" in bad.stderr


def test_the_template_is_a_valid_batch_of_three_people(tmp_path, no_saved_clinic):
    """`template` prints the shipped examples/people_template.csv, which batches cleanly."""
    result = run("template")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "examples" / "people_template.csv").read_text()
    source = tmp_path / "people.csv"
    source.write_text(result.stdout)
    made = run("batch", str(source), "--out", str(tmp_path / "out"), "--format", "json")
    assert made.returncode == 0, made.stderr
    assert len(list((tmp_path / "out").iterdir())) == 3
    rows = list(read_rows(io.StringIO(result.stdout)))
    assert any("height_in" in r[1] and r[1]["height_in"] for r in rows)
    assert any(";" in (r[1]["conditions"] or "") for r in rows)


def test_more_rows_than_a_chunk_stream_through_the_process_pool_in_row_order():
    """Sixty rows over two worker processes come back in row order, bad rows included."""
    rows = list(read_rows(io.StringIO(template_csv())))[:1]
    cells = rows[0][1]
    many = [(n, cells | {"name": f"P{n}"}) for n in range(2, 62)]
    many[10] = (12, cells | {"age": "5"})
    results = list(produce(many, Job(fmt="json"), workers=2))
    assert [r.row for r in results] == list(range(2, 62))
    assert isinstance(results[10], ProfileError) and results[10].row == 12
    assert all(isinstance(r, Made) for i, r in enumerate(results) if i != 10)


def test_zip_batch_names_files_and_reports_bad_rows():
    """The in-memory ZIP holds one file per good row under its safe name."""
    import zipfile

    rows = list(read_rows(io.StringIO(template_csv())))
    rows.append((5, rows[0][1] | {"sex": "x"}))
    data, names, errors = zip_batch(rows, Job(fmt="json"))
    assert names == ["Alex-Example.json", "Sam-Sample.json", "Jo-Demo.json"]
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == names
    assert [e.row for e in errors] == [5] and errors[0].problems[0].field == "sex"


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
