"""Accessibility: every page passes axe-core's WCAG 2.0/2.1 A and AA rules in Debian's Chromium,
every form field has an accessible name, and the printed sheets are real text of at least 9 pt.
On the way, no page logs a console error (nothing is fetched from outside localhost).

axe-core comes from the npm registry at the version locked in tests/a11y/package-lock.json
(`make a11y-deps` runs `npm ci` there) and is injected from disk: nothing is fetched at run time.
Violations of impact "serious" or "critical" fail; "moderate" and "minor" ones are not asserted.
"""

import io
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from planner import build_plan, parse_profile
from planner.exports.pdf_booklet import booklet_pdf
from planner.exports.pdf_sheet import plan_pdf
from tests.app_server import ROOT, wait_for_app
from tests.browser_steps import (
    NAME_LABEL,
    PAGE_TITLES,
    blank_profile,
    check_warning_signs,
    fill_profile,
    go,
    log_today,
    open_page,
    rate,
    shoot,
)
from tests.conftest import make_profile

AXE_JS = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING = ("serious", "critical")
PAGES = PAGE_TITLES[1:]  # every page but Home
MIN_PT = 9  # nothing printed smaller (the product's rule for the sheets)
# Streamlit's own chrome that BackPlan cannot change, left out of axe's checks. Each entry needs a
# reason it is Streamlit's and not ours. With Streamlit 1.67 and the theme in .streamlit/config.toml
# axe finds nothing serious in the header, toolbar, main menu, sidebar collapse button, status
# widget or sidebar navigation, so nothing is excluded. Add an entry, e.g.
# '[data-testid="stToolbar"]  # the app menu: Streamlit's markup', only for a violation in such
# chrome; never the main area ([data-testid="stMain"]) or the sidebar navigation links as a whole.
STREAMLIT_CHROME: list[str] = []
RUN_AXE = """([tags, exclude]) => axe.run(
  {include: [document], exclude: exclude.map((selector) => [selector])},
  {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}
)"""
# The accessible name of every form control in `root` (axe's own name computation), skipping
# what is hidden from assistive technology (react-aria keeps a hidden native date input).
FIELD_NAMES = """(root) => {
  axe.setup();
  try {
    const controls = "input:not([type=hidden]), select, textarea, [role=combobox], [role=slider], "
      + "[role=radio], [role=checkbox], [role=spinbutton], [role=radiogroup]";
    return [...root.querySelectorAll(controls)]
      .filter((el) => !el.closest('[aria-hidden="true"]'))
      .map((el) => ({
        name: axe.commons.text.accessibleText(el).trim(),
        role: el.getAttribute("role") || el.tagName.toLowerCase() + ":" + (el.type || ""),
        html: el.outerHTML.slice(0, 150),
      }));
  } finally {
    axe.teardown();
  }
}"""


def inject_axe(page) -> None:
    """axe-core, from disk, into the page (once); the conftest `page` fixture also fails a test
    on any console or JavaScript error, so every page and state opened here is checked for it."""
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run `make a11y-deps` (npm ci in tests/a11y)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))


def describe(violations: list[dict]) -> str:
    """Rule id, impact, help, the first few targets and what to fix, one block per rule."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:3]:
            lines.append(f"    at {node['target']}: {node['html'][:120]}")
            lines.append("       " + node["failureSummary"].replace("\n", " ")[:300])
        if len(v["nodes"]) > 3:
            lines.append(f"    ... and {len(v['nodes']) - 3} more")
    return "\n".join(lines)


def violations(page, name: str) -> str:
    """axe on the whole page: its serious and critical violations outside STREAMLIT_CHROME, as
    text ('' when there are none; a screenshot test-artifacts/a11y-<name>.png when there are).

    Streamlit scrolls inside its main area and axe checks colour contrast only on screen, so the
    window is made as tall as the content first (as shoot() does).
    """
    wait_for_app(page)
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('[data-testid=stMain]')]"
        ".map(e => e.scrollHeight), 900)"
    )
    page.set_viewport_size({"width": 1280, "height": min(int(height) + 40, 8000)})
    wait_for_app(page)
    inject_axe(page)
    result = page.evaluate(RUN_AXE, [WCAG_TAGS, STREAMLIT_CHROME])
    page.set_viewport_size({"width": 1280, "height": 900})
    failing = [v for v in result["violations"] if v["impact"] in FAILING]
    if not failing:
        return ""
    shoot(page, f"a11y-{name}")
    return f"{name}: axe found\n{describe(failing)}"


def assert_accessible(page, name: str) -> None:
    found = violations(page, name)
    if found:
        pytest.fail(found)


def save_as(page, name: str, red_flag: str | None = None) -> None:
    """Fill the blank form with fill_profile's answers and save them as `name`: names are unique,
    and each test saves its own person on the module's shared server, so the tests do not
    depend on each other's order."""
    fill_profile(page, red_flag, answers={NAME_LABEL: name})


