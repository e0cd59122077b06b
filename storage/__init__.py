"""Saved profiles and session logs: SQLite by default, any SQLAlchemy database by URL.

Pages use `open_store()` and the Store's methods; nothing here imports streamlit.
"""

from storage.engine import dispose_engines
from storage.store import (
    ImportConflict,
    NameTaken,
    NotFound,
    Person,
    PersonChanged,
    PersonGone,
    PersonRecord,
    PersonRef,
    PersonSummary,
    Store,
    StoreError,
    open_store,
)

__all__ = [
    "ImportConflict",
    "NameTaken",
    "NotFound",
    "Person",
    "PersonChanged",
    "PersonGone",
    "PersonRecord",
    "PersonRef",
    "PersonSummary",
    "Store",
    "StoreError",
    "dispose_engines",
    "open_store",
]
