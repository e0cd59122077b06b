"""The one-page PDF sheet, read back with pypdf (and rendered with pdftoppm when available)."""

import dataclasses
import re

import pytest

from planner import build_plan, parse_profile
from planner.clinic import ClinicHeader
from planner.data_files import catalogue, safety_rules, sources
from planner.dosing import prescribe
from planner.exports import pdf_render, pdf_style
from planner.exports.pdf_sheet import key_step, plan_pdf
from tests.pdf_checks import (
    embedded_fonts,
    font_sizes,
    read,
    reading_text,
    text_baselines,
    text_of,
    word_widths,
)

PAGE_PT = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MM = 72 / 25.4
WORST_CASES = {
    "seven days of an hour": {"days_per_week": 7, "minutes_per_day": 60},
    "one day a week": {"days_per_week": 1, "minutes_per_day": 60},
    "a 60-character name": {"name": "Maximiliana Ottilie Wolkenstein-Rodenegg von Hohenzollern-Si"},
    "an older adult": {"age": 82, "days_per_week": 5, "minutes_per_day": 30},
    "pregnancy": {"conditions": ["pregnancy"], "days_per_week": 6, "minutes_per_day": 45},
    "weak bones and a new hip": {"conditions": ["osteoporosis", "hip_replacement"], "age": 70},
    "thirteen different exercises": {  # daily mobility and balance work beside the families
        "age": 82,
        "conditions": ["pregnancy", "ankylosing_spondylitis"],
        "days_per_week": 6,
        "minutes_per_day": 55,
    },
    "six different exercises": {
        "days_per_week": 7,
        "minutes_per_day": 60,
        "core_strength": "weak",
        "lifting": "often",
        "age": 70,
        "start_date": "2025-12-29",
    },
}


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


@pytest.mark.parametrize("case", ["seven days of an hour", "six different exercises"])
def test_the_tips_print_whole_and_the_same_on_a4_and_letter(profile_factory, case):
    """Every tip on the sheet prints to its last word, never cut with an ellipsis, and Letter
    keeps the same tips as A4."""
    plan = build_plan(profile_factory(**WORST_CASES[case]))
    tips = pdf_style.pick_tips(plan, pdf_style.SHEET_TIPS)
    assert len(tips) == pdf_style.SHEET_TIPS
    for paper in PAGE_PT:
        text = text_of(plan_pdf(plan, paper))
        assert "…" not in text and "..." not in text
        for tip in tips:
            assert " ".join(tip["text"].split()) in text


def test_every_exercise_prints_its_key_step_however_crowded_the_week(profile_factory):
    """Each exercise on the sheet carries its key step (the support it needs, else the movement),
    with four, six or eight different exercises in the week."""
    for distinct in (4, 6, 8):
        plan = many_exercise_plan(profile_factory, distinct)
        text = text_of(plan_pdf(plan))
        for item in {p for day in plan.days for p in day.exercises}:
            assert " ".join(key_step(item.instructions).split()) in text, item.name


def test_the_key_step_is_the_first_naming_a_support_else_the_movement():
    """A step naming a chair, wall or counter wins; without one, the second (main) step."""
    held = ("Stand tall.", "Stand beside a sturdy chair and hold its back.", "Lean forward.")
    assert key_step(held) == held[1]
    assert key_step(("Hold the counter.", "Rise.")) == "Hold the counter."
    assert key_step(("Lie on your back.", "Lift your hips.", "Lower.")) == "Lift your hips."
    assert key_step(("Breathe out slowly.",)) == "Breathe out slowly."


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
    """A red flag for the next few days has that title, and that urgency, and no emergency."""
    data = plan_pdf(build_plan(profile_factory(red_flags=["night_pain"])))
    text = text_of(data)
    assert text.startswith("See a doctor in the next few days, before you exercise")
    assert "See a doctor within days, before you exercise." in text
    assert "emergency department" not in text
    assert read(data).metadata.title == "See a doctor in the next few days, before you exercise"
    flags = safety_rules().red_flags
    cited = sources()[flags["night_pain"].source].citation
    assert cited in text and sources()[flags["saddle_numbness"].source].citation not in text


def test_an_emergency_sheet_names_the_sources_of_its_own_flags(profile_factory):
    """A cauda equina flag's sheet cites the cauda equina standards."""
    text = text_of(plan_pdf(build_plan(profile_factory(red_flags=["saddle_numbness"]))))
    assert sources()[safety_rules().red_flags["saddle_numbness"].source].citation in text


def test_an_emergency_sheet_is_titled_go_to_an_emergency_department_now(profile_factory):
    """The title of an emergency stop sheet is the call to action itself."""
    data = plan_pdf(build_plan(profile_factory(red_flags=["saddle_numbness"])))
    assert text_of(data).startswith("Go to an emergency department now")
    assert read(data).metadata.title == "Go to an emergency department now"


def test_an_urgent_red_flag_asks_for_medical_help_today(profile_factory):
    """Fever with back pain (possible infection) prints the same-day urgency."""
    data = plan_pdf(build_plan(profile_factory(red_flags=["fever"])))
    assert text_of(data).startswith("Get medical help today")
    assert read(data).metadata.title == "Get medical help today"


def test_every_red_flag_at_once_still_fits_one_page(profile_factory):
    """All red flags and a recent fall: every reason printed, on a single page."""
    from planner.profile import RED_FLAGS

    plan = build_plan(profile_factory(red_flags=list(RED_FLAGS), recent_trauma=True))
    for paper in PAGE_PT:
        data = plan_pdf(plan, paper)
        assert len(read(data).pages) == 1
        assert min(font_sizes(data)) >= pdf_style.MIN_PT
        assert "A recent fall" in text_of(data)


