"""The iCalendar export, parsed back with icalendar."""

import dataclasses
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from planner import build_plan
from planner.exports.ics_calendar import plan_ics

START = date(2025, 3, 3)
CREATED = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_there_is_one_event_per_session_day_at_the_session_time(profile_factory):
    """Dated days: each session on its date at 18:00 floating local time, lasting its minutes."""
    plan = build_plan(profile_factory(start_date="2025-03-10", days_per_week=3))
    found = events(plan_ics(plan, START, CREATED))
    assert len(found) == len(plan.sessions) == 3
    for event, day in zip(found, plan.sessions, strict=True):
        begins = event.decoded("dtstart")
        assert begins == datetime.combine(day.date, time(18, 0))
        assert begins.tzinfo is None
        assert event.decoded("duration") == timedelta(minutes=day.minutes)
        assert str(event["summary"]) == f"BackPlan: back exercises ({day.minutes} min)"


def test_days_without_dates_are_placed_from_the_start_date(profile_factory):
    """Without dates, plan.days[i] falls on start + i days, at the chosen time."""
    plan = build_plan(profile_factory(days_per_week=3))
    found = events(plan_ics(plan, START, CREATED, session_time=time(7, 15)))
    expected = [START + timedelta(days=i) for i, d in enumerate(plan.days) if d.is_session]
    assert [e.decoded("dtstart") for e in found] == [
        datetime.combine(d, time(7, 15)) for d in expected
    ]


def test_each_event_describes_the_routine_and_when_to_see_a_doctor(profile_factory):
    """The description lists 'name - dose' for every exercise of the day and the red flags."""
    plan = build_plan(profile_factory(days_per_week=2))
    for event, day in zip(events(plan_ics(plan, START, CREATED)), plan.sessions, strict=True):
        text = str(event["description"])
        for item in day.exercises:
            assert f"{item.name} - {item.dose_text}" in text
        assert "emergency department" in text


def test_each_event_has_a_display_alarm_15_minutes_before(profile_factory):
    """A VALARM with ACTION DISPLAY triggers 15 minutes before the start."""
    for event in events(plan_ics(build_plan(profile_factory()), START, CREATED)):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == timedelta(minutes=-15)


def test_the_calendar_has_prodid_version_and_utc_stamps(profile_factory):
    """PRODID and VERSION are set; DTSTAMP is `created`, converted to UTC."""
    created = datetime(2025, 3, 1, 10, 30, tzinfo=timezone(timedelta(hours=1)))
    cal = Calendar.from_ical(plan_ics(build_plan(profile_factory()), START, created))
    assert str(cal["prodid"]) == "-//BackPlan//EN"
    assert str(cal["version"]) == "2.0"
    for event in cal.walk("VEVENT"):
        assert event.decoded("dtstamp") == CREATED
        assert event.decoded("dtstamp").utcoffset() == timedelta(0)


def test_uids_are_unique_and_stable(profile_factory):
    """Each event has its own UID, and exporting again gives the same UIDs and bytes."""
    plan = build_plan(profile_factory(days_per_week=5))
    first = plan_ics(plan, START, CREATED)
    uids = [str(e["uid"]) for e in events(first)]
    assert len(set(uids)) == len(uids) == 5
    assert all(u.startswith("backplan-w1-2025-03-") and u.endswith("@backplan.local") for u in uids)
    assert plan_ics(plan, START, CREATED) == first


def test_two_people_with_the_same_routine_get_different_uids(profile_factory):
    """The name is part of the UID hash, so calendars for two clients never overwrite each other."""
    plan = build_plan(profile_factory())
    other = dataclasses.replace(plan, name="Sam Other")
    assert {str(e["uid"]) for e in events(plan_ics(plan, START, CREATED))}.isdisjoint(
        str(e["uid"]) for e in events(plan_ics(other, START, CREATED))
    )


@pytest.mark.parametrize(
    "name", ["Eve\r\nBEGIN:VEVENT\r\nSUMMARY:pwned", "Eve\nEND:VCALENDAR", "Eve\rBEGIN:VEVENT"]
)
def test_a_name_cannot_inject_calendar_lines(profile_factory, name):
    """Newlines in a name never start a new property or component."""
    plan = dataclasses.replace(build_plan(profile_factory(days_per_week=2)), name=name)
    data = plan_ics(plan, START, CREATED)
    lines = data.decode().splitlines()
    assert lines.count("BEGIN:VEVENT") == 2
    assert lines.count("END:VCALENDAR") == 1
    assert not [line for line in lines if line.startswith("SUMMARY:pwned")]
    assert len(events(data)) == 2
    assert "Eve" in str(events(data)[0]["description"])


def test_commas_and_semicolons_in_a_name_round_trip(profile_factory):
    """Text escaping is left to icalendar: the name reads back exactly."""
    plan = dataclasses.replace(build_plan(profile_factory()), name="Doe, Jane; Jr.")
    cal = Calendar.from_ical(plan_ics(plan, START, CREATED))
    assert str(cal["x-wr-calname"]) == "BackPlan week 1 - Doe, Jane; Jr."
    assert "Plan for Doe, Jane; Jr., week 1:" in str(cal.walk("VEVENT")[0]["description"])


def test_a_red_flag_plan_gives_a_valid_calendar_without_events(profile_factory):
    """Nothing is scheduled for someone who needs a doctor first."""
    plan = build_plan(profile_factory(red_flags=["fever"]))
    cal = Calendar.from_ical(plan_ics(plan, START, CREATED))
    assert cal.name == "VCALENDAR"
    assert cal.walk("VEVENT") == []


def test_a_session_time_with_a_time_zone_is_refused(profile_factory):
    """Sessions are floating local times, so an aware time is a mistake."""
    with pytest.raises(ValueError, match="session_time"):
        plan_ics(build_plan(profile_factory()), START, CREATED, time(18, 0, tzinfo=UTC))
