"""Personal downloads under AppTest: each is made only when its button is clicked (a deferred
download), so nothing of a person waits in Streamlit's media store, whose /media/ addresses are
served without sign-in. The CSV template, which holds nobody's data, is the one file made ahead.
"""

import pytest
from streamlit.testing.v1 import AppTest

from planner.batch.job import template_csv
from tests.conftest import make_profile
from tests.page_steps import ANSWERS_START, run, save_person

TEMPLATE_LABEL = "Download the CSV template"


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed."""
    set_today(ANSWERS_START)
    return page_store


def made_ahead(at: AppTest) -> list[str]:
    """The labels of the page's download buttons whose file is already in the media store."""
    buttons = at.get("download_button")
    assert buttons, "the page offers no download"
    for button in buttons:
        assert bool(button.proto.url) != bool(button.proto.deferred_file_id), button.label
    return [button.label for button in buttons if button.proto.url]


@pytest.mark.parametrize("page", ["people", "plan"])
def test_a_saved_persons_downloads_wait_until_asked_for(page):
    """Saved people's "Download all my data" and the plan's PDF, calendar, table and JSON."""
    save_person(make_profile(), ANSWERS_START)
    assert made_ahead(run(page)) == []


def test_the_note_for_the_doctor_waits_until_asked_for():
    """The stop screen's PDF note, for someone with a warning sign."""
    save_person(make_profile(red_flags=["fever"]), ANSWERS_START)
    assert made_ahead(run("plan")) == []


def test_the_batch_zip_waits_until_asked_for():
    """The ZIP of everyone's PDFs is kept in the session once made, not in the media store;
    only the template is there ahead."""
    at = run("batch")
    at.file_uploader[0].set_value(("people.csv", template_csv().encode(), "text/csv")).run()
    at.button[-1].click().run()
    assert [b.label for b in at.get("download_button")][-1].endswith("PDFs (ZIP)")
    assert made_ahead(at) == [TEMPLATE_LABEL]
