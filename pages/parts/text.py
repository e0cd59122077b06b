"""Text for the pages: the labels and help texts of texts.toml (read once), user text made plain,
and Markdown lists."""

import re
import string
import tomllib
from pathlib import Path

TEXTS = tomllib.loads((Path(__file__).resolve().parent / "texts.toml").read_text(encoding="utf-8"))

# GFM makes links of www., http:// and e-mail addresses in the shown text even when every mark is
# escaped: an invisible word joiner after the "www" of "www.", the colon of "://" and "@" stops it.
AUTOLINK_STARTS = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Text with every Markdown special character escaped, so it shows exactly as typed (and an
    address in it is not made a link)."""
    text = AUTOLINK_STARTS.sub(WORD_JOINER, text)
    return "".join("\\" + ch if ch in string.punctuation else ch for ch in text)


def numbered(lines: tuple[str, ...] | list[str]) -> str:
    """A Markdown numbered list."""
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


def bulleted(lines: tuple[str, ...] | list[str]) -> str:
    """A Markdown bulleted list (a single line stays a plain paragraph)."""
    if len(lines) == 1:
        return lines[0]
    return "\n".join(f"- {line}" for line in lines)
