"""The week's sessions as an iCalendar file (RFC 5545), built with the icalendar library.

One event per session day at a floating local time (the same wall-clock time wherever the person
is), lasting the session's minutes, with the routine and the see-a-doctor reminder in the
description and a display alarm 15 minutes before. UIDs are derived from the week, the date, the
name and the routine, so exporting the same plan again updates the events instead of duplicating
them. A red-flag plan gives a valid calendar with no events: there is nothing safe to schedule.
"""

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from planner.plan import Day, WeekPlan

PRODID = "-//BackPlan//EN"
ALARM_BEFORE = timedelta(minutes=15)
UID_DOMAIN = "backplan.local"


def plan_ics(
    plan: WeekPlan, start: date, created: datetime, session_time: time = time(18, 0)
) -> bytes:
    """The plan's sessions as iCalendar bytes.

    Days without a date are placed from `start` (plan.days[i] on start + i days). `created` is the
    DTSTAMP: an aware datetime is converted to UTC, a naive one is taken to be UTC already.
    `session_time` is local wall-clock time and must not carry a time zone (ValueError).
    """
    if session_time.tzinfo is not None:
        raise ValueError("session_time: give a local time without a time zone")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name(plan))
    stamp = created.astimezone(UTC) if created.tzinfo else created.replace(tzinfo=UTC)
    if plan.safe_to_exercise:
        for i, day in enumerate(plan.days):
            if day.is_session:
                on = day.date or start + timedelta(days=i)
                cal.add_component(_event(plan, day, datetime.combine(on, session_time), stamp))
    return cal.to_ical()


def programme_ics(
    plans: Sequence[WeekPlan], start: date, created: datetime, session_time: time = time(18, 0)
) -> bytes:
    """Several consecutive weeks' sessions in one calendar; undated week i starts 7*i days after
    `start`."""
    cal = Calendar.from_ical(plan_ics(plans[0], start, created, session_time))
    for i, plan in enumerate(plans[1:], start=1):
        later = plan_ics(plan, start + timedelta(weeks=i), created, session_time)
        for event in Calendar.from_ical(later).walk("VEVENT"):
            cal.add_component(event)
    if len(plans) > 1:
        name = clean(plans[0].name or "")
        weeks = f"BackPlan weeks {plans[0].week}-{plans[-1].week}"
        # Replaced with add(), as plan_ics writes it: a plain str assigned here would be written
        # escaped while plan_ics's is not, so "Doe, Jane" read back as "Doe\, Jane".
        del cal["x-wr-calname"]
        cal.add("x-wr-calname", weeks + (f" - {name}" if name else ""))
    return cal.to_ical()


def clean(text: str) -> str:
    """User text on one line: control characters (newlines, tabs) become single spaces."""
    return re.sub(r"[\x00-\x1f\x7f\s]+", " ", text).strip()


def calendar_name(plan: WeekPlan) -> str:
    """'BackPlan week 2' or 'BackPlan week 2 - Alex Example'."""
    name = clean(plan.name or "")
    return f"BackPlan week {plan.week}" + (f" - {name}" if name else "")


def _event(plan: WeekPlan, day: Day, begins: datetime, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", _uid(plan, day, begins.date()))
    event.add("dtstamp", stamp)
    event.add("dtstart", begins)
    event.add("duration", timedelta(minutes=day.minutes))
    event.add("summary", f"BackPlan: back exercises ({day.minutes} min)")
    event.add("description", description(plan, day))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Back exercises in 15 minutes")
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def description(plan: WeekPlan, day: Day) -> str:
    """The routine, one line per exercise ('name - dose'), then the see-a-doctor reminder."""
    name = clean(plan.name or "")
    lines = [f"Plan for {name}, week {plan.week}:" if name else f"Week {plan.week}:"]
    lines += [f"{p.name} - {p.dose_text}" for p in day.exercises]
    reminder = [t.text for t in plan.tips if t.topic == "see_a_doctor"]
    return "\n".join([*lines, "", *reminder]).strip()


def _uid(plan: WeekPlan, day: Day, on: date) -> str:
    """Stable per person, week, date and routine, so a re-import updates rather than duplicates."""
    routine = "|".join(f"{p.id}:{p.sets}:{p.reps}:{p.hold_s}:{p.sides}" for p in day.exercises)
    digest = hashlib.sha256(f"{clean(plan.name or '')}|{routine}".encode()).hexdigest()[:12]
    return f"backplan-w{plan.week}-{on.isoformat()}-{digest}@{UID_DOMAIN}"
