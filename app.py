"""BackPlan: the entry script for `streamlit run app.py`. A router only: it lists the pages.

Each page lives in pages/ and calls `planner`; shared display helpers are in pages/ui.py.
"""

import streamlit as st

st.set_page_config(page_title="BackPlan", page_icon=":material/accessibility_new:")

pages = [
    st.Page("pages/home.py", title="Home", icon=":material/home:", default=True),
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

st.navigation(pages).run()
