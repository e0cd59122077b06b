"""BackPlan's pages, in the order the sidebar lists them (used by app.py, and by the bench that
times a page rerun against an empty page under the same router)."""

import streamlit as st


def app_pages() -> list[st.Page]:
    """Home first (the default), then the pages a person goes through, then the clinic's."""
    return [
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
        st.Page(
            "pages/batch.py", title="Batch printing", icon=":material/print:", url_path="batch"
        ),
        st.Page(
            "pages/session.py",
            title="Today's session",
            icon=":material/timer:",
            url_path="session",
        ),
        st.Page(
            "pages/progress.py",
            title="Progress",
            icon=":material/monitoring:",
            url_path="progress",
        ),
        st.Page(
            "pages/people.py", title="Saved people", icon=":material/group:", url_path="people"
        ),
    ]