def test_a_name_with_letters_the_font_lacks_prints_with_question_marks(profile_factory):
    """Accented letters print as they are; CJK characters, which DejaVu lacks, become '?'."""
    plan = build_plan(profile_factory(name="Zoë Łukasiewicz-Ñúñez 李小龙"))
    assert "Zoë Łukasiewicz-Ñúñez ???" in text_of(plan_pdf(plan))


def test_only_the_repo_fonts_are_embedded(profile_factory):
    """Every font in the PDF is embedded and is one of the two DejaVu faces in planner/fonts:
    nothing comes from the system or from Typst's own fonts."""
    plan = build_plan(profile_factory(name="Zoë 李小龙 שרה", red_flags=[]))
    assert embedded_fonts(plan_pdf(plan)) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_the_sheet_is_tagged_for_screen_readers(profile_factory):
    """The PDF carries a structure tree and says it is tagged, with the document language."""
    root = read(plan_pdf(build_plan(profile_factory()))).trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"


@pytest.mark.parametrize("name", ["שרה לוי", "محمد علي", "Dana כהן"])
def test_a_right_to_left_name_prints_in_reading_order(profile_factory, name):
    """A Hebrew or Arabic name (and a clinic header) is shaped by Typst: the PDF's text reads
    back as typed (laid out left to right, Hebrew would read back reversed, 'יול הרש')."""
    clinic = ClinicHeader(name="מרפאת הגב", contact="03-555 1234")
    text = reading_text(plan_pdf(build_plan(profile_factory(name=name)), clinic=clinic))
    assert name in text
    assert "מרפאת הגב" in text


def test_an_arabic_name_is_drawn_with_joined_letters(profile_factory):
    """Typst shapes Arabic: a word set with its letters joined is narrower on the page than the
    same letters kept apart by zero-width non-joiners (isolated forms)."""
    plan = build_plan(profile_factory(name="محمد علي"))
    apart = "\u200c".join("محمد") + " " + "\u200c".join("علي")
    joined = word_widths(plan_pdf(plan))
    isolated = word_widths(plan_pdf(dataclasses.replace(plan, name=apart)))
    for word in ("دمحم", "يلع"):  # poppler lists a right-to-left word in drawing order
        assert joined[word] < isolated[word] - 1


def test_the_same_plan_gives_identical_bytes(profile_factory):
    """The sheet is deterministic: no clock, no random ids."""
    plan = build_plan(profile_factory(start_date="2025-03-03"))
    assert plan_pdf(plan, "letter") == plan_pdf(plan, "letter")


def test_the_sheet_has_metadata(profile_factory):
    """Title and author are set; the creation date is fixed."""
    meta = read(plan_pdf(build_plan(profile_factory()))).metadata
    assert meta.title == "BackPlan - weekly plan, week 1"
    assert meta.author == "BackPlan"
    assert meta["/CreationDate"] == "D:20240101000000Z"


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


def test_a_crowded_week_leaves_its_tips_to_the_plan_page_but_keeps_the_advice(profile_factory):
    """When no row layout fits with the tips, the tips go (they are on the plan page); the
    advice beside the plan and when to stop stay."""
    plan = build_plan(profile_factory(**WORST_CASES["thirteen different exercises"]))
    text = text_of(plan_pdf(plan))
    assert plan.advice and all(
        " ".join(a.split())[:60] in " ".join(text.split()) for a in plan.advice
    )
    assert "When to stop and get help" in text
    assert "Everyday tips" not in text


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


def test_the_templates_set_no_text_under_9_points():
    """The smallest size the templates name is 9 pt, and no size is written out smaller."""
    templates = pdf_render.TEMPLATE.parent
    style = (templates / "style.typ").read_text()
    assert "#let small = 9pt" in style
    for path in templates.glob("*.typ"):
        sizes = re.findall(r"size: *([\d.]+)pt", path.read_text())
        assert all(float(size) >= pdf_style.MIN_PT for size in sizes), path.name


def test_the_sheet_prints_the_warm_up_walk_desk_breaks_and_pain_rule(profile_factory):
    """A desk worker with an hour a day gets the warm-up line, the walk, the desk breaks once and
    the pain rule from the plan's note, on A4 and on Letter."""
    plan = build_plan(profile_factory(sitting_hours=9, minutes_per_day=60, days_per_week=5))
    first = plan.sessions[0]
    walk = next(d.walk_min for d in plan.days if d.walk_min)
    pain_rule = next(n.text for n in plan.notes if n.id == "pain_rule")
    assert plan.desk_breaks
    for paper in PAGE_PT:
        text = text_of(plan_pdf(plan, paper))
        minutes = sum(w.minutes for w in first.warm_up)
        assert f"Warm-up {minutes} min: {first.warm_up[0].name.lower()}" in text
        assert f"Walk {walk} min" in text
        assert text.count(plan.desk_breaks[0].instructions) == 1
        assert " ".join(pain_rule.split()) in text


def test_warm_up_and_walk_texts_read_as_one_compact_line():
    """The day's warm-up names follow its total minutes; a day without a walk has no walk line."""
    from planner.exports.pdf_sheet import walk_text, warm_up_text
    from planner.plan import Day, WarmUp

    warm_up = (WarmUp("a", "Marching", 2, "."), WarmUp("b", "Arm swings", 1, "."))
    day = Day("Monday", None, (), warm_up)
    assert warm_up_text(day) == "Warm-up 3 min: marching, arm swings"
    assert walk_text(day) == ""
    assert walk_text(dataclasses.replace(day, walk_min=15)) == "Walk 15 min"
    assert warm_up_text(dataclasses.replace(day, warm_up=())) == ""
