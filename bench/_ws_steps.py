"""One simulated person of bench/ws_load.py: a websocket to Streamlit's /_stcore/stream, speaking
its protocol (bench/stream_protocol.py) as the frontend does, and the steps of their visit.

The client keeps what the frontend keeps: the pages of the app (from the navigation message), the
query string the server last set, the elements the last run drew (by delta path) and the widget
values the person set. Each rerun request carries those values (a trigger only once, for the
button pressed) and waits for the run to finish; widgets never touched are left out, and the
server keeps their values (the frontend would send the same ones back), as it does for a widget
whose value the script set (set_value). Widgets are found by their key: Streamlit ends a keyed
widget's id with "-<key>".
"""

import asyncio
import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench import stream_protocol as sp
from pages.parts import state

STEP_S = 60  # any one rerun must finish within this
MAX_FRAME = 16 * 2**20  # bytes; a page's largest message is far smaller
NBSP = "\u00a0"  # the plan page's tab labels keep 'Wed 18 Nov' on one line
START = date.today() - timedelta(days=6)  # week 1 runs from START to today: every day loggable
PROFILE = {  # tests.browser_steps' answers, by widget key, as the widgets show them
    "age": 52, "sex": "Male", "height_cm": 170, "weight_kg": 80, "sitting_hours": 8,
    "active_days": 2, "lifting": "Often", "posture": "Fair", "core_strength": "Weak",
    "water_l": 1.5, "pain_weeks": 2, "start_date": [START.isoformat()],
}  # fmt: skip


class StepError(Exception):
    """A step that failed: an exception or error box on the page, an element that did not come."""


@dataclass
class Client:
    """One websocket session (module docstring)."""

    ws: object
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    query: str = ""
    page: str = ""  # the url path of the page shown ("" is the default page)
    drawn: dict[tuple[int, ...], sp.Node] = field(default_factory=dict)
    values: dict[str, bytes] = field(default_factory=dict)  # widget id -> its WidgetState

    def find(self, kind: str, text: str = "") -> list[sp.Node]:
        """The drawn nodes of this kind whose text holds `text`."""
        return [n for n in self.drawn.values() if n.kind == kind and text in n.text()]

    def keyed(self, key: str) -> list[sp.Node]:
        """The drawn widgets (or keyed tabs) with this key."""
        return [n for n in self.drawn.values() if str(n.fields.get("id", "")).endswith(f"-{key}")]

    def widget(self, key: str) -> sp.Node:
        """The drawn widget (or keyed tabs) with this key; a StepError when there is none."""
        if not (found := self.keyed(key)):
            raise StepError(f"no widget with key {key!r} on the page")
        return found[0]

    async def rerun(self, page: str | None = None, answers: dict | None = None, press: str = ""):
        """Set the answers (by widget key) and press a button on this page, or go to another
        page; return the ms from the request to the run's script_finished."""
        for key, value in (answers or {}).items():
            found = self.widget(key)
            self.values[found.fields["id"]] = sp.widget_state(found.fields["id"], found.kind, value)
        states = list(self.values.values())
        if press:
            states.append(sp.widget_state(self.widget(press).fields["id"], "button", True))
        self.page = self.page if page is None else page
        message = sp.rerun_script(states, self.pages.get(self.page, ""), self.page, self.query)
        started = time.monotonic()
        await self.ws.send(message)
        async with asyncio.timeout(STEP_S):
            await self.receive_run()
        return (time.monotonic() - started) * 1000

    async def receive_run(self) -> None:
        """Read ForwardMsgs until the run finishes (a run that st.rerun ended early is followed
        by its rerun); an exception, an error box or a failed run is a StepError."""
        while True:
            message = sp.forward(await self.ws.recv())
            if message.kind == "new_session":
                self.drawn = {}
            elif message.kind == "delta":
                self.drawn[message.path] = message.node
                self.problem(message.node)
            elif message.kind == "page_info_changed":
                self.query = message.query_string
            elif message.kind == "navigation":
                self.pages = message.pages
            elif message.kind in ("ref_hash", "page_not_found"):  # nothing is cached here
                raise StepError(f"the server sent {message.kind}")
            elif message.kind == "session_event" and message.problem:
                raise StepError(f"the script did not compile: {message.problem}")
            elif (
                message.kind == "script_finished" and message.status != sp.FINISHED_EARLY_FOR_RERUN
            ):
                if message.status != sp.FINISHED_SUCCESSFULLY:
                    raise StepError(f"the run finished with status {message.status}")
                self.settle()
                return

    def problem(self, node: sp.Node) -> None:
        """An exception element or an error box is a StepError."""
        if node.kind == "exception":
            raise StepError(f"exception: {node.fields.get('type')}: {node.fields.get('message')}")
        if node.kind == "alert" and node.fields.get("format") == sp.ALERT_ERROR:
            raise StepError(f"error box: {node.text()[:200]}")

    def settle(self) -> None:
        """After a run: forget values of widgets no longer drawn, and of widgets whose value the
        script set (the server's value stands)."""
        drawn = {n.fields.get("id"): n for n in self.drawn.values()}
        for widget_id in list(self.values):
            if widget_id not in drawn or drawn[widget_id].fields.get("set_value"):
                del self.values[widget_id]

    def expect(self, kind: str, text: str) -> None:
        """The last run drew an element of this kind showing `text`."""
        if not self.find(kind, text):
            raise StepError(f"no {kind} showing {text!r} on the page")


def tab_label(day: date) -> str:
    """The plan page's tab label of a session day: 'Wed 18 Nov'."""
    return NBSP.join((f"{day:%a}", str(day.day), f"{day:%b}"))


def session_days(client: Client) -> list[date]:
    """The dates of the plan page's session day tabs (week 1: START to START + 6)."""
    week = {tab_label(START + timedelta(days=n)): START + timedelta(days=n) for n in range(7)}
    return [week[tab.text()] for tab in client.find("tab") if tab.text() in week]


def long_date(day: date) -> str:
    """'Monday 3 March', as the log form's confirmation says it."""
    return f"{day:%A} {day.day} {day:%B}"


async def log_day(client: Client, day: date, status: str, before: int, after: int) -> list:
    """Open the day's tab (when another is open) and save its log form; the timed steps."""
    times = []
    press = state.log_key(day, state.LOG_SAVE)
    if not client.keyed(press):  # only the open tab is drawn
        tab = {state.DAY_TAB: tab_label(day)}
        times.append(("open a day's tab", await client.rerun(answers=tab)))
    answers = {
        state.log_key(day, state.LOG_STATUS): status,
        state.log_key(day, state.LOG_BEFORE): [str(before)],
        state.log_key(day, state.LOG_AFTER): [str(after)],
    }
    times.append(("log a day", await client.rerun(answers=answers, press=press)))
    client.expect(
        "alert", f"Saved for {long_date(day)}: {status}, pain {before} before and {after}"
    )
    return times
