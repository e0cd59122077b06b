"""The saved clinic header (name and contact printed on every sheet), one per owner.

Values are checked by planner.clinic.ClinicHeader before they are written and again when read.
"""

import os
from datetime import UTC, datetime

from sqlalchemy import delete, select

from planner.clinic import ClinicError, ClinicHeader
from storage.models import ClinicRow
from storage.settings import DATABASE_URL_ENV, SQLITE_FILE_NAME, data_dir
from storage.store import Store, StoreError, open_store


def get_clinic(store: Store) -> ClinicHeader | None:
    """The owner's clinic header, or None when none is saved."""
    query = select(ClinicRow).where(ClinicRow.owner == store.owner)
    with store.reading() as session:
        row = session.scalars(query).one_or_none()
    if row is None:
        return None
    try:
        return ClinicHeader(row.name, row.contact)
    except ClinicError as exc:
        raise StoreError(f"The saved clinic header no longer passes the checks ({exc}).") from None


def set_clinic(store: Store, name: str, contact: str = "") -> ClinicHeader:
    """Check and save the owner's clinic header, replacing any saved one; ClinicError if bad."""
    header = ClinicHeader(name, contact)
    query = select(ClinicRow).where(ClinicRow.owner == store.owner)
    with store.writing() as session:
        row = session.scalars(query).one_or_none() or ClinicRow(owner=store.owner)
        row.name, row.contact, row.updated_at = header.name, header.contact, datetime.now(UTC)
        session.add(row)
    return header


def clear_clinic(store: Store) -> None:
    """Remove the owner's clinic header (no error when none is saved)."""
    with store.writing() as session:
        session.execute(delete(ClinicRow).where(ClinicRow.owner == store.owner))


def saved_clinic(owner: str = "local") -> ClinicHeader | None:
    """The header saved by the app on this machine, for the command line; None when there is no
    database yet (none is made) or it cannot be read."""
    if not os.environ.get(DATABASE_URL_ENV) and not (data_dir() / SQLITE_FILE_NAME).is_file():
        return None
    try:
        return get_clinic(open_store(owner=owner))
    except StoreError:
        return None
