"""Reading printed PDFs back for the tests: text, font sizes, fonts, and a print checker that
finds runs of text that are too small, past the margins, or on top of each other."""

import io
import re
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from planner.exports import pdf_style

PT_PER_MM = 72 / 25.4
ASCENT, DESCENT = 0.76, 0.24  # DejaVu Sans, as a share of the font size
KERNING = 0.02  # kerning makes a set run up to this share narrower than its glyphs' advances
FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pages_text(data: bytes) -> list[str]:
    """Each page's text with whitespace (including line breaks) collapsed to single spaces."""
    return [" ".join(p.extract_text().split()) for p in read(data).pages]


def text_of(data: bytes) -> str:
    """All text of the PDF with whitespace collapsed to single spaces."""
    return " ".join(pages_text(data))


def font_sizes(data: bytes) -> list[float]:
    """Every font size set in any page's content stream."""
    sizes = []
    for page in read(data).pages:
        content = page.get_contents().get_data()
        sizes += [float(s) for s in re.findall(rb"/\w+ ([\d.]+) Tf", content)]
    return sizes


def embedded_fonts(data: bytes) -> set[str]:
    """The base names (subset prefix removed) of every font the pages use, each checked to be
    embedded (a font file in its descriptor)."""
    names = set()
    for page in read(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@cache
def _metrics(bold: bool) -> tuple[dict, dict, int]:
    font = TTFont(pdf_style.FONT_DIR / FONTS[bold], lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def string_width(text: str, size: float, bold: bool) -> float:
    """The width in points of unshaped text in DejaVu Sans."""
    cmap, metrics, units = _metrics(bold)
    return sum(metrics[cmap.get(ord(ch), ".notdef")][0] for ch in text) * size / units


@dataclass(frozen=True)
class Run:
    """One piece of text as printed: its box in points (origin bottom left) and its size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    def overlaps(self, other: "Run", slack: float = 0.3) -> bool:
        return (
            self.x0 < other.x1 - slack
            and other.x0 < self.x1 - slack
            and self.y0 < other.y1 - slack
            and other.y0 < self.y1 - slack
        )


def runs_of(page) -> list[Run]:
    """Every non-blank run of text on the page, placed by its text and transformation matrices."""
    found: list[Run] = []

    def visit(text, cm, tm, font, size):
        text = text.strip()
        if not text or font is None:
            return
        scale = abs(tm[3] * cm[3]) or 1
        size *= scale
        bold = "Bold" in str(font.get("/BaseFont", ""))
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        width = string_width(text, size, bold)
        found.append(Run(text, x, y - DESCENT * size, x + width, y + ASCENT * size, size))

    page.extract_text(visitor_text=visit)
    return found


def text_baselines(data: bytes) -> list[tuple[float, float]]:
    """(x, y) in points of every run of text on the first page."""
    return [(run.x0, run.y0 + DESCENT * run.size) for run in runs_of(read(data).pages[0])]


def problems(data: bytes) -> list[str]:
    """Everything that would print badly, one line each (empty when the PDF is clean)."""
    found = []
    margin = pdf_style.MARGIN * PT_PER_MM - 0.5
    for number, page in enumerate(read(data).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        runs = runs_of(page)
        if len(runs) < 10:
            found.append(f"page {number}: only {len(runs)} runs of text")
        for run in runs:
            if run.size < pdf_style.MIN_PT - 0.01:
                found.append(f"page {number}: {run.text!r} is {run.size} pt")
            if run.x0 < margin or run.x1 - KERNING * (run.x1 - run.x0) > width - margin:
                found.append(f"page {number}: {run.text!r} runs past a side margin")
            if run.y0 < margin or run.y1 > height - margin:
                found.append(f"page {number}: {run.text!r} runs past the top or bottom margin")
        for a, b in combinations(runs, 2):
            if a.overlaps(b):
                found.append(f"page {number}: {a.text!r} overlaps {b.text!r}")
    return found


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def _poppler(data: bytes, *options: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        run = subprocess.run(["pdftotext", *options, str(source), "-"], capture_output=True)
    return run.stdout.decode()


def reading_text(data: bytes) -> str:
    """The text in reading order as poppler's pdftotext gives it (right-to-left lines put back
    in logical order), bidi controls dropped and whitespace collapsed."""
    return " ".join(_poppler(data).translate(BIDI_CONTROLS).split())


def word_widths(data: bytes) -> dict[str, float]:
    """Each word poppler finds on the first page (bidi controls and joiners dropped) and its
    width in points."""
    words = re.findall(
        r'xMin="([\d.]+)".*?xMax="([\d.]+)".*?>([^<]*)</word>', _poppler(data, "-bbox", "-l", "1")
    )
    return {word.translate(BIDI_CONTROLS): float(x1) - float(x0) for x0, x1, word in words}
