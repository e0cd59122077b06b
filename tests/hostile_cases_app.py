"""The hostile-input cases of the app's two ways in, shared by tests/test_hostile_app.py (which
runs them) and tests/test_hostile_input.py (which counts the whole corpus): the JSON import of
saved people and logs (IMPORT_CASES) and the profile form (FORM_CASES, by widget key).
"""

import json
from datetime import UTC, date, datetime

from storage.transfer import MAX_BYTES
from tests.conftest import make_profile

# The batch branch moves these shared helpers to tests/hostile_cases.py; import them from there
# once it has landed (a test helper module must not import a test file).
from tests.hostile_cases import DIRECTORY, MISSING, Case, with_key
from tests.page_steps import ANSWERS as PAGE_ANSWERS

START = date(2026, 1, 5)
NOW = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)
DEEP = "[" * 100_000 + "]" * 100_000


def entry(**changes) -> dict:
    """One log entry as exported, with fields changed."""
    return {
        "day": "2026-01-05",
        "week": 1,
        "status": "done",
        "pain_before": 5,
        "note": "",
    } | changes


def person(name: str = "Di", profile=None, log=None, **changes) -> dict:
    """One person as exported: name, programme start, profile and a one-day log."""
    profile = make_profile(name=name) if profile is None else profile
    log = [entry()] if log is None else log
    return {"name": name, "programme_start": "2026-01-05", "profile": profile, "log": log} | changes


def export(*people, **changes) -> str:
    """An export file's text: a good person Cy as people[0], then the given people."""
    data = {"format": "backplan", "version": 1, "exported_at": NOW.isoformat()}
    return json.dumps(data | {"people": [person("Cy"), *people]} | changes, ensure_ascii=False)


def di(**changes) -> str:
    """An export whose second person, Di (people[1]), has profile fields changed."""
    return export(person(profile=make_profile(name="Di", **changes)))


def di_log(*entries: dict) -> str:
    return export(person(log=list(entries)))


def without(key: str, data: dict) -> dict:
    return {k: v for k, v in data.items() if k != key}


REPEATED_FLAGS = with_key(json.dumps(make_profile(name="Di", red_flags=["fever"])), "red_flags", [])

