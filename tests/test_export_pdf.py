"""The one-page PDF sheet, read back with pypdf (and rendered with pdftoppm when available)."""

import dataclasses
import io
import logging
import re

import pytest
from pypdf import PdfReader

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.data_files import catalogue
from planner.dosing import prescribe
from planner.exports import pdf_style, pdf_text
from planner.exports.pdf_sheet import key_steps, plan_pdf

PAGE_PT = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MM = 72 / 25.4
WORST_CASES = {
    "seven days of an hour": {"days_per_week": 7, "minutes_per_day": 60},
    "one day a week": {"days_per_week": 1, "minutes_per_day": 60},
    "a 60-character name": {"name": "Maximiliana Ottilie Wolkenstein-Rodenegg von Hohenzollern-Si"},
    "an older adult": {"age": 82, "days_per_week": 5, "minutes_per_day": 30},
    "pregnancy": {"conditions": ["pregnancy"], "days_per_week": 6, "minutes_per_day": 45},
    "weak bones and a new hip": {"conditions": ["osteoporosis", "hip_replacement"], "age": 70},
    "six different exercises": {
        "days_per_week": 7,
        "minutes_per_day": 60,
        "core_strength": "weak",
        "lifting": "often",
        "age": 70,
        "start_date": "2025-12-29",
    },
}


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def text_of(data: bytes) -> str:
    """All text of the PDF with whitespace (including line breaks) collapsed to single spaces."""
    return " ".join(" ".join(p.extract_text() for p in read(data).pages).split())