def field_names(page, root) -> list[dict]:
    """Name, role and markup of each form control inside the locator `root`."""
    inject_axe(page)
    return root.evaluate(FIELD_NAMES)


@pytest.mark.browser
def test_every_page_a_first_visitor_sees_is_accessible(app_url, page):
    """Each page as a new visitor finds it, through the sidebar (pages that need a profile say
    'fill in the safety check first' while nobody is saved); all pages' findings in one report."""
    open_page(page, app_url)
    found = [violations(page, "home")]
    for title in PAGES:
        go(page, title)
        found.append(violations(page, title))
    found = [text for text in found if text]
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_a_persons_plan_session_progress_and_people_pages_are_accessible(app_url, page):
    """With a saved profile: the real weekly plan, today's session before and during, a logged
    session on the plan and on Progress, and Saved people with its delete confirmation."""
    blank_profile(page, app_url)
    save_as(page, "Pat Plan")
    assert_accessible(page, "profile-saved")
    go(page, "Weekly plan")
    assert "Pelvic tilt" in page.inner_text("body")
    assert_accessible(page, "plan")
    page.emulate_media(media="print")  # as printed, with pages/parts/printing.py's stylesheet
    assert_accessible(page, "plan-print")
    page.emulate_media(media="screen")

    go(page, "Today's session")
    assert_accessible(page, "session")
    rate(page, "Pain now, before you start (0 = none, 10 = worst)", 4)
    page.get_by_role("button", name="Start the session").click()
    page.get_by_text("Warm-up", exact=True).wait_for()  # the session opens with the warm-up
    assert_accessible(page, "session-started")

    go(page, "Weekly plan")
    log_today(page, "Done", 5, 3)
    assert_accessible(page, "plan-logged")
    go(page, "Progress")
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 2
    assert_accessible(page, "progress")

    go(page, "Saved people")
    assert_accessible(page, "people")
    page.get_by_role("button", name="Delete", exact=False).first.click()
    page.get_by_text("This cannot be undone", exact=False).first.wait_for()
    assert_accessible(page, "people-delete")


@pytest.mark.browser
def test_the_red_flag_stop_pages_are_accessible(app_url, page):
    """The emergency message on the profile page and the stop screen on the plan page (a saved
    person who then ticks a warning sign: someone new with one is not saved)."""
    flag = "New problems controlling your bladder or bowel"
    blank_profile(page, app_url)
    save_as(page, "Robin Red Flag")
    check_warning_signs(page, flag)
    assert "emergency department now" in page.inner_text("body").lower()
    assert_accessible(page, "profile-red-flag")
    go(page, "Weekly plan")
    assert "Please do not start these exercises yet" in page.inner_text("body")
    assert_accessible(page, "plan-red-flag")


@pytest.mark.browser
def test_the_batch_page_with_an_uploaded_spreadsheet_is_accessible(app_url, page):
    """The people table with a row marked as a problem, and the print choices."""
    template = subprocess.run(
        [sys.executable, "-m", "planner", "template"], capture_output=True, text=True, check=True
    ).stdout
    bad_row = "Too Young,12,female,168,82,,,8,1,sometimes,fair,weak,1.2,6,5,2,,false,,,4,15,\n"
    upload = {"name": "people.csv", "mimeType": "text/csv", "buffer": (template + bad_row).encode()}
    open_page(page, f"{app_url}/batch")
    page.locator("input[type=file]").set_input_files(files=[upload])
    page.get_by_text("rows have problems", exact=False).wait_for()
    assert_accessible(page, "batch-uploaded")


