"""Saved people a page at a time, found by name: Saved people and "Whose plan?" stay quick with
thousands of people (one count and one short query per page, never a query per person).

Names are matched ignoring case (SQLite folds only the letters A-Z; PostgreSQL all of them), and
`%` or `_` typed into the search are matched as themselves.
"""

from dataclasses import dataclass

from sqlalchemy import func, select

from storage.models import PersonRow
from storage.store import SUMMARY_COLUMNS, PersonSummary, Store, StoreError, summary_of

PAGE_MOST = 100


@dataclass(frozen=True)
class PeoplePage:
    """The people of one page, sorted by name, and how many match in all."""

    people: list[PersonSummary]
    total: int


def people_page(store: Store, search: str = "", offset: int = 0, size: int = 20) -> PeoplePage:
    """`size` people (1 to PAGE_MOST) from `offset`, of those whose name contains `search`."""
    if not isinstance(size, int) or not 1 <= size <= PAGE_MOST:
        raise StoreError(f"page size: must be a whole number from 1 to {PAGE_MOST}")
    if not isinstance(offset, int) or offset < 0:
        raise StoreError("page start: must be a whole number, 0 or more")
    found = [PersonRow.owner == store.owner]
    if search.strip():
        found.append(func.lower(PersonRow.name).contains(search.strip().lower(), autoescape=True))
    count = select(func.count()).select_from(PersonRow).where(*found)
    query = (
        select(*SUMMARY_COLUMNS)
        .where(*found)
        .order_by(func.lower(PersonRow.name), PersonRow.name, PersonRow.id)
        .offset(offset)
        .limit(size)
    )
    with store.reading() as session:
        total = session.scalar(count)
        rows = session.execute(query).all()
    return PeoplePage([summary_of(row) for row in rows], total)


def count_people(store: Store) -> int:
    """How many people this owner has saved."""
    return people_page(store, size=1).total
