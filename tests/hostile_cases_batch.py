"""The hostile-input cases of batch printing: the `batch` command's (a CSV on the command line) and
the spreadsheet upload's (CSV or Excel, read by the same planner.batch.sheet). The tests that run
them are in tests/test_hostile_batch.py; the corpus's rules in tests/test_hostile_input.py.

A bad row sits on row 3 below a good one on row 2, so its message must name row 3.
"""

import csv
import io

from openpyxl import Workbook

from planner.batch.job import template_csv
from tests.conftest import make_profile
from tests.hostile_cases import DIRECTORY, MISSING, Case

COLUMNS = template_csv().splitlines()[0].split(",")
HEADER = ",".join(COLUMNS)
HUGE = "<a file one byte over the 5 MB limit>"
GOOD = "Good-Row.json"  # the file of the good row on line 2
# Characters that str.splitlines() (and some editors) take for a line end, though CSV does not.
LINE_LIKE = {
    "U+2028": "\u2028",
    "U+2029": "\u2029",
    "NEL": "\x85",
    "form-feed": "\f",
    "vertical-tab": "\v",
    "file-separator": "\x1c",
}


def line(**changes) -> str:
    """A CSV data line of a valid profile with cells changed (text as given, lists joined)."""
    cells = {
        k: ";".join(v) if isinstance(v, list) else v for k, v in make_profile(**changes).items()
    }
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writerow(cells)
    return out.getvalue()


def sheet(*lines: str, header: str = HEADER) -> str:
    return header + "\n" + "".join(lines)


def bad(**changes) -> str:
    """A good row on line 2 and the bad row, with the changes, on line 3."""
    return sheet(line(name="Good Row"), line(**{"name": "Bad Row", **changes}))


def raw(text: str) -> str:
    """A good row, then line 3 as raw CSV text (for rows the csv module would not write)."""
    return sheet(line(name="Good Row"), text + "\n")


BAD_LINE = line(name="Bad Row").rstrip("\n")

