"""The shape of the week: which days are sessions and which families each session holds."""

import math
from datetime import date
from itertools import cycle

from planner import guidelines as g
from planner.data_files import FAMILIES

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def session_days(days_per_week: int) -> list[int]:
    """Session days spread evenly over a 7-day week (0 = the first day): 3 -> [0, 2, 4]."""
    return [i * 7 // days_per_week for i in range(days_per_week)]


def exercises_per_session(days_per_week: int, families: int, gentle: bool, minutes: int) -> int:
    """How many exercises a session holds: enough for every family (twice a week from 4 days),
    otherwise 3, or 4 when the person gave 15+ minutes and pain is not high."""
    needed = math.ceil(families / days_per_week)
    if days_per_week >= 4:
        needed = max(
            needed, math.ceil(g.MIN_FAMILY_SESSIONS_FROM_4_DAYS * families / days_per_week)
        )
    usual = g.GENTLE_EXERCISES_PER_SESSION
    if not gentle and minutes >= 15:
        usual = g.MAX_EXERCISES_PER_SESSION
    return min(families, max(needed, usual))


def families_per_session(
    families: list[str], days_per_week: int, per_session: int, core_every_session: bool
) -> list[list[str]]:
    """Deal the families round-robin over the sessions, so counts differ by at most one.

    Core work comes first in the rotation (it should be 2-3 days a week) or, when it is
    emphasised, goes into every session. Each session lists its families in the usual order.
    """
    fixed = ["core"] if core_every_session and "core" in families else []
    pool = [f for f in ("core", *FAMILIES) if f in families and f not in fixed]
    pool = list(dict.fromkeys(pool))
    dealer = cycle(pool)
    sessions = []
    for _ in range(days_per_week):
        picked = fixed + [next(dealer) for _ in range(per_session - len(fixed))]
        sessions.append(sorted(picked, key=FAMILIES.index))
    return sessions


def programme_week(programme_start: date, today: date) -> int:
    """The programme week `today` falls in: week 1 is the first 7 days (and any day before)."""
    return max(1, min(g.MAX_WEEK, (today - programme_start).days // 7 + 1))


def current_session(session_dates: list[date], today: date) -> int:
    """Which of the week's sessions to show first: today's, else the next one, and once the
    week is over its last one (the one most likely still to log)."""
    later = [i for i, day in enumerate(session_dates) if day >= today]
    return later[0] if later else len(session_dates) - 1
