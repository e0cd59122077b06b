"""Saved profiles and session logs: SQLite by default, any SQLAlchemy database by URL.

Pages use `open_store()` and the Store's methods; nothing here imports streamlit.
"""

from storage.engine import dispose_engines
from storage.records import (
    ImportConflict,
    NameTaken,
    NotFound,
    Person,
    PersonChanged,
    PersonGone,
    PersonRecord,
    PersonRef,
    PersonSummary,
    StoreError,
)
from storage.store import Store, open_store

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
