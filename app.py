"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/ui.py.
On a shared deployment (sign-in configured), every page but Home asks to sign in first.
"""

from pathlib import Path

import streamlit as st

from pages import account
from pages.navigation import app_pages

# A local icon: a Material icon name would make the browser fetch it from fonts.gstatic.com.
st.set_page_config(page_title="BackPlan", page_icon=Path(__file__).parent / "pages/favicon.png")

pages = app_pages()
page = st.navigation(pages)
account.require_sign_in(home=page is pages[0])
page.run()
