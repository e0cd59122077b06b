"""The profile page's warning for a name that looks like a saved person's
(pages/parts/look_alike.py), and its refusal of a name with nothing that shows."""

import pytest
from streamlit.testing.v1 import AppTest

from pages.parts import state
from storage import open_store
from tests.conftest import make_profile
from tests.page_steps import ANSWERS, ANSWERS_START, click, run, save_person, shown, submit

CYRILLIC_ANN = "\u0410nn"


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed."""
    set_today(ANSWERS_START)
    return page_store


def someone_new(name: str) -> AppTest:
    """With Ann saved, start a profile for someone else and save it under `name`."""
    save_person(make_profile(name="Ann"), ANSWERS_START)
    at = click(run("profile"), state.NEW_PERSON_BUTTON)
    return submit(at, **{**ANSWERS, "name": name})


def saved_names() -> list[str]:
    return sorted(summary.name for summary in open_store().list_people())


def test_a_cyrillic_ann_beside_ann_is_saved_with_a_warning():
    """'Аnn' (Cyrillic A) is saved, and the page says it looks like Ann, who is saved."""
    at = someone_new(CYRILLIC_ANN)
    (warning,) = [w.value for w in at.warning]
    assert f"**{CYRILLIC_ANN}** looks like **Ann**, already saved here" in warning
    assert "Your answers are saved" in at.success[0].value
    assert saved_names() == ["Ann", CYRILLIC_ANN]


def test_ann_with_a_zero_width_space_is_ann_and_is_refused_as_taken():
    """The invisible character is taken out, so the name is Ann's: nothing new is saved."""
    at = someone_new("Ann\u200b")
    assert "Someone called Ann is already saved." in at.error[0].value
    assert saved_names() == ["Ann"]


def test_a_name_of_invisible_characters_is_refused_naming_the_name_box():
    at = someone_new("\u200b\u3164")
    assert "Nothing was saved yet" in at.error[0].value
    assert "must have a character that shows" in shown(at)
    assert saved_names() == ["Ann"]


def test_a_different_name_gets_no_warning():
    at = someone_new("Bo")
    assert not at.warning
    assert saved_names() == ["Ann", "Bo"]


def test_saving_a_look_alike_again_unchanged_warns_no_more():
    """The warning is for a name that is new: the same person saved again keeps quiet."""
    someone_new(CYRILLIC_ANN)
    (cyrillic,) = [p.id for p in open_store().list_people() if p.name == CYRILLIC_ANN]
    at = submit(
        run("profile", query={"person": str(cyrillic)}), **{**ANSWERS, "name": CYRILLIC_ANN}
    )
    assert "Your answers are saved" in at.success[0].value
    assert not at.warning