def font_sizes(data: bytes) -> list[float]:
    content = read(data).pages[0].get_contents().get_data()
    return [float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", content)]


def text_baselines(data: bytes) -> list[tuple[float, float]]:
    """(x, y) in points of every piece of text on the first page."""
    found: list[tuple[float, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[4], tm[5]))

    read(data).pages[0].extract_text(visitor_text=visit)
    return found


def many_exercise_plan(profile_factory, distinct: int):
    """A hand-made week with `distinct` different exercises spread over seven sessions."""
    profile = parse_profile(profile_factory(days_per_week=7, start_date="2025-03-03"))
    items = [prescribe(e, 2, profile) for e in catalogue().exercise[:distinct]]
    plan = build_plan(profile)
    days = [
        dataclasses.replace(day, exercises=tuple(items[i::7])) for i, day in enumerate(plan.days)
    ]
    return dataclasses.replace(plan, days=tuple(days))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_sheet_is_exactly_one_page_of_the_chosen_paper(profile_factory, paper):
    """A4 and US Letter sheets have one portrait page of the right size."""
    reader = read(plan_pdf(build_plan(profile_factory()), paper))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(PAGE_PT[paper][0], abs=1)
    assert float(box.height) == pytest.approx(PAGE_PT[paper][1], abs=1)


def test_the_sheet_names_the_person_every_exercise_and_its_dose(profile_factory):
    """The name, the week, each exercise name and its dose text can be read back."""
    plan = build_plan(profile_factory(start_date="2025-03-03"), week=2)
    text = text_of(plan_pdf(plan))
    assert "Alex Example" in text
    assert "BackPlan - weekly plan" in text
    assert "Week 2: 10 Mar - 16 Mar 2025" in text
    for item in {p for day in plan.days for p in day.exercises}:
        assert item.name in text
        assert item.dose_text in text


def test_the_sheet_always_carries_the_red_flag_reminder_disclaimer_and_sources(profile_factory):
    """The see-a-doctor wording, the disclaimer and a sources line are on every exercise sheet."""
    plan = build_plan(profile_factory())
    text = text_of(plan_pdf(plan))
    assert "When to stop and get help" in text
    assert "numbness between your legs" in text
    assert " ".join(plan.disclaimer.split()) in text
    assert "Sources: ACSM" in text


def test_the_tips_on_the_sheet_are_cut_at_whole_words(profile_factory):
    """Shortened tips end with a full stop or an ellipsis, never in the middle of a word."""
    for text in [pdf_text.shorten(t.text, 190) for t in build_plan(profile_factory()).tips]:
        assert len(text) <= 190
        assert text.endswith((".", "…"))


def test_a_single_key_step_is_the_movement_not_the_starting_position():
    """The picture shows the position, so one step means step 2; two steps mean steps 1 and 2."""
    steps = ("Lie down.", "Lift.", "Relax.")
    assert key_steps(steps, 1) == ("Lift.",)
    assert key_steps(steps, 2) == ("Lie down.", "Lift.")
    assert key_steps(("Only.",), 1) == ("Only.",)
    assert key_steps(steps, 0) == ()


def test_a_red_flag_plan_gets_a_see_a_doctor_sheet_without_exercises(profile_factory):
    """An emergency red flag prints the urgency and the reason, and no exercise at all."""
    plan = build_plan(profile_factory(red_flags=["saddle_numbness"]))
    data = plan_pdf(plan, "letter")
    text = text_of(data)
    assert len(read(data).pages) == 1
    assert "Go to an emergency department now" in text
    assert "Numbness between the legs" in text
    assert " ".join(plan.disclaimer.split()) in text
    assert not [e.name for e in catalogue().exercise if e.name in text]
    assert "Tick" not in text


def test_a_soon_red_flag_asks_for_a_doctor_in_the_next_few_days(profile_factory):
    """A red flag for the next few days prints that urgency."""
    text = text_of(plan_pdf(build_plan(profile_factory(red_flags=["night_pain"]))))
    assert "See a doctor in the next few days, before you exercise" in text


def test_an_urgent_red_flag_asks_for_medical_help_today(profile_factory):
    """Fever with back pain (possible infection) prints the same-day urgency."""
    text = text_of(plan_pdf(build_plan(profile_factory(red_flags=["fever"]))))
    assert "Get medical help today" in text


def test_every_red_flag_at_once_still_fits_one_page(profile_factory):
    """All red flags and a recent fall: every reason printed, on a single page."""
    from planner.profile import RED_FLAGS

    plan = build_plan(profile_factory(red_flags=list(RED_FLAGS), recent_trauma=True))
    for paper in PAGE_PT:
        data = plan_pdf(plan, paper)
        assert len(read(data).pages) == 1
        assert min(font_sizes(data)) >= pdf_style.MIN_PT
        assert "A recent fall" in text_of(data)


def test_a_name_with_letters_the_font_lacks_prints_with_question_marks(profile_factory, caplog):
    """Accented letters print as they are; CJK characters become '?' without a font warning."""
    plan = build_plan(profile_factory(name="Zoë Łukasiewicz-Ñúñez 李小龙"))
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        text = text_of(plan_pdf(plan))
    assert "Zoë Łukasiewicz-Ñúñez ???" in text
    assert not [r for r in caplog.records if "missing" in r.getMessage()]


@pytest.mark.parametrize("name", ["שרה לוי", "محمد علي", "Dana כהן"])
def test_a_right_to_left_name_prints_in_reading_order(profile_factory, name):
    """A Hebrew or Arabic name (and a clinic header) is shaped: the PDF's text reads back as
    typed. Unshaped, fpdf2 lays Hebrew out left to right (it reads back reversed, 'יול הרש') and
    Arabic in unjoined letters."""
    clinic = ClinicHeader(name="מרפאת הגב", contact="03-555 1234")
    text = text_of(plan_pdf(build_plan(profile_factory(name=name)), clinic=clinic))
    assert name in text
    assert "מרפאת הגב" in text


def test_text_without_right_to_left_letters_is_not_shaped():
    """Shaping (slower) is used only where a right-to-left letter is."""
    assert not pdf_text.right_to_left("Zoë Łukasiewicz-Ñúñez 李小龙 03-555")
    assert pdf_text.right_to_left("Dana כהן") and pdf_text.right_to_left("علي")


def test_the_same_plan_gives_identical_bytes(profile_factory):
    """The sheet is deterministic: no clock, no random ids."""
    plan = build_plan(profile_factory(start_date="2025-03-03"))
    assert plan_pdf(plan, "letter") == plan_pdf(plan, "letter")


def test_the_sheet_has_metadata(profile_factory):
    """Title, author and creator are set."""
    meta = read(plan_pdf(build_plan(profile_factory()))).metadata
    assert meta.title == "BackPlan - weekly plan, week 1"
    assert meta.author == "BackPlan"
    assert meta.creator == "BackPlan"


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("case", list(WORST_CASES))
def test_worst_cases_stay_on_one_page_with_readable_text(profile_factory, case, paper):
    """Busy, long or special plans: one page, no text under 9 pt, all text inside the margins."""
    plan = build_plan(profile_factory(**WORST_CASES[case]), week=3)
    data = plan_pdf(plan, paper)
    assert len(read(data).pages) == 1
    sizes = font_sizes(data)
    assert sizes and min(sizes) >= pdf_style.MIN_PT
    width, height = PAGE_PT[paper]
    margin = pdf_style.MARGIN * MM
    assert len(text_baselines(data)) > 20
    for x, y in text_baselines(data):
        assert margin - 1 <= x <= width - margin
        assert margin <= y <= height - margin
    for item in {p for day in plan.days for p in day.exercises}:
        assert item.name in text_of(data)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_eight_different_exercises_fit_one_page(profile_factory, paper):
    """A hand-adjusted week with eight different exercises still fits, every one listed."""
    plan = many_exercise_plan(profile_factory, 8)
    data = plan_pdf(plan, paper)
    assert len(read(data).pages) == 1
    assert min(font_sizes(data)) >= pdf_style.MIN_PT
    text = text_of(data)
    assert all(p.name in text for day in plan.days for p in day.exercises)


def test_a_week_too_full_for_one_page_is_refused_clearly(profile_factory):
    """Nineteen different exercises cannot fit legibly: a clear error, not a broken sheet."""
    with pytest.raises(ValueError, match="one-page sheet"):
        plan_pdf(many_exercise_plan(profile_factory, 19))


def test_a_missing_picture_is_an_error(profile_factory, monkeypatch, tmp_path):
    """The sheet never silently leaves out an exercise picture."""
    monkeypatch.setattr("planner.data_files.IMAGES_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="picture"):
        plan_pdf(build_plan(profile_factory()))


def test_paper_other_than_a4_or_letter_is_refused(profile_factory):
    """'a5' is not a supported paper size."""
    with pytest.raises(ValueError, match="paper"):
        plan_pdf(build_plan(profile_factory()), "a5")


def test_the_font_helper_refuses_text_under_9_points(profile_factory):
    """The minimum size is enforced where fonts are set, not only checked afterwards."""
    pen = pdf_style.Pen(pdf_style.new_document("a4", "test"))
    with pytest.raises(ValueError, match="minimum"):
        pen.font(8.5)
