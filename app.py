"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/ui.py.
On a shared deployment (sign-in configured), every page but Home asks to sign in first.
"""

import streamlit as st

from pages import account

st.set_page_config(page_title="BackPlan", page_icon=":material/accessibility_new:")

home = st.Page("pages/home.py", title="Home", icon=":material/home:", default=True)
pages = [
    home,
    st.Page(
        "pages/profile.py",
        title="Safety check and profile",
        icon=":material/checklist:",
        url_path="profile",
    ),
    st.Page(
        "pages/plan.py", title="Weekly plan", icon=":material/calendar_month:", url_path="plan"
    ),
    st.Page(
        "pages/library.py",
        title="Exercise library",
        icon=":material/menu_book:",
        url_path="library",
    ),
    st.Page("pages/tips.py", title="Tips", icon=":material/lightbulb:", url_path="tips"),
    st.Page("pages/batch.py", title="Batch printing", icon=":material/print:", url_path="batch"),
    st.Page(
        "pages/session.py", title="Today's session", icon=":material/timer:", url_path="session"
    ),
    st.Page(
        "pages/progress.py", title="Progress", icon=":material/monitoring:", url_path="progress"
    ),
    st.Page("pages/people.py", title="Saved people", icon=":material/group:", url_path="people"),
]

page = st.navigation(pages)
account.require_sign_in(home=page is home)
page.run()
