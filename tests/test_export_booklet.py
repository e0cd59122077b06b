"""The four-week booklet PDF, read back with pypdf and rendered with pdftoppm."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.exports import pdf_style
from planner.exports.pdf_booklet import booklet_pdf, programme_exercises, weeks_label
from planner.exports.pdf_sheet import plan_pdf
from tests.pdf_checks import embedded_fonts, font_sizes, pages_text

CLINIC = ClinicHeader("Riverside Physiotherapy", "Tel 01234 567890, riverside.example")


@pytest.fixture
def programme(profile_factory):
    """A profile with a start date and its four weekly plans."""
    profile = parse_profile(
        profile_factory(conditions=["osteoporosis"], start_date="2025-03-03", days_per_week=4)
    )
    return profile, [build_plan(profile, week) for week in range(1, 5)]


def test_the_booklet_has_a_cover_four_weeks_instructions_and_tips(programme):
    """Cover first, then weeks 1-4 in order, then the exercise instructions, then tips."""
    profile, plans = programme
    pages = pages_text(booklet_pdf(plans, profile=profile))
    assert len(pages) >= 7
    assert "BackPlan - your programme" in pages[0]
    for week, page in enumerate(pages[1:5], start=1):
        assert f"Week {week}:" in page and "tick a box" in page
    assert "How to do each exercise" in pages[5]
    assert "Everyday tips" in pages[-1] and "When to stop and get help" in pages[-1]


def test_every_page_is_numbered_and_carries_the_sources(programme):
    """'Page N of M' on every page, and the sources line in each footer."""
    profile, plans = programme
    pages = pages_text(booklet_pdf(plans, profile=profile))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Sources: ACSM" in page
        assert "not a substitute for a clinician" in page


def test_the_cover_sums_up_the_person_and_why_the_plan_looks_so(programme):
    """Name, age, BMI band, pain, sessions, conditions in words, risk and the plan's reasons."""
    profile, plans = programme
    cover = pages_text(booklet_pdf(plans, profile=profile))[0]
    assert "Alex Example" in cover and "45 years" in cover
    assert f"({plans[0].bmi_band})" in cover
    assert "4 out of 10" in cover and "4 a week" in cover
    assert "Osteoporosis or another bone-weakening disease" in cover
    assert plans[0].risk.level.capitalize() in cover
    for note in (*plans[0].notes, *plans[0].removed_families):
        assert " ".join(note.text.split())[:60] in cover


def test_every_exercise_of_the_programme_has_its_steps_and_cautions(programme):
    """The instruction pages name every exercise used in any week, with steps and cautions."""
    profile, plans = programme
    text = " ".join(pages_text(booklet_pdf(plans, profile=profile))[5:])
    used = {p.id for plan in plans for d in plan.days for p in d.exercises}
    exercises = programme_exercises(plans)
    assert {e.id for e in exercises} == used
    for exercise in exercises:
        assert exercise.name in text
        assert " ".join(exercise.steps[0].split())[:50] in text
        for caution in exercise.cautions:
            assert " ".join(caution.split())[:40] in text


def test_the_clinic_header_is_on_every_page(programme):
    """The clinic's name and contact print at the top of every page."""
    profile, plans = programme
    for page in pages_text(booklet_pdf(plans, clinic=CLINIC, profile=profile)):
        assert "Riverside Physiotherapy" in page and "Tel 01234 567890" in page


def test_the_clinic_header_is_on_the_weekly_sheet_and_the_old_call_still_works(programme):
    """plan_pdf(plan, paper=...) works as before; with a clinic, the header prints."""
    _, plans = programme
    assert "Riverside" not in pages_text(plan_pdf(plans[0], paper="letter"))[0]
    assert "Riverside Physiotherapy" in pages_text(plan_pdf(plans[0], "a4", clinic=CLINIC))[0]


def test_a_red_flag_booklet_is_the_one_page_see_a_doctor_sheet(profile_factory):
    """No cover, no weeks: the single see-a-doctor page, with the clinic header."""
    profile = parse_profile(profile_factory(red_flags=["saddle_numbness"]))
    plans = [build_plan(profile, week) for week in range(1, 5)]
    pages = pages_text(booklet_pdf(plans, clinic=CLINIC, profile=profile))
    assert len(pages) == 1
    assert "Go to an emergency department now" in pages[0] and "Riverside" in pages[0]


def test_without_a_profile_the_cover_leaves_out_what_only_the_profile_knows(programme):
    """BMI, sessions and risk come from the plan; age and conditions need the profile."""
    _, plans = programme
    cover = pages_text(booklet_pdf(plans))[0]
    assert "Body mass index" in cover and "years" not in cover and "Conditions" not in cover


def test_the_booklet_is_deterministic_and_has_metadata(programme):
    """Same plans, same bytes; the title names the weeks."""
    profile, plans = programme
    data = booklet_pdf(plans, "letter", profile=profile)
    assert data == booklet_pdf(plans, "letter", profile=profile)
    assert PdfReader(io.BytesIO(data)).metadata.title == "BackPlan - weeks 1-4 programme"
    assert weeks_label(plans[:1]) == "Week 1"


def test_no_weeks_and_bad_paper_are_refused(programme):
    """An empty list of plans and paper other than A4 or Letter raise ValueError."""
    _, plans = programme
    with pytest.raises(ValueError, match="at least one week"):
        booklet_pdf([])
    with pytest.raises(ValueError, match="paper"):
        booklet_pdf(plans, "a5")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_every_booklet_page_renders_with_ink_on_it(programme, tmp_path):
    """pdftoppm renders each page; every page has dark pixels (text) and is mostly paper."""
    profile, plans = programme
    source = tmp_path / "booklet.pdf"
    source.write_bytes(booklet_pdf(plans, clinic=CLINIC, profile=profile))
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(source), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.pgm"))
    assert len(images) == len(PdfReader(source).pages)
    for image in images:
        pixels = image.read_bytes().split(b"\n", 3)[3]  # P5 header: magic, size, maxval
        dark = sum(1 for value in pixels if value < 128) / len(pixels)
        # header and footer alone are about 0.06% ink; a last page of two exercises about 0.7%
        assert 0.002 < dark < 0.5, (image.name, dark)


def test_the_font_minimum_applies_to_every_booklet_page(programme):
    """No font size set below 9 pt anywhere in the booklet's content streams, and only the
    repo's DejaVu faces, embedded."""
    profile, plans = programme
    data = booklet_pdf(plans, profile=profile)
    for page in PdfReader(io.BytesIO(data)).pages:
        sizes = re.findall(rb"/\w+ ([\d.]+) Tf", page.get_contents().get_data())
        assert sizes and min(float(s) for s in sizes) >= pdf_style.MIN_PT
    assert min(font_sizes(data)) >= pdf_style.MIN_PT
    assert embedded_fonts(data) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_each_exercise_picture_is_an_image_with_its_name_as_alternative_text(programme):
    """Every exercise's picture is tagged as a figure whose alternative text is its name."""
    profile, plans = programme
    data = booklet_pdf(plans, profile=profile)
    alts = {alt.decode() for alt in re.findall(rb"/Alt\((.*?)\)/", data)}
    for exercise in programme_exercises(plans):
        assert exercise.name in alts
