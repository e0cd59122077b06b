"""The audit trail of one owner: sign-in and sign-out, export, import and deletions, with times.

An audit line holds no health data: the owner (the account's subject id), the time in UTC, one of
ACTIONS, and a detail made only of `key=number` pairs from DETAIL_KEYS (e.g. "people=3" or
"added=2 replaced=1"). `record` refuses anything else with ValueError, so a caller cannot put a
name, a note or a pain score into the trail by mistake.

Audit lines are NOT removed by Store.delete_everything: they hold no health data, and the
deletion itself must stay on record ("delete_all people=3"). Like every other query, `entries`
is scoped to the store's owner.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from storage.models import AUDIT_ACTIONS, AUDIT_DETAIL_MAX, AuditRow
from storage.store import Store

ACTIONS = AUDIT_ACTIONS
DETAIL_MAX = AUDIT_DETAIL_MAX
# people: how many people; person: a person's id; added/replaced: import counts; log: log rows;
# bytes: a file's size. Values are whole numbers, never text.
DETAIL_KEYS = ("people", "person", "added", "replaced", "log", "bytes")
_PAIR = re.compile(r"([a-z_]+)=([0-9]{1,12})")
ENTRIES_MAX = 1000


@dataclass(frozen=True)
class AuditEntry:
    """One line of the trail, as read back: `at` is timezone-aware (UTC)."""

    id: int
    at: datetime
    action: str
    detail: str


def check_detail(detail: str) -> str:
    """The detail if it is empty or `key=number` pairs from DETAIL_KEYS, else ValueError."""
    if not isinstance(detail, str):
        raise ValueError("audit detail: must be text")
    if len(detail) > DETAIL_MAX:
        raise ValueError(f"audit detail: must be at most {DETAIL_MAX} characters")
    if detail == "":
        return detail
    keys = []
    for pair in detail.split(" "):
        match = _PAIR.fullmatch(pair)
        if match is None:
            number = len(keys) + 1  # the text itself is not repeated: it may be what must not leak
            raise ValueError(
                f"audit detail: pair {number} is not key=number (pairs are separated by one space)"
            )
        keys.append(match.group(1))
    unknown = sorted(set(keys) - set(DETAIL_KEYS))
    if unknown:
        raise ValueError(f"audit detail: unknown key {unknown[0]!r}; use {', '.join(DETAIL_KEYS)}")
    if len(set(keys)) != len(keys):
        raise ValueError("audit detail: each key may appear once")
    return detail


def record(store: Store, action: str, detail: str = "", *, now: datetime) -> None:
    """Add one line to the owner's audit trail; ValueError for an unknown action or a bad detail."""
    if action not in ACTIONS:
        raise ValueError(f"audit action: must be one of {', '.join(ACTIONS)} (got {action!r})")
    check_detail(detail)
    if not isinstance(now, datetime) or now.tzinfo is None:
        raise ValueError("audit time: must be a timezone-aware datetime")
    row = AuditRow(at=now.astimezone(UTC), owner=store.owner, action=action, detail=detail)
    with store.writing() as session:
        session.add(row)


def entries(store: Store, limit: int = 100) -> list[AuditEntry]:
    """The owner's audit lines, newest first, at most `limit` (1 to 1000)."""
    if not isinstance(limit, int) or not 1 <= limit <= ENTRIES_MAX:
        raise ValueError(f"limit: must be a whole number from 1 to {ENTRIES_MAX}")
    query = (
        select(AuditRow)
        .where(AuditRow.owner == store.owner)
        .order_by(AuditRow.at.desc(), AuditRow.id.desc())
        .limit(limit)
    )
    with store.reading() as session:
        rows = session.scalars(query).all()
    return [AuditEntry(r.id, _utc(r.at), r.action, r.detail) for r in rows]


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