IMPORT_CASES = [
    # the profile of the second record: out of range, wrong types, NaN, missing, misspelled
    Case("age-17", di(age=17), "people[1].profile.age: must be a whole number from 18 to 110"),
    Case("age-111", di(age=111), "people[1].profile.age: must be a whole number from 18 to 110"),
    Case("minutes-61", di(minutes_per_day=61), "people[1].profile.minutes_per_day: must be"),
    Case("age-words", di(age="forty"), "people[1].profile.age: must be a whole number"),
    Case("stress-true", di(stress=True), "people[1].profile.stress: must be a whole number"),
    Case("water-NaN", di(water_l=float("nan")), "people[1].profile.water_l: NaN is not a valid"),
    Case(
        "sitting-Infinity",
        di(sitting_hours=float("inf")),
        "people[1].profile.sitting_hours: Infinity is not a valid",
    ),
    Case("flags-text", di(red_flags="fever"), "people[1].profile.red_flags: must be a list of"),
    Case("trauma-missing", di(recent_trauma=None), "people[1].profile.recent_trauma: is required"),
    Case(
        "misspelled-red-flag",
        di(red_flags=None, red_flag=[]),
        "people[1].profile.red_flag: is not a known field (did you mean 'red_flags'?)",
    ),
    Case(
        "repeated-red-flags",
        export(person(profile="DI")).replace('"DI"', REPEATED_FLAGS),
        "people[1].profile.red_flags: is given twice",
    ),
    # the log of the second record
    Case(
        "log-week-true",
        di_log(entry(week=True)),
        "people[1].log[0].week: must be a whole number (got True)",
    ),
    Case(
        "log-pain-11",
        di_log(entry(pain_before=11)),
        "people[1].log[0].pain_before: must be at most 10 (got 11)",
    ),
    Case(
        "log-pain-text",
        di_log(entry(pain_after="3")),
        "people[1].log[0].pain_after: must be a whole number (got '3')",
    ),
    Case(
        "log-pain-minus-Inf",
        di_log(entry(pain_before=-float("inf"))),
        "people[1].log[0].pain_before: -Infinity is not a valid",
    ),
    Case("log-status", di_log(entry(status="finished")), "people[1].log[0].status: must be 'done'"),
    Case("log-day-30-feb", di_log(entry(day="2026-02-30")), "people[1].log[0].day: must be a date"),
    Case("log-note-list", di_log(entry(note=["x"])), "people[1].log[0].note: must be text"),
    Case("log-note-501", di_log(entry(note="x" * 501)), "people[1].log[0].note: must be at most"),
    Case("log-note-nul", di_log(entry(note="a\x00b")), "people[1].log[0].note: must be plain text"),
    Case("log-extra-field", di_log(entry(mood="ok")), "people[1].log[0].mood: is not a known"),
    Case("log-day-twice", di_log(entry(), entry()), "people[1].log[1].day: 2026-01-05 is logged"),
    Case("log-object", export(person(log={"a": 1})), "people[1].log: must be a list"),
    # the second record itself
    Case("record-scalar", export(5), "people[1]: must be a JSON object"),
    Case("profile-list", export(person(profile=[])), "people[1].profile: must be a JSON object"),
    Case("log-missing", export(without("log", person())), "people[1].log: is required"),
    Case(
        "name-empty",
        export(person(name="", profile=make_profile())),
        "people[1].name: must not be empty",
    ),
    Case(
        "name-differs", export(person(profile=make_profile(name="Dee"))), "people[1].name: differs"
    ),
    Case("name-twice", export(person("Cy")), "people[1].name: 'Cy' is also people[0]"),
    Case(
        "start-words",
        export(person(programme_start="soon")),
        "people[1].programme_start: must be a date as YYYY-MM-DD (got 'soon')",
    ),
    Case(
        "start-year-9999",
        export(person(programme_start="9999-12-01")),
        "people[1].programme_start: must be at most 9988-12-31 (got '9999-12-01')",
    ),
    Case(
        "profile-start-year-9999",
        di(start_date="9999-12-01"),
        "people[1].profile.start_date: must be a date as YYYY-MM-DD, at the latest 9988-12-31",
    ),
    Case(
        "age-5000-digits",
        export(person(profile="AGE")).replace('"AGE"', '{"age": ' + "1" * 5000 + "}"),
        "people[1].profile.age: has 5,000 digits; give at most 300",
    ),
    Case(
        "log-week-5000-digits",
        export(person(log="LOG")).replace('"LOG"', '[{"week": ' + "1" * 5000 + "}]"),
        "people[1].log[0].week: has 5,000 digits; give at most 300",
    ),
    Case("extra-field", export(person(photo="x.png")), "people[1].photo: is not a known field"),
    # the file's own fields
    Case("people-object", export(people={"Di": {}}), "people: must be a list"),
    Case("format-csv", export(format="csv"), "format: must be 'backplan'"),
    Case("version-2", export(version=2), "version: this file is version 2; BackPlan reads 1"),
    Case("version-true", export(version=True), "version: this file is version True"),
    Case("exported-at-null", export(exported_at=None), "exported_at: must be a date and time"),
    Case("extra-top-field", export(owner="someone"), "owner: is not a known field"),
    # a person already saved: nothing is replaced without asking
    Case("already-saved", export(person("Ann")), "already saved: Ann"),
    # broken files
    Case("empty-file", "", "file: is not valid JSON (the file is empty)"),
    Case("whitespace-only", " \n\t ", "file: is not valid JSON (the file is empty)"),
    Case("truncated", export()[:50], "file: is not valid JSON"),
    Case("array", f"[{export()}]", "file: must be a JSON object (a BackPlan export)"),
    Case("deeply-nested", DEEP, "file: is nested too deeply"),
    Case("utf16-bom", export().encode("utf-16"), "file: is not UTF-8 text (byte 0xff at line 1"),
    Case("latin1", export(person("Zoë")).encode("latin-1"), "file: is not UTF-8 text"),
    Case("binary-junk", bytes(range(256)) * 8, "file: is not UTF-8 text"),
    Case("over-5-MB", export()[:-1] + " " * MAX_BYTES + "}", "file: is 5.2 MB; the limit is 5 MB"),
    Case("a-directory", DIRECTORY, "file: cannot be read (Is a directory)"),
    Case("missing-path", MISSING, "file: cannot be read (No such file or directory)"),
    # accepted: a UTF-8 byte order mark; a formula-looking name, kept exactly as typed
    Case("ok-utf8-bom", b"\xef\xbb\xbf" + export(person("Zoë")).encode(), "Cy Zoë", accepted=True),
    Case("ok-formula-name", export(person("=1+1")), "Cy =1+1", accepted=True),
]