@pytest.mark.browser
def test_every_form_field_has_an_accessible_name(app_url, page):
    """Every input, select, text area, combobox, slider, radio and checkbox (and radio group) of
    the profile form (its warning-sign step, then the whole form) and of the plan page's session
    log has a non-empty accessible name."""
    blank_profile(page, app_url)
    first = field_names(page, page.locator("[data-testid=stMain]"))
    assert len(first) >= 12 and all(f["name"] for f in first), first  # the warning signs
    check_warning_signs(page)
    fields = field_names(page, page.locator("[data-testid=stMain]"))
    assert len(fields) >= 40, fields  # every question of the form, so the check is not vacuous
    unnamed = [f for f in fields if not f["name"]]
    assert not unnamed, f"form fields without an accessible name: {unnamed}"
    expected = {"Age in years", "Sex", "Weight in kilograms", "A recent fall, accident or injury"}
    assert expected <= {f["name"] for f in fields}, sorted(f["name"] for f in fields)

    save_as(page, "Lee Label")
    go(page, "Weekly plan")
    status = page.locator(f".st-key-log_{date.today().isoformat()}_status")
    fields = field_names(page, page.locator("[data-testid=stForm]").filter(has=status))
    assert len(fields) >= 3 + 2 * 11 + 1, fields  # status radios, two 0-10 scales, the note
    unnamed = [f for f in fields if not f["name"]]
    assert not unnamed, f"log fields without an accessible name: {unnamed}"
    names = {f["name"] for f in fields}
    assert {"How did the session go?", "Note (optional)"} <= names, sorted(names)


def text_sizes(page) -> list[float]:
    """The size in points of every non-blank run of text on a PDF page (the font size scaled by
    the text matrix's vertical scale)."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font is not None:
            sizes.append(round(size * abs(tm[3]) * abs(cm[3] or 1), 2))

    page.extract_text(visitor_text=visit)
    return sizes


def test_the_printed_sheets_are_real_text_of_at_least_9_pt():
    """The weekly sheet and each week of the four-week booklet carry the person's name, every
    exercise with its sets and reps, and the red-flag warning as extractable text (not pictures of
    text: the PDFs hold no raster image at all, the drawings are vector), set at 9 pt or more.

    Every run of text on every page being inside the margins and not overlapping is
    tests/pdf_checks.py's problems(); its runs_of() is reused here for the sizes.
    """
    profile = parse_profile(make_profile(start_date="2025-03-03"))
    plans = [build_plan(profile, week) for week in range(1, 5)]
    sheet = PdfReader(io.BytesIO(plan_pdf(plans[0])))
    booklet = PdfReader(io.BytesIO(booklet_pdf(plans, profile=profile)))
    week_pages = {}
    for page in booklet.pages:
        text = " ".join(page.extract_text().split())
        if text.startswith("BackPlan - weekly plan"):
            week_pages[int(text.split("Week ", 1)[1].split(":", 1)[0])] = page
    assert sorted(week_pages) == [1, 2, 3, 4]
    sheets = [("sheet", plans[0], sheet.pages[0])]
    sheets += [(f"booklet week {n}", plans[n - 1], week_pages[n]) for n in range(1, 5)]
    for where, plan, page in sheets:
        text = " ".join(page.extract_text().split())
        warning = next(tip.text for tip in plan.tips if tip.topic == "see_a_doctor")
        assert "Alex Example" in text, where
        assert "When to stop and get help" in text and " ".join(warning.split()) in text, where
        for item in {p for day in plan.days for p in day.exercises}:
            assert item.name in text and item.dose_text in text, (where, item.name)
    for reader in (sheet, booklet):
        assert reader.trailer["/Root"].get("/Lang"), "the PDF names its language"
        for page in reader.pages:
            objects = page["/Resources"].get("/XObject", {})
            images = [k for k, o in objects.items() if o.get_object()["/Subtype"] == "/Image"]
            assert not images, f"raster images on a page: {images}"
            sizes = text_sizes(page)
            assert sizes and min(sizes) >= MIN_PT, sorted(set(sizes))
