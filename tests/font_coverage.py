"""The code points both embedded DejaVu faces draw, as ranges: what planner/fonts/coverage.txt
holds, so that printing never loads the font files to ask.

Regenerate after changing a font: `.venv/bin/python tests/font_coverage.py`.
"""

from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = (ROOT / "planner/fonts/DejaVuSans.ttf", ROOT / "planner/fonts/DejaVuSans-Bold.ttf")
COVERAGE = ROOT / "planner/fonts/coverage.txt"
HEADER = "# Code points both DejaVu faces draw (first-last, hex). Made by tests/font_coverage.py.\n"


def covered() -> set[int]:
    maps = [set(TTFont(path, lazy=True).getBestCmap()) for path in FONTS]
    return set.intersection(*maps)


def ranges(points: set[int]) -> list[tuple[int, int]]:
    """Sorted code points as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for point in sorted(points):
        if runs and runs[-1][1] == point - 1:
            runs[-1] = (runs[-1][0], point)
        else:
            runs.append((point, point))
    return runs


def coverage_text() -> str:
    return HEADER + "".join(f"{a:X}-{b:X}\n" for a, b in ranges(covered()))


if __name__ == "__main__":
    COVERAGE.write_text(coverage_text(), encoding="utf-8")
    print(f"wrote {COVERAGE}")
