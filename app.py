"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/ui.py.
On a shared deployment (sign-in configured), every page but Home asks to sign in first.
"""

import streamlit as st

from pages import account
from pages.navigation import app_pages

# Streamlit's own favicon, served locally: a Material icon name would be fetched from
# fonts.gstatic.com, and an image file delayed the first paint of a cold start (bench/).
st.set_page_config(page_title="BackPlan")

pages = app_pages()
page = st.navigation(pages)
account.require_sign_in(home=page is pages[0])
page.run()
