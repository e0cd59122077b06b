"""The Batch printing page in a real browser: the people table's own toolbar offers no CSV
download (it would write =HYPERLINK(...) cells as they are); the page's guarded one does."""

import csv
import io
import subprocess
import sys

import pytest

from tests.browser_steps import open_page

pytestmark = pytest.mark.browser
HOSTILE_NAME = '=HYPERLINK("http://example.com","Click")'


def people_csv() -> bytes:
    """The template's three people, the first renamed to a formula."""
    template = subprocess.run(
        [sys.executable, "-m", "planner", "template"], capture_output=True, text=True, check=True
    ).stdout
    rows = list(csv.reader(io.StringIO(template, newline="")))
    rows[1][0] = HOSTILE_NAME
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_the_people_table_can_only_be_downloaded_as_guarded_csv(app_url, page):
    """The table's toolbar has its other tools but no "Download as CSV"; the page's download
    button gives the table with the formula cell quoted."""
    upload = {"name": "people.csv", "mimeType": "text/csv", "buffer": people_csv()}
    open_page(page, f"{app_url}/batch")
    page.locator("input[type=file]").set_input_files(files=[upload])
    page.get_by_text("rows are ready to print", exact=False).wait_for()
    table = page.locator("[data-testid=stDataFrame]")
    table.hover()
    toolbar = page.locator("[data-testid=stElementToolbar]")
    toolbar.get_by_role("button", name="Search").wait_for()
    assert toolbar.get_by_role("button", name="Download as CSV").count() == 0
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the table (CSV)").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(), newline="")))
    names = [row[rows[0].index("name")] for row in rows[1:]]
    assert names == ["'" + HOSTILE_NAME, "Sam Sample", "Jo Demo"]