ANSWERS = PAGE_ANSWERS | {"name": "Cy Newperson"}  # the profile form filled in well
IMPERIAL = {**without("height_cm", without("weight_kg", ANSWERS)), "height_in": 66.0}
IMPERIAL["weight_lb"] = 150.0
NAME = "Name (for your saved plan and the printed sheet)"

FORM_CASES = [
    Case("age-17", {"age": 17}, "Age in years** must be a whole number from 18 to 110"),
    Case("age-111", {"age": 111}, "Age in years** must be a whole number from 18 to 110"),
    Case("age-empty", {"age": None}, "Age in years** is required"),
    Case("sex-unanswered", {"sex": None}, "Sex** is required"),
    Case("lifting-unanswered", {"lifting": None}, "Do you lift or carry heavy things?** is"),
    Case("height-cm-99", {"height_cm": 99.0}, "Height in centimetres** must be a number from 100"),
    Case("height-cm-251", {"height_cm": 251.0}, "Height in centimetres** must be a number"),
    Case("weight-kg-29", {"weight_kg": 29.0}, "Weight in kilograms** must be a number from 30"),
    Case("weight-kg-301", {"weight_kg": 301.0}, "Weight in kilograms** must be a number"),
    Case("height-in-38", {"height_in": 38.0}, "Height in inches** must be", args=("imperial",)),
    Case("weight-lb-661", {"weight_lb": 661.0}, "Weight in pounds** must be", args=("imperial",)),
    Case("height-in-empty", {"height_in": None}, "Height in inches** is", args=("imperial",)),
    Case("sitting-24.5", {"sitting_hours": 24.5}, "Hours a day spent sitting** must be a number"),
    Case("active-days-8", {"active_days": 8}, "Days a week with at least 30 minutes of activity**"),
    Case("water-10.1", {"water_l": 10.1}, "Litres of drinks a day** must be a number from 0"),
    Case("water-NaN", {"water_l": float("nan")}, "Litres of drinks a day**"),
    Case("water-Infinity", {"water_l": float("inf")}, "Litres of drinks a day**"),
    Case("pain-weeks-521", {"pain_weeks": 521}, "Weeks this episode has lasted"),
    Case("name-empty", {"name": ""}, f"{NAME}** is required"),
    Case("name-spaces", {"name": "   "}, f"{NAME}** is required"),
    Case("name-two-lines", {"name": "Cy\nNewperson"}, f"{NAME}** must be a single line"),
    Case("name-tab", {"name": "Cy\tNewperson"}, f"{NAME}** must be a single line"),
    Case("name-taken", {"name": "Ann"}, "Someone called Ann is already saved"),
    Case("ok-age-18", {"age": 18, "minutes_per_day": 10, "days_per_week": 1}, accepted=True),
    Case("ok-age-110", {"age": 110, "minutes_per_day": 60, "days_per_week": 7}, accepted=True),
    Case("ok-formula-name", {"name": "=1+1"}, accepted=True),
]
