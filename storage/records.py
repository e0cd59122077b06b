"""What the Store gives and takes (people, the reference a page keeps to one, import records) and
the errors it raises, each with a message fit to show the user."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from planner.log_entry import LogEntry
from planner.profile import Profile


class StoreError(Exception):
    """A problem saving or loading, with a message fit to show the user."""


class NotFound(StoreError):
    """No such person for this owner (unknown id, or someone else's)."""


class PersonGone(NotFound):
    """The person a page was drawn for is no longer saved; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "The person this page was showing is no longer saved (deleted in another tab or "
            "window?). Nothing was saved."
        )


class PersonChanged(StoreError):
    """The person a page was drawn for was changed since; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            "This person's answers were changed in another tab or window after this page was "
            "shown. Nothing was saved; look at what is shown now and try again."
        )


class NameTaken(StoreError):
    """Another saved person of this owner already has the name."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"name: someone called {name!r} is already saved; use another name")


class ImportConflict(StoreError):
    """People in an import file already exist; nothing was written."""

    def __init__(self, names: Sequence[str]):
        self.names = list(names)
        listed = ", ".join(self.names)
        super().__init__(
            f"already saved: {listed}. Nothing was imported; choose to replace them to go ahead."
        )


@dataclass(frozen=True)
class PersonRef:
    """A person as a page saw them: the id, and the version of their answers then. A write
    given a PersonRef is refused when that person is gone or has a newer version."""

    id: int
    version: int


@dataclass(frozen=True)
class PersonSummary:
    id: int
    name: str
    programme_start: date
    updated_at: datetime
    version: int

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.version)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    profile: Profile
    programme_start: date
    version: int

    @property
    def ref(self) -> PersonRef:
        return PersonRef(self.id, self.version)


# Whom a write is for: a PersonRef (what a page saw: refused when gone or changed since), or a
# bare id (scripts and tests that own the database: refused only when gone).
Who = int | PersonRef


@dataclass(frozen=True)
class PersonRecord:
    """One person to import: profile (with its name), programme start and whole log."""

    profile: Profile
    programme_start: date
    log: tuple[LogEntry, ...]