BATCH_CASES = [
    # out of range just outside each bound, and wrong types, each on line 3
    Case("age-17", bad(age="17"), "row 3: age: must be a whole number from 18 to 110 (got '17')"),
    Case("age-111", bad(age="111"), "row 3: age: must be a whole number from 18 to 110"),
    Case("minutes-9", bad(minutes_per_day="9"), "row 3: minutes_per_day: must be a whole number"),
    Case("minutes-61", bad(minutes_per_day="61"), "row 3: minutes_per_day: must be a whole"),
    Case("water-10.1", bad(water_l="10.1"), "row 3: water_l: must be a number from 0 to 10"),
    Case("age-fraction", bad(age="47.5"), "row 3: age: must be a whole number"),
    Case("age-true", bad(age="true"), "row 3: age: must be a whole number"),
    Case("age-grouped", bad(age="4_7"), "row 3: age: must be a whole number from 18 to 110"),
    Case("trauma-maybe", bad(recent_trauma="maybe"), "row 3: recent_trauma: must be true or false"),
    Case("sex-F", bad(sex="F"), "row 3: sex: must be one of: female, male, other (got 'F')"),
    Case("condition-unknown", bad(conditions=["osteoporosis", "flu"]), "row 3: conditions: must"),
    Case("flags-comma", bad(red_flags="fever,night_pain"), "row 3: red_flags: must be a list of"),
    Case("date-day-first", bad(start_date="30/11/2026"), "row 3: start_date: must be a date"),
    Case(
        "start-year-9999",
        bad(start_date="9999-12-01"),
        "row 3: start_date: must be a date as YYYY-MM-DD, at the latest 9988-12-31",
        args=("--weeks", "1-12"),
    ),
    Case("age-5000-digits", bad(age="1" * 5000), "row 3: age: must be a whole number from 18"),
    # NaN and infinities as spreadsheets write them
    Case("water-nan", bad(water_l="nan"), "row 3: water_l: must be a number from 0 to 10"),
    Case("sitting-inf", bad(sitting_hours="inf"), "row 3: sitting_hours: must be a number"),
    Case("sitting-minus-inf", bad(sitting_hours="-inf"), "row 3: sitting_hours: must be"),
    Case("pain-NaN", bad(pain="NaN"), "row 3: pain: must be a whole number from 0 to 10"),
    # formula-looking cells in number fields
    Case("age-formula", bad(age="=1+1"), "row 3: age: must be a whole number"),
    Case("stress-minus-2", bad(stress="-2"), "row 3: stress: must be a whole number from 0 to 10"),
    Case("pain-plus-cmd", bad(pain="+cmd|' /C calc'!A0"), "row 3: pain: must be a whole number"),
    Case("weight-at-sum", bad(weight_kg="@SUM(A1:A9)"), "row 3: weight_kg: must be a number"),
    # missing cells, clashing units, names, ragged rows
    Case("lifting-blank", bad(lifting=""), "row 3: lifting: is required: one of: never"),
    Case("no-weight", bad(weight_kg=""), "row 3: weight_kg: give exactly one of weight_kg"),
    Case("cm-and-inches", bad(height_in="66"), "row 3: height_cm: give exactly one of height_cm"),
    Case("name-61-chars", bad(name="x" * 61), "row 3: name: must be text of at most 60"),
    Case("name-two-lines", bad(name="Bad\nRow"), "row 3: name: must be a single line"),
    Case("row-too-long", raw(BAD_LINE + ",x,y"), "row 3: row: has more cells than columns"),
    Case("row-too-short", raw("Bad Row,47,female"), "row 3: sitting_hours: is required"),
    # broken files: nothing to read, repeated or unknown columns, not UTF-8, too big, not a file
    Case("empty-file", "", "has no header row"),
    Case("whitespace-only", "  \n \t\n", "has no header row"),
    Case("header-only", HEADER + "\n", "has no people in it (only a header)", real=True),
    Case("repeated-age", sheet(line(), header=HEADER + ",age"), "has the column 'age' twice"),
    Case(
        "repeated-red-flags",
        sheet(line(red_flags=["fever"]).rstrip() + ",\n", header=HEADER + ",red_flags"),
        "has the column 'red_flags' twice",
        real=True,
    ),
    Case(
        "misspelled-red-flag",
        sheet(line(), header=HEADER.replace("red_flags", "red_flag")),
        "has a column 'red_flag' that is not a known field (did you mean 'red_flags'?)",
    ),
    Case(
        "misspelled-minutes",
        sheet(line(), header=HEADER.replace("minutes_per_day", "minutes_per_days")),
        "'minutes_per_days' that is not a known field (did you mean 'minutes_per_day'?)",
    ),
    Case("extra-column", sheet(line(), header=HEADER + ",notes"), "'notes' that is not a known"),
    Case("utf16-bom", template_csv().encode("utf-16"), "is not UTF-8 text"),
    Case("latin1", sheet(line(name="Zoë")).encode("latin-1"), "is not UTF-8 text"),
    Case("binary-junk", bytes(range(256)) * 8, "is not UTF-8 text"),
    Case("over-5-MB", HUGE, "is 5.2 MB; the limit is 5 MB"),
    Case("nul-in-age", bad(age="4\x007"), "row 3: age: must be a whole number from 18 to 110"),
    Case("escape-in-name", bad(name="A\x1b[31mB"), "row 3: name: must be a single line"),
    Case(
        "row-after-a-two-line-cell",
        sheet(line(name="Good Row"), line(name="Bad\nRow"), line(name="Bad Two", age="12")),
        "row 4: age: must be a whole number from 18 to 110 (got '12')",
    ),
    # characters some readers take for a line end split no row: the next row keeps its number
    *[
        Case(
            f"row-after-a-cell-with-{label}",
            sheet(line(name="Good Row"), line(name=f"Bad{ch}Row"), line(name="Bad Two", age="12")),
            "row 4: age: must be a whole number from 18 to 110 (got '12')",
        )
        for label, ch in LINE_LIKE.items()
    ],
    Case("not-a-spreadsheet", template_csv(), "must be a .csv or .xlsx", suffix=".txt"),
    Case("a-directory", DIRECTORY, "cannot be read (Is a directory)"),
    Case("missing-path", MISSING, "cannot be read (No such file or directory)"),
    Case("out-is-a-file", template_csv(), "--out: cannot use", args=("--out", "taken.txt")),
    Case("weeks-0", template_csv(), "argument --weeks: must be weeks 1", args=("--weeks", "0")),
    Case("weeks-4-1", template_csv(), "argument --weeks: must be weeks", args=("--weeks", "4-1")),
    # accepted: a UTF-8 byte order mark, boundaries just inside, formula-looking names made safe
    Case(
        "ok-utf8-bom",
        b"\xef\xbb\xbf" + template_csv().encode(),
        "Alex-Example.json Jo-Demo.json Sam-Sample.json",
        accepted=True,
    ),
    Case(
        "ok-boundaries",
        sheet(
            line(name="Young", age="18", minutes_per_day="10", days_per_week="1"),
            line(name="Old", age="110", minutes_per_day="60", days_per_week="7"),
        ),
        "Old.json Young.json",
        accepted=True,
    ),
    Case(
        "ok-formula-names",
        sheet(line(name="=1+1"), line(name="@SUM(A1:A2)"), line(name="+cmd|' /C calc'!A0")),
        "11.json SUMA1A2.json cmd-C-calcA0.json",
        accepted=True,
    ),
]


