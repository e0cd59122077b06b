"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/parts/.
On a shared deployment (sign-in configured), every page but Home asks to sign in first.
"""

from pathlib import Path

import streamlit as st

from pages.parts import account
from pages.parts.navigation import app_pages

# A local icon for every page: without one the browser shows each page's Material icon, and a
# Material icon is fetched from fonts.gstatic.com (nothing may be fetched at run time).
ICON = Path(__file__).resolve().parent / "pages/parts/favicon.png"
st.set_page_config(page_title="BackPlan", page_icon=ICON)

pages = app_pages()
page = st.navigation(pages)
account.require_sign_in(home=page is pages[0])
page.run()
