"""The browser steps of one load-test person (bench/load_test.py), with Playwright's async API:
fill the profile, open the Weekly plan (timed in the page), open a day's tab and log it. Each
waits for Streamlit to finish the run it started and fails on an error shown on the page.
"""

import asyncio
import base64
import math
import re
from datetime import date, timedelta

from playwright.async_api import expect

from bench.stream_protocol import forward
from tests.browser_steps import CHOICES, NAME_LABEL, PROFILE

STEP_MS = 60_000  # any single step (a click and the rerun it starts) must finish within this
START = date.today() - timedelta(days=6)  # week 1 runs from START to today: all days loggable
PROBLEMS = "[data-testid='stException'], [data-testid='stAlertContentError']"
NBSP = "\u00a0"  # the day tabs' labels keep 'Wed 18 Nov' on one line
PLAN_SHOWN = """(day) => {  // the plan page is drawn (load_test.py docstring): its time, else false
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector("[data-stale='true']")) return false;
  const has = (sel, text) => [...document.querySelectorAll(sel)].some(e =>
    e.textContent.includes(text) && e.getClientRects().length > 0);
  if (!has('h1', 'Weekly plan') || !has('[role=tab]', day)) return false;
  if (!has('[role=tabpanel] h3', '')) return false;
  if (!has("[data-testid='stDownloadButton'] button", 'Data (JSON)')) return false;
  return performance.now() - window.__navStart;
}"""
MARK_CLICK = """() => document.addEventListener('click',
  () => { window.__navStart = performance.now(); }, {capture: true, once: true})"""


async def settled(page, where: str, shown=None) -> None:
    """Wait until `shown` (a locator only the new script run draws) is there and the run has
    finished; a Streamlit exception or error box is an error."""
    if shown is not None:
        await shown.first.wait_for(timeout=STEP_MS)
    done = "[data-testid='stApp'][data-test-script-state='notRunning']"
    await page.wait_for_selector(done, timeout=STEP_MS)
    if await page.locator(PROBLEMS).count():
        text = await page.locator(PROBLEMS).first.inner_text()
        raise AssertionError(f"{where}: the page shows an error: {text[:300]}")


async def fill_profile(page, name: str) -> None:
    """tests.test_browser.fill_profile's answers under `name`, with a start date: the async
    twin of that helper (Playwright's sync and async pages cannot share code)."""
    if await page.get_by_text("The saved answers of").count():  # not a blank form: see seed()
        raise AssertionError("the profile form shows someone else's answers")
    await page.get_by_role("button", name="Check my answers").click()  # step 1: no warning sign
    await page.get_by_label(NAME_LABEL, exact=True).wait_for()
    for label, value in (PROFILE | {NAME_LABEL: name}).items():
        await page.get_by_label(label, exact=True).fill(value)
    for group, option in CHOICES.items():
        radios = page.get_by_role("radiogroup", name=group)
        await radios.get_by_text(option, exact=True).click()
    for part, digits in (("year", f"{START:%Y}"), ("month", f"{START:%m}"), ("day", f"{START:%d}")):
        await page.get_by_role("spinbutton", name=f"{part}, Start date").click()
        await page.keyboard.type(digits)
    await page.keyboard.press("Tab")
    await page.get_by_role("button", name="Save and check").click()
    success = page.get_by_test_id("stAlertContentSuccess").filter(has_text="answers are saved")
    await settled(page, "profile saved", success)


async def open_plan(page, name: str, frames: list) -> tuple[float, float]:
    """Go to the Weekly plan with the sidebar; return the plan page time and its server part in
    ms (load_test.py docstring). `frames` is the page's websocket log, filled by watch_frames."""
    await page.evaluate(MARK_CLICK)
    mark = len(frames)
    await page.get_by_role("link", name="Weekly plan").first.click()
    shown = await page.wait_for_function(PLAN_SHOWN, arg=tab_label(START), polling=20)
    elapsed = await shown.json_value()
    await settled(page, "plan page")
    if await page.get_by_text(f"For {name}", exact=True).count() != 1:
        raise AssertionError(f"the plan page does not show {name}'s plan")
    for _ in range(100):  # the frames' events may trail the page's answer by a moment
        sent = next((t for t, kind in frames[mark:] if kind == "sent"), math.inf)  # the rerun
        done = next((t for t, kind in frames[mark:] if kind == "script_finished" and t > sent), 0)
        if done:
            return elapsed, (done - sent) * 1000
        await asyncio.sleep(0.02)
    raise AssertionError("no rerun request and script_finished message seen for the plan page")


async def watch_frames(context, page) -> list[tuple[float, str]]:
    """Log the page's websocket frames as (Chromium's network timestamp in s, "sent" or the type
    of the ForwardMsg received), through the Chrome DevTools Protocol."""
    frames: list[tuple[float, str]] = []

    def received(event: dict) -> None:
        kind = ""
        if event["response"]["opcode"] == 2:  # binary: a ForwardMsg (bench/stream_protocol.py)
            kind = forward(base64.b64decode(event["response"]["payloadData"])).kind
        frames.append((event["timestamp"], kind))

    cdp = await context.new_cdp_session(page)
    cdp.on("Network.webSocketFrameSent", lambda event: frames.append((event["timestamp"], "sent")))
    cdp.on("Network.webSocketFrameReceived", received)
    await cdp.send("Network.enable")
    return frames


def tab_label(day: date) -> str:
    """The plan page's tab label of a session day: 'Wed 18 Nov'."""
    return NBSP.join((f"{day:%a}", str(day.day), f"{day:%b}"))


async def session_days(page) -> list[date]:
    """The dates of the plan page's session day tabs (week 1: START to START + 6)."""
    labels = await page.get_by_role("tab").all_inner_texts()
    week = {tab_label(START + timedelta(days=n)): START + timedelta(days=n) for n in range(7)}
    return [week[label.strip()] for label in labels]


async def log_day(page, day: date, status: str, before: int, after: int) -> None:
    """Open one session day's tab and log it with the plan page's form: status, pain before and
    after, save; the confirmation must repeat the values."""
    key = f".st-key-log_{day.isoformat()}"
    tab = page.get_by_role("tab", name=tab_label(day), exact=True)
    expander = page.locator("[data-testid='stExpander']").filter(has=page.locator(f"{key}_status"))
    if await tab.get_attribute("aria-selected") != "true":
        await tab.click()
    await settled(page, f"open the tab of {day}", expander)
    if not await expander.locator("details[open]").count():
        await expander.locator("summary").click()
    form = page.locator(f"{key}_status").locator("..")
    statuses = form.get_by_role("radiogroup").first  # its inputs are hidden: click the label
    label = statuses.get_by_text(status, exact=True)
    chosen = [(label, statuses.get_by_role("radio", name=status))]
    for scale, score in (("Pain before", before), ("Pain after", after)):
        option = form.get_by_role("radiogroup", name=re.compile(scale)).get_by_role("radio")
        chosen.append((option.filter(has_text=re.compile(f"^{score}$")),) * 2)
    for target, option in chosen:  # each must show as chosen before the next click
        await target.click()
        await expect(option).to_be_checked(timeout=STEP_MS)
    await page.locator(f"{key}_save button").click()
    saved = page.get_by_test_id("stAlertContentSuccess").filter(has_text=f"Saved for {day:%A}")
    await settled(page, f"log {day}", saved)
    wanted = f"Saved for {day:%A} {day.day} {day:%B}: {status}, pain {before} before and {after}"
    if wanted not in (shown := await saved.first.inner_text()):
        raise AssertionError(f"the page says {shown!r}")