def workbook(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx(*changed_rows: dict, header: list[str] = COLUMNS) -> bytes:
    """A workbook with a good row 2 and a row 3 per change (given as cell values)."""
    rows = [
        make_profile(name="Good Row"),
        *(make_profile(name="Bad Row") | c for c in changed_rows),
    ]
    cells = [[";".join(v) if isinstance(v := r.get(k), list) else v for k in COLUMNS] for r in rows]
    return workbook([header, *cells])


UPLOAD_CASES = [
    Case("xlsx-age-formula", xlsx({"age": "=1+1"}), "row 3: age: is required"),
    Case("xlsx-age-true", xlsx({"age": True}), "row 3: age: must be a whole number"),
    Case("xlsx-water-nan", xlsx({"water_l": "nan"}), "row 3: water_l: must be a number from 0"),
    Case("xlsx-flags-N/A", xlsx({"red_flags": "N/A"}), "row 3: red_flags: must be a list of"),
    Case("xlsx-minutes-61", xlsx({"minutes_per_day": 61}), "row 3: minutes_per_day: must be"),
    Case("xlsx-repeated-age", xlsx(header=[*COLUMNS[:-1], "age"]), "has the column 'age' twice"),
    Case(
        "xlsx-cell-beyond-header",
        workbook([COLUMNS, [*make_profile().values()][:3] + [None] * (len(COLUMNS) - 3) + ["x"]]),
        "row 2: row: has more cells than columns",
    ),
    Case(
        "xlsx-misspelled",
        xlsx(header=[c.replace("red_flags", "red_flag") for c in COLUMNS]),
        "(did you mean 'red_flags'?)",
    ),
    Case("xlsx-header-only", workbook([COLUMNS]), "has no people in it"),
    Case(
        "xlsx-not-a-workbook", b"PK\x03\x04 not really a zip", "cannot be read as an Excel workbook"
    ),
    Case(
        "csv-repeated-column",
        sheet(line(), header=HEADER + ",pain").encode(),
        "has the column 'pain' twice",
        suffix=".csv",
    ),
    Case(
        "csv-name-two-lines",
        bad(name="Bad\nRow").encode(),
        "row 3: name: must be a single line",
        suffix=".csv",
    ),
    *[
        Case(
            f"csv-name-with-{label}",
            bad(name=f"Bad{ch}Row").encode(),
            "row 3: name: must be a single line",
            suffix=".csv",
        )
        for label, ch in LINE_LIKE.items()
    ],
    Case(
        "ok-xlsx-boundaries",
        xlsx({"age": 18, "minutes_per_day": 10}, {"age": 110.0, "minutes_per_day": 60}),
        accepted=True,
    ),
]
