"""pydantic's errors in plain words: the field named, what it allows, a hint for a misspelling."""

from datetime import date
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from planner.limits import Bound, Length
from planner.problems import (
    FieldProblem,
    InputError,
    allowed_values,
    field_name,
    plain_problems,
    shown,
)

LIMITS = {"level": Bound(1, 5, "points", "a level"), "label": Length(8)}


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: int = Field(ge=1, le=5)
    colour: Literal["red", "blue"]


class Box(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: str | None = Field(None, max_length=8)
    items: list[Item]
    tags: list[Literal["new", "old"]] = []
    made: date | None = None
    kept: bool = False

    @model_validator(mode="after")
    def _labelled_when_kept(self) -> "Box":
        if self.kept and not self.label:
            raise ValueError("label: is needed when the box is kept")
        return self


def problems(data: dict, **how) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Box.model_validate(data)
    return [str(p) for p in plain_problems(caught.value, **how)]


def hint(field: str) -> str:
    return allowed_values(Box, field, LIMITS)


def test_each_problem_names_its_path_and_says_what_is_wrong_in_plain_words():
    """Without allowed values, each kind of mistake has its own sentence, items named by index."""
    data = {"items": [{"level": 0, "colour": "green"}, {"level": "x", "colour": "red"}]}
    assert problems(data | {"label": 5, "extra": 1}) == [
        "label: must be text (got 5)",
        "items[0].level: must be at least 1 (got 0)",
        "items[0].colour: must be 'red' or 'blue' (got 'green')",
        "items[1].level: must be a whole number (got 'x')",
        "extra: is not a known field",
    ]


def test_with_allowed_values_a_field_is_told_what_it_allows_and_is_named_without_its_index():
    """items=False names the outermost field; `allowed` and `known` add the allowed values and a
    'did you mean' hint."""
    data = {"items": [], "tags": ["new", "blue"], "made": "soon", "lable": "x"}
    assert problems(data, allowed=hint, known=Box.model_fields, items=False) == [
        "tags: must be a list of: new, old (got 'blue')",
        "made: must be a date as YYYY-MM-DD (got 'soon')",
        "lable: is not a known field (did you mean 'label'?)",
    ]


def test_a_missing_field_is_required_and_a_rule_across_fields_names_its_own_field():
    """'is required' says what to give; a model validator's 'field: text' names that field."""
    assert problems({}, allowed=hint, items=False) == ["items: is required"]
    assert problems({"items": [], "kept": True}) == ["label: is needed when the box is kept"]


def test_a_long_or_odd_value_is_shortened_when_it_is_quoted_back():
    """Text over 30 characters is cut, a list is named by its type, NaN is spelt out."""
    assert shown("x" * 40) == repr("x" * 27 + "...")
    assert (shown([1, 2]), shown(float("nan")), shown(3)) == ("list", "'nan'", "3")


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("level", ""),
        ("label", "text of at most 8 characters"),
        ("tags", "a list of: new, old"),
        ("made", "a date as YYYY-MM-DD"),
        ("kept", "true or false"),
        ("nothing", ""),
    ],
)
def test_allowed_values_come_from_the_named_limits_and_the_annotations(field, words):
    """A limit's words, the choices of a Literal, or the kind of value; nothing for the unknown."""
    assert allowed_values(Box, field, LIMITS) == words


@pytest.mark.parametrize(
    ("loc", "items", "name"),
    [
        (("people", 0, "log", 2, "day"), True, "people[0].log[2].day"),
        (("conditions", 0), False, "conditions"),
        ((), True, "file"),
    ],
)
def test_a_place_is_named_by_its_path_or_its_outermost_field(loc, items, name):
    assert field_name(loc, items) == name


def test_an_input_error_lists_its_problems_with_the_row_and_cuts_a_long_list():
    """Each line names the row; a subclass with most_shown lists that many and counts the rest."""

    class Short(InputError):
        most_shown = 2

    found = [FieldProblem(field=f"f{n}", message="is wrong") for n in range(5)]
    assert str(InputError(found[:2], row=3)) == "row 3: f0: is wrong\nrow 3: f1: is wrong"
    error = Short(found)
    assert str(error) == "f0: is wrong\nf1: is wrong\n... and 3 more"
    assert error.problems == found and isinstance(error, ValueError)
