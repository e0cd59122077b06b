"""The font coverage file says exactly what the embedded DejaVu faces draw."""

from font_coverage import COVERAGE, coverage_text, covered

from planner.exports.pdf_style import drawable, one_line


def test_the_coverage_file_matches_the_fonts():
    assert COVERAGE.read_text(encoding="utf-8") == coverage_text(), (
        "run .venv/bin/python tests/font_coverage.py"
    )


def test_a_character_is_drawable_exactly_when_both_faces_have_it():
    points = covered()
    for point in [*range(0x20, 0x3000), 0x1F600, 0x1F9A0, 0x10FFFF]:
        assert drawable(chr(point)) == (point in points), hex(point)


def test_hebrew_arabic_and_accents_print_and_others_become_question_marks():
    assert one_line("Zoë  שלום مرحبا") == "Zoë שלום مرحبا"
    assert one_line("李 \U0001f9a0 한") == "? ? ?"
