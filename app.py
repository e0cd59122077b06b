"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/ui.py.
On a shared deployment (sign-in configured), every page but Home asks to sign in first.
"""

import streamlit as st

from pages import account
from pages.navigation import app_pages

st.set_page_config(page_title="BackPlan", page_icon=":material/accessibility_new:")

pages = app_pages()
page = st.navigation(pages)
account.require_sign_in(home=page is pages[0])
page.run()
