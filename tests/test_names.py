"""Names (planner/names.py): one Unicode form, something visible, and likeness by Unicode's
confusable skeletons (UTS #39)."""

import pytest

from planner.names import clean_name, has_visible_character, look_alikes, skeleton

CYRILLIC_A = "\u0410"
GREEK_ALPHA = "\u0391"
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # with a zero-width non-joiner


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Jose\u0301", "Jos\u00e9"),  # a combining accent is composed
        ("A\u200bnn", "Ann"),  # zero-width space
        ("\ufeffAnn\u2060", "Ann"),  # a byte-order mark and a word joiner
        ("Ann\u00ad", "Ann"),  # soft hyphen
        (PERSIAN, PERSIAN),
        ("Ann Lee", "Ann Lee"),
    ],
)
def test_a_name_is_kept_composed_without_zero_width_characters(typed, kept):
    """NFC, zero-width characters out; the Persian non-joiner, which changes the letters' shapes,
    stays."""
    assert clean_name(typed) == kept


@pytest.mark.parametrize(
    ("text", "visible"),
    [
        ("Ann", True),
        ("\u674e", True),  # a Chinese name
        ("7", True),
        ("@", True),
        ("\u0301", True),  # an accent on nothing still shows
        ("\u200b", False),
        ("\u200d\u2066", False),  # a joiner and a bidi isolate: format characters
        ("\u3164\u3164", False),  # Hangul fillers: letters that are blank
        ("\u2800", False),  # a blank Braille pattern
        ("\ufe0f\U000e0100", False),  # variation selectors
        ("\u00a0 \u3000\u2028", False),
    ],
)
def test_a_name_needs_a_character_that_shows(text, visible):
    assert has_visible_character(text) is visible


@pytest.mark.parametrize(
    "other",
    [
        f"{CYRILLIC_A}nn",
        "Ann\u200d",  # a zero-width joiner
        "Ann\u00a0",
        f"{GREEK_ALPHA}nn",
    ],
)
def test_names_that_look_like_ann_are_found(other):
    """A Cyrillic or Greek capital A, or an invisible joiner, and the name looks like Ann."""
    assert look_alikes("Ann", [other]) == [other]
    assert skeleton("Ann") == skeleton(other)


@pytest.mark.parametrize("other", ["Ann", "Anne", "ann", "Ann Lee", "Jos\u00e9"])
def test_the_same_name_or_a_different_one_is_no_look_alike(other):
    """The name itself is not its own look-alike; another letter, case or accent tells apart."""
    assert look_alikes("Ann", [other]) == []


def test_look_alikes_come_in_the_order_given():
    others = ["Bo", f"{CYRILLIC_A}nn", "Cy", f"{GREEK_ALPHA}nn"]
    assert look_alikes("Ann", others) == [f"{CYRILLIC_A}nn", f"{GREEK_ALPHA}nn"]


def test_names_in_other_scripts_are_compared_too():
    """Two Cyrillic names that differ by a Latin o look alike; 'Jose' is not 'José'."""
    assert look_alikes("\u0411\u043e\u0440\u0438\u0441", ["\u0411o\u0440\u0438\u0441"])
    assert not look_alikes("Jose", ["Jos\u00e9"])
