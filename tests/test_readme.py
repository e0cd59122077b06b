"""The README stays true to the code: every profile field and command it promises exists."""

import re
from pathlib import Path

import pytest

from planner.profile import CONDITIONS, RED_FLAGS, Profile

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


@pytest.mark.parametrize("field", list(Profile.model_fields))
def test_the_readme_documents_every_profile_field(field):
    assert f"`{field}`" in README


@pytest.mark.parametrize("value", [*CONDITIONS, *RED_FLAGS])
def test_the_readme_lists_every_condition_and_red_flag(value):
    assert value in README


def test_the_readme_pictures_exist():
    for path in re.findall(r"\]\((docs/[^)]+\.png)\)", README):
        assert (Path(__file__).resolve().parent.parent / path).is_file(), path
