"""Profile validation: every field checked, every error names the field and what it allows."""

import pytest

from planner.profile import CONDITIONS, RED_FLAGS, ProfileError, allowed, parse_profile
from tests.conftest import BASE_PROFILE, make_profile


def problems(data) -> dict[str, str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(data)
    return {p.field: p.message for p in caught.value.problems}


def test_the_base_profile_is_valid():
    """The shared test profile passes validation unchanged."""
    assert parse_profile(make_profile()).age == BASE_PROFILE["age"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("age", 17, "from 18 to 110"),
        ("age", 111, "from 18 to 110"),
        ("age", 45.5, "whole number"),
        ("age", True, "whole number"),
        ("age", "forty", "whole number"),
        ("sex", "f", "one of: female, male, other"),
        ("height_cm", 99, "from 100 to 250"),
        ("weight_kg", 301, "from 30 to 300"),
        ("sitting_hours", 25, "from 0 to 24"),
        ("sitting_hours", float("nan"), "from 0 to 24"),
        ("water_l", float("inf"), "from 0 to 10"),
        ("active_days", 8, "from 0 to 7"),
        ("lifting", "daily", "never, sometimes, often"),
        ("posture", "bad", "good, fair, poor"),
        ("core_strength", "medium", "weak, average, strong"),
        ("stress", 11, "from 0 to 10"),
        ("pain", -1, "from 0 to 10"),
        ("pain_weeks", 521, "from 0 to 520"),
        ("recent_trauma", "perhaps", "true or false"),
        ("long_term_steroids", "often", "true or false"),
        ("conditions", ["diabetes"], "osteoporosis"),
        ("red_flags", ["headache"], "bladder_bowel"),
        ("conditions", "osteoporosis", "a list of"),
        ("days_per_week", 0, "from 1 to 7"),
        ("minutes_per_day", 5, "from 10 to 60"),
        ("start_date", "2026-02-30", "YYYY-MM-DD"),
        ("name", "x" * 61, "at most 60 characters"),
        ("name", "Ann\nBEGIN:VEVENT", "single line"),
    ],
)
def test_a_bad_value_is_refused_with_the_field_and_allowed_values(field, value, expected):
    """Each out-of-range or wrongly typed value names its field and the allowed values."""
    found = problems(make_profile(**{field: value}))
    assert field in found
    assert expected in found[field]


@pytest.mark.parametrize("field", ["age", "sex", "red_flags", "recent_trauma", "conditions"])
def test_a_missing_required_field_is_named(field):
    """Safety answers and basics cannot be left out silently."""
    data = make_profile()
    del data[field]
    assert "is required" in problems(data)[field]


def test_a_misspelled_red_flag_field_is_an_error_with_a_suggestion():
    """A dropped `red_flag` would give exercises to someone who needs a doctor."""
    data = make_profile()
    data["red_flag"] = ["bladder_bowel"]
    found = problems(data)
    assert found["red_flag"] == "is not a known field (did you mean 'red_flags'?)"


def test_imperial_units_convert_to_metric():
    """Height in inches and weight in pounds give the same body measures."""
    profile = parse_profile(
        make_profile(height_cm=None, weight_kg=None, height_in=66, weight_lb=154)
    )
    assert profile.height_m == pytest.approx(1.6764)
    assert profile.weight == pytest.approx(69.85, abs=0.01)
    assert profile.imperial


@pytest.mark.parametrize(
    "changes",
    [
        {"height_in": 66},
        {"height_cm": None},
        {"weight_kg": None, "weight_lb": None},
        {"weight_lb": 150},
    ],
)
def test_height_and_weight_need_exactly_one_unit_each(changes):
    """Both units, or neither, for height or weight is refused."""
    found = problems(make_profile(**changes))
    assert any("exactly one" in message for message in found.values())


def test_repeated_list_items_are_kept_once_in_order():
    profile = parse_profile(make_profile(conditions=["pregnancy", "arthritis", "pregnancy"]))
    assert profile.conditions == ["pregnancy", "arthritis"]


def test_a_non_object_is_refused():
    assert problems([1, 2]) == {"profile": "must be a JSON object"}


def test_every_field_describes_what_it_allows():
    """The README and messages rely on `allowed` for every field that has limits."""
    assert allowed("age") == "a whole number from 18 to 110"
    assert allowed("conditions").endswith(", ".join(CONDITIONS))
    assert allowed("red_flags").endswith(", ".join(RED_FLAGS))


def test_long_term_steroids_default_to_no_so_saved_profiles_still_load():
    assert parse_profile(make_profile()).long_term_steroids is False
    assert parse_profile(make_profile(long_term_steroids=True)).long_term_steroids is True


def test_both_weakness_answers_can_be_given_together():
    """The split question: new weakness in one limb, and weakness in both legs or getting worse."""
    flags = ["limb_weakness", "weakness_both_legs"]
    assert parse_profile(make_profile(red_flags=flags)).red_flags == flags
