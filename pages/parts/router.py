"""The router: page config, the page list, the sign-in gate, then the chosen page. app.py runs it;
so does a page that finds itself run without it.

Streamlit keeps a relic of its old multipage mode: while a pages/ folder sits beside app.py and no
session of a fresh server has called st.navigation yet (and on every AppTest run), a visit straight
to /plan runs pages/plan.py alone: no sign-in gate, no page config, a sidebar of file names. So
every page calls `start_page()` first: outside the router it runs the router itself (the public
st.navigation ends that mode for the server, and the chosen page runs inside the router, with the
widgets' state of this run intact) and stops the unrouted run before it draws anything.
"""

from collections.abc import Sequence
from contextvars import ContextVar
from pathlib import Path

import streamlit as st

from pages.parts import account
from pages.parts.navigation import app_pages

# A local icon for every page: without one the browser shows each page's Material icon, and a
# Material icon is fetched from fonts.gstatic.com (nothing may be fetched at run time).
ICON = Path(__file__).resolve().parent / "favicon.png"
# A context variable, not a global: each session's script runs in its own thread (own context).
_ROUTED: ContextVar[bool] = ContextVar("backplan_routed", default=False)


def route(extra: Sequence[st.Page] = ()) -> None:
    """Run the page the address names (Home by default) under the router; `extra` pages are
    added after BackPlan's own (the bench adds an empty page)."""
    st.set_page_config(page_title="BackPlan", page_icon=ICON)
    pages = [*app_pages(), *extra]
    page = st.navigation(pages)
    account.require_sign_in(home=page is pages[0])
    token = _ROUTED.set(True)
    try:
        page.run()
    finally:
        _ROUTED.reset(token)


def start_page() -> None:
    """The first call of every page: outside the router, run the router instead and stop."""
    if not _ROUTED.get():
        route()
        st.stop()
