"""People's names: one Unicode form, something in them that shows, and whether two look alike.

A name is kept in Unicode's composed form (NFC), so "José" typed with a combining accent and
with a ready-made "é" is one name. Zero-width characters are taken out: they draw nothing and
only make one name seem two. Two names look alike when their confusable skeletons (Unicode
Technical Standard #39, computed by ICU) are equal, as Latin "Ann" and "Аnn" with a Cyrillic A.
"""

import unicodedata
from collections.abc import Iterable

from icu import SpoofChecker

# Characters that draw nothing and join or break nothing a reader sees: soft hyphen, Mongolian
# vowel separator, zero-width space, word joiner, invisible maths operators, zero-width no-break
# space (BOM). The joiners U+200C and U+200D stay: Persian, Indic scripts and emoji need them.
ZERO_WIDTH = "\u00ad\u180e\u200b\u2060\u2061\u2062\u2063\u2064\ufeff"
# What shows nothing by itself: spaces, line breaks, control and format characters; the Hangul
# fillers (letters by category, yet blank), the blank Braille pattern, the combining grapheme
# joiner and the variation selectors.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
BLANKS = frozenset(
    "\u115f\u1160\u3164\uffa0\u2800\u034f\u180b\u180c\u180d\u180f"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
_DROP = dict.fromkeys(map(ord, ZERO_WIDTH))
_CHECKER = SpoofChecker()


def clean_name(text: str) -> str:
    """The name in NFC, with zero-width characters taken out."""
    return unicodedata.normalize("NFC", text.translate(_DROP))


def has_visible_character(text: str) -> bool:
    """True when something in the text shows (not only spaces and invisible characters)."""
    return any(
        unicodedata.category(ch) not in INVISIBLE_CATEGORIES
        and ch not in BLANKS
        and not ch.isspace()
        for ch in text
    )


def skeleton(name: str) -> str:
    """The name's UTS #39 skeleton, with format characters (the joiners too) dropped and runs of
    spaces made one: names that look alike have the same skeleton. Not for display."""
    shown = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    return _CHECKER.getSkeleton(0, " ".join(shown.split()))


def look_alikes(name: str, others: Iterable[str]) -> list[str]:
    """The names among `others` that look like `name` without being it, in their order."""
    mine = skeleton(name)
    return [other for other in others if other != name and skeleton(other) == mine]
