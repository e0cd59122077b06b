"""The database tables: saved people (a profile each) and their session log.

Every person belongs to an `owner` (an account; "local" on a one-person install), and every query
in store.py is scoped to it. A person's id is never given again after they are deleted (SQLite
AUTOINCREMENT; PostgreSQL's sequence never goes back), so an old link or tab cannot reach someone
new; `version` counts the saves of their answers, so a stale page's write can be refused. Log
rows belong to people and go when their person goes. The CHECK constraints repeat LogEntry's
ranges (planner.limits), so a bug that skips validation cannot store a bad row. Any change here
needs a new migration in storage/migrations/versions/.
"""

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from planner.limits import NAME, NOTE, PAIN, WEEK

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
OWNER_MAX = 200
ID_MAX = 2**31 - 1  # the largest id an Integer column holds on every database (PostgreSQL's int4)
NAME_MAX = NAME.most
NOTE_MAX = NOTE.most
CLINIC_NAME_MAX = 60  # planner.clinic.NAME_MAX
CLINIC_CONTACT_MAX = 100  # planner.clinic.CONTACT_MAX


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PersonRow(Base):
    """One saved person: the profile as JSON text, re-validated on every read."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("owner", "name"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(OWNER_MAX))
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    profile_json: Mapped[str] = mapped_column(Text)
    programme_start: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class LogRow(Base):
    """One day of one person's session log (LogEntry's fields); one row per person and day."""

    __tablename__ = "session_log"
    __table_args__ = (
        UniqueConstraint("person_id", "day"),
        CheckConstraint(f"week BETWEEN {WEEK.low} AND {WEEK.high}", name="week"),
        CheckConstraint("status IN ('done', 'partly', 'skipped')", name="status"),
        CheckConstraint(f"pain_before BETWEEN {PAIN.low} AND {PAIN.high}", name="pain_before"),
        CheckConstraint(f"pain_after BETWEEN {PAIN.low} AND {PAIN.high}", name="pain_after"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    week: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    pain_before: Mapped[int | None] = mapped_column(Integer)
    pain_after: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(NOTE_MAX))


class ClinicRow(Base):
    """One owner's clinic header for printed sheets (ClinicHeader's fields); at most one each."""

    __tablename__ = "clinic_header"
    __table_args__ = (UniqueConstraint("owner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(OWNER_MAX))
    name: Mapped[str] = mapped_column(String(CLINIC_NAME_MAX))
    contact: Mapped[str] = mapped_column(String(CLINIC_CONTACT_MAX))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


AUDIT_ACTIONS = ("sign_in", "sign_out", "export", "import", "delete_person", "delete_all")
AUDIT_ACTION_MAX = 20
AUDIT_DETAIL_MAX = 200


class AuditRow(Base):
    """One line of an owner's audit trail: when, what, and counts or ids only (no health data).

    Kept when the owner deletes everything (see storage/audit.py).
    """

    __tablename__ = "audit"
    __table_args__ = (
        CheckConstraint(
            "action IN (" + ", ".join(f"'{a}'" for a in AUDIT_ACTIONS) + ")", name="action"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    owner: Mapped[str] = mapped_column(String(OWNER_MAX), index=True)
    action: Mapped[str] = mapped_column(String(AUDIT_ACTION_MAX))
    detail: Mapped[str] = mapped_column(String(AUDIT_DETAIL_MAX))
