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


def exercises_per_session(
    days_per_week: int, families: int, fixed: int, usual: int, extras: int
) -> int:
    """How many family exercises a session holds: the `fixed` families (in every session) plus
    enough of the rest for each to come once a week (twice from 4 days), and otherwise `usual`
    less the daily extras, which come on top."""
    rest = families - fixed
    times = g.MIN_FAMILY_SESSIONS_FROM_4_DAYS if days_per_week >= 4 else 1
    needed = fixed + math.ceil(times * rest / days_per_week)
    return min(families, max(needed, usual - extras, fixed + min(rest, 1)))


def families_per_session(
    families: list[str], days_per_week: int, per_session: int, fixed: list[str]
) -> list[list[str]]:
    """Deal the families round-robin over the sessions, so counts differ by at most one.

    The `fixed` families go into every session; core work comes first in the rotation (it should
    be 2-3 days a week). Each session lists its families in the usual order.
    """
    pool = [f for f in dict.fromkeys(("core", *FAMILIES)) if f in families and f not in fixed]
    dealer = cycle(pool)
    sessions = []
    for _ in range(days_per_week):
        picked = fixed + [next(dealer) for _ in range(per_session - len(fixed))] if pool else fixed
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
