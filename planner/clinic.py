"""A clinic's own header for printed sheets: a name and a contact line, checked when made.

Both are single lines of plain text (no control characters, no line or paragraph separators, no
bidirectional overrides that could reorder what prints): the name 1 to 60 characters, the contact
up to 100. Surrounding spaces are dropped.
"""

import unicodedata
from dataclasses import dataclass

NAME_MAX = 60
CONTACT_MAX = 100
# Explicit bidirectional embeddings, overrides and isolates: they can make printed text misleading.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ClinicError(ValueError):
    """A clinic name or contact that cannot be printed; the message names the field."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}")


def is_single_line(text: str) -> bool:
    """True when the text has no control characters, line or paragraph separators or bidi
    controls: what people type is printed and shown on one line, in the order it was typed."""
    return not any(
        unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch in BIDI_CONTROLS for ch in text
    )


def _check_line(field: str, text: object, most: int, required: bool) -> str:
    if not isinstance(text, str):
        raise ClinicError(field, "must be text")
    if not is_single_line(text):
        raise ClinicError(field, "must be a single line without control characters")
    text = text.strip()
    if required and not text:
        raise ClinicError(field, f"is required: 1 to {most} characters")
    if len(text) > most:
        raise ClinicError(field, f"must be at most {most} characters (got {len(text)})")
    return text


@dataclass(frozen=True)
class ClinicHeader:
    """The clinic name and contact line printed at the top of every page."""

    name: str
    contact: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _check_line("clinic name", self.name, NAME_MAX, True))
        contact = _check_line("clinic contact", self.contact, CONTACT_MAX, False)
        object.__setattr__(self, "contact", contact)
