"""Make the README's pictures: the Weekly plan page in Chromium and the printed sheet as PNG.

Run with `make screenshots`; writes docs/plan-page.png and docs/sheet.png (name one, `plan` or
`sheet`, to make only that picture).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner import build_plan
from planner.exports.pdf_sheet import plan_pdf
from planner.files.profile_files import load_profile
from tests.app_server import ROOT, chromium_browser, running_app, wait_for_app
from tests.browser_steps import fill_profile, go

DOCS = ROOT / "docs"


def plan_page() -> None:
    with running_app() as url, chromium_browser() as browser:
        page = browser.new_page(viewport={"width": 1200, "height": 1500})
        page.goto(f"{url}/profile")
        wait_for_app(page)
        fill_profile(page)
        go(page, "Weekly plan")
        page.screenshot(path=str(DOCS / "plan-page.png"))


def printed_sheet() -> None:
    plan = build_plan(load_profile(ROOT / "examples" / "profile.json"))
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sheet.pdf"
        pdf.write_bytes(plan_pdf(plan, paper="a4"))
        base = DOCS / "sheet"
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-singlefile", pdf, base], check=True)


PICTURES = {"sheet": (printed_sheet, "sheet.png"), "plan": (plan_page, "plan-page.png")}

if __name__ == "__main__":
    DOCS.mkdir(exist_ok=True)
    for name in sys.argv[1:] or PICTURES:
        make, file = PICTURES[name]
        make()
        print("wrote", DOCS / file)
