"""In a real browser (`streamlit run` plus Debian's Chromium): names and a log note with HTML and
Markdown in them show as the literal text typed. No script or image element, no javascript: link
or link made of an address (www.evil.io), no emphasis, colour or maths is made of them, and no
alert ever opens.

One person is saved through the profile form as a person would; two more and a log note are
saved straight into the app's database, as the pages save them.
"""

import re
from datetime import date

import pytest

from planner import parse_profile
from planner.log_entry import LogEntry
from storage import dispose_engines, open_store
from tests.app_server import chromium_browser, running_app, wait_for_app
from tests.browser_steps import NAME_LABEL, SHOTS, fill_profile, open_page
from tests.conftest import make_profile
from tests.markup_texts import IMG, MARKDOWN, NOTE, SCRIPT

pytestmark = pytest.mark.browser
# What markup in the names and note would have made: counted in the page's DOM, all must be 0.
MADE_FROM_MARKUP = """() => {
  const all = [...document.querySelectorAll('*')];
  const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));
  const texts = sel => [...document.querySelectorAll(sel)].map(e => e.textContent.trim());
  return {
    scripts: texts('script').filter(t => t.includes('alert(1)')).length,
    images: document.querySelectorAll('img[onerror], img[src="x"]').length,
    handlers: all.filter(e => [...e.attributes].some(
      a => a.name.startsWith('on') && a.value.includes('alert'))).length,
    javascript_links: links.filter(h => /^\\s*javascript:/i.test(h)).length,
    autolinks: links.filter(h => h.includes('evil')).length,
    emphasis: texts('strong, b, em, i, del, s').filter(t => ['b', 'n', 's', 'i'].includes(t))
      .length,
    code: texts('code').filter(t => t === 'code').length,
    maths: document.querySelectorAll('.katex, math').length,
    headings: texts('h1, h2, h3, h4, h5, h6').filter(t => t.includes('code')).length,
    quotes: document.querySelectorAll('blockquote').length,
    coloured: all.filter(e => e.children.length === 0 && e.textContent === 'x'
      && getComputedStyle(e).color !== getComputedStyle(e.parentElement).color).length,
  };
}"""


def check_page(page, *literals: str) -> None:
    """Nothing in the DOM was made from markup, and each literal text is on screen as typed (word
    joiners aside: text.plain puts an invisible one where GFM would start a link)."""
    made = page.evaluate(MADE_FROM_MARKUP)
    assert made == dict.fromkeys(made, 0), made
    body = page.inner_text("body").replace("\u2060", "")  # text.plain's invisible link breakers
    for text in literals:
        assert text in body, text


def click_key(page, key: str, then: str) -> None:
    """Click the button with this widget key (Streamlit marks its container st-key-<key>) and
    wait for the text the click brings."""
    page.locator(f".st-key-{key} button").first.click()
    page.get_by_text(then, exact=False).first.wait_for()
    wait_for_app(page)


def test_markup_in_names_and_notes_is_only_ever_text_in_the_browser(tmp_path):
    """The profile form, Saved people (with the delete question), Whose plan? and the progress
    table: literal text everywhere, no element made from the markup, no alert."""
    data = tmp_path / "data"
    with running_app(env={"BACKPLAN_DATA_DIR": str(data)}) as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        open_page(page, f"{url}/profile")
        fill_profile(page, answers={NAME_LABEL: IMG})
        assert "Your answers are saved" in page.inner_text("body")
        check_page(page)

        store = open_store(f"sqlite:///{data / 'backplan.db'}")
        try:
            ids = {}
            for name in (SCRIPT, MARKDOWN):
                profile = parse_profile(make_profile(name=name))
                ids[name] = store.save_person(profile, programme_start=date(2025, 3, 3))
            note = LogEntry(day=date(2025, 3, 3), week=1, status="done", note=NOTE)
            store.save_log(ids[SCRIPT], note)
            (img_id,) = [p.id for p in store.list_people() if p.name == IMG]
        finally:
            dispose_engines()

        open_page(page, f"{url}/people")
        click_key(page, f"delete_{img_id}", "and their whole log?")
        check_page(page, IMG, SCRIPT, MARKDOWN, f"Delete {IMG} and their whole log?")
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "security-people.png"), full_page=True)

        open_page(page, f"{url}/plan")  # a new session with three people saved: whose plan?
        assert "Whose plan?" in page.inner_text("body")
        check_page(page, IMG, SCRIPT, MARKDOWN)
        click_key(page, f"choose_{ids[SCRIPT]}", f"For {SCRIPT}")
        check_page(page, f"For {SCRIPT}")

        open_page(page, f"{url}/progress?person={ids[SCRIPT]}")
        check_page(page, f"For {SCRIPT}", NOTE)
        assert re.search(r"Monday 3 March", page.inner_text("body"))

        assert dialogs == [], f"an alert opened: {dialogs}"
        assert errors == [], f"JavaScript errors: {errors}"
