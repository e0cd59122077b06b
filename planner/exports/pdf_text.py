"""Text on the printed sheets: the font, what it can draw, widths, wrapping and shortening.

Widths are measured on scratch documents with the same fonts (memoised). Right-to-left text
(Hebrew, Arabic) is measured and drawn with fpdf2's text shaping; other text is not shaped.
"""

import re
import threading
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILES = {"": FONT_DIR / "DejaVuSans.ttf", "B": FONT_DIR / "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"


@cache
def _covered() -> frozenset[int]:
    """Code points that both DejaVu faces can draw."""
    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


def printable(text: str) -> str:
    """The text on one line, each character the font cannot draw replaced by '?'."""
    flat = re.sub(r"\s+", " ", text).strip()
    covered = _covered()
    return "".join(ch if ord(ch) in covered else "?" for ch in flat)


def shorten(text: str, max_chars: int) -> str:
    """Whole sentences up to max_chars; a long sentence is cut at a clause or word, with '…'."""
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        joined = f"{kept} {sentence}".strip()
        if len(joined) <= max_chars:
            kept = joined
            continue
        room = max_chars - len(kept) - 1
        if len(kept) < max_chars // 3:  # what is kept so far is only a lead-in: cut this one
            kept = f"{kept} {_cut(sentence, room)}".strip()
        break
    return kept


def _cut(sentence: str, room: int) -> str:
    """The sentence cut to `room` characters at the last clause break or word, ending in '…'."""
    head = sentence[: max(room - 1, 1)]
    for mark in ("; ", ", ", " "):
        at = head.rfind(mark)
        if at > len(head) // 2:
            return head[:at].rstrip(",;: ") + "…"
    return head.rstrip() + "…"


def right_to_left(text: str) -> bool:
    """Whether the text holds right-to-left letters (Hebrew, Arabic: Unicode bidi class R or AL).
    Such text (a name, a clinic header) is drawn with fpdf2's text shaping (HarfBuzz), which puts
    it in reading order and joins Arabic letters; it is off otherwise, as it is slower."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@cache
def _ruler(shaped: bool) -> FPDF:
    """A scratch document with the fonts loaded, used only to measure text (shaped or not)."""
    pdf = FPDF(unit="mm")
    for style, path in FONT_FILES.items():
        pdf.add_font(FAMILY, style, path)
    pdf.set_text_shaping(shaped)
    return pdf


_MEASURING = threading.Lock()  # sheets made at once in several sessions share the rulers


@lru_cache(maxsize=20_000)
def string_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width in mm of one line of text (memoised: every sheet measures the same words)."""
    ruler = _ruler(right_to_left(text))
    with _MEASURING:
        ruler.set_font(FAMILY, "B" if bold else "", size_pt)
        return ruler.get_string_width(text)


def _split_long(word: str, width: float, measure) -> list[str]:
    """A word on its own line(s): one wider than the box is split between characters."""
    parts = [""]
    for ch in word:
        if parts[-1] and measure(parts[-1] + ch) > width:
            parts.append("")
        parts[-1] += ch
    return parts


def wrap(text: str, width: float, size_pt: float, bold: bool = False) -> list[str]:
    """The lines `text` wraps into at word breaks in a box `width` mm wide."""

    def measure(line: str) -> float:
        return string_width(line, size_pt, bold)

    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and measure(joined) <= width:
            lines[-1] = joined
        else:
            lines += _split_long(word, width, measure)
    return lines
