"""The session log given as dicts (a JSON file, the app's export): validated with errors that name
the entry and field, and each entry counted in its date's programme week."""

from datetime import date

import pytest

from planner.log_entry import LogEntry, LogError, parse_log, programme_week_of

START = date(2026, 11, 30)


def entry(day: str, week: int = 1, **changes) -> dict:
    return {"day": day, "week": week, "status": "done", "pain_before": 4} | changes


def test_dicts_and_log_entries_give_the_same_log():
    as_dicts = parse_log([entry("2026-11-30"), entry("2026-12-08", 2)])
    assert as_dicts == [
        LogEntry(day=date(2026, 11, 30), week=1, status="done", pain_before=4),
        LogEntry(day=date(2026, 12, 8), week=2, status="done", pain_before=4),
    ]
    assert parse_log(as_dicts) == as_dicts


def test_with_a_start_date_each_entry_counts_in_its_dates_week():
    """Saved as week 1 while that week was open, a session on day 9 belongs to week 2."""
    log = parse_log([entry("2026-11-30"), entry("2026-12-08", 1)], START)
    assert [e.week for e in log] == [1, 2]


def test_the_week_may_be_left_out_when_the_start_date_is_known():
    log = parse_log([{"day": "2026-12-14", "status": "skipped"}], START)
    assert log[0].week == 3


def test_entries_before_the_start_date_are_left_out():
    """They belong to an earlier programme, not to week 1 of this one."""
    assert parse_log([entry("2026-11-29"), entry("2026-11-30")], START) == parse_log(
        [entry("2026-11-30")]
    )


@pytest.mark.parametrize(
    ("day", "week"), [(date(2026, 11, 30), 1), (date(2026, 12, 6), 1), (date(2026, 12, 7), 2)]
)
def test_a_programme_week_is_seven_days_from_the_start(day, week):
    assert programme_week_of(day, START) == week


def test_every_bad_entry_is_named_with_its_field():
    bad = [entry("2026-11-30", pain_after=12), entry("2026-12-01", week=0), {"day": "x"}]
    with pytest.raises(LogError) as caught:
        parse_log(bad)
    fields = [p.field for p in caught.value.problems]
    assert fields == [
        "log[0].pain_after", "log[1].week", "log[2].day", "log[2].week", "log[2].status"
    ]  # fmt: skip


def test_a_log_that_is_not_a_list_is_refused():
    with pytest.raises(LogError, match="log: must be a list of log entries"):
        parse_log({"day": "2026-11-30"})
