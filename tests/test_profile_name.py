"""The profile's name field (planner/profile.py): composed, without zero-width characters, and
refused, with the field named, when nothing in it shows."""

import pytest

from planner.profile import ProfileError, parse_profile
from tests.conftest import make_profile


def name_of(typed: str) -> str | None:
    return parse_profile(make_profile(name=typed)).name


def test_a_name_typed_with_a_combining_accent_is_the_composed_name():
    assert name_of("Jose\u0301") == "Jos\u00e9"


def test_a_zero_width_space_in_a_name_is_taken_out():
    """'Ann' with a zero-width space beside it is Ann (the store then finds the clash)."""
    assert name_of("Ann\u200b") == "Ann"
    assert name_of("A\u200bnn \u200b") == "Ann"


@pytest.mark.parametrize(
    "typed", ["\u200b", "\u200b \u200b", "\u3164", "\u2800\u2800", "\ufeff", "\u202e", "\ufe0f"]
)
def test_a_name_with_nothing_that_shows_is_refused_naming_the_field(typed):
    with pytest.raises(ProfileError) as caught:
        parse_profile(make_profile(name=typed))
    (problem,) = caught.value.problems
    assert problem.field == "name"
    assert "must have a character that shows" in problem.message


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_name_is_still_no_name(typed):
    """Blank is no name (optional on the command line; the app asks for one)."""
    assert name_of(typed) is None


def test_the_length_limit_counts_the_name_as_kept():
    """Sixty letters and a zero-width space fit; sixty composed letters typed decomposed fit."""
    assert name_of("A" * 60 + "\u200b") == "A" * 60
    assert name_of("e\u0301" * 60) == "\u00e9" * 60
