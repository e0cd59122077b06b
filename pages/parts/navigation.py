"""BackPlan's pages, in the order the sidebar lists them (used by app.py, by pages/parts/router.py,
and by the bench that times a page rerun against an empty page under the same router)."""

import streamlit as st

# The page files, as st.page_link and st.switch_page name them.
HOME_PAGE = "pages/home.py"
PROFILE_PAGE = "pages/profile.py"
PLAN_PAGE = "pages/plan.py"
SESSION_PAGE = "pages/session.py"
PROGRESS_PAGE = "pages/progress.py"
PEOPLE_PAGE = "pages/people.py"


def app_pages() -> list[st.Page]:
    """Home first (the default), then the pages a person goes through, then the clinic's."""
    return [
        st.Page(HOME_PAGE, title="Home", icon=":material/home:", default=True),
        st.Page(
            PROFILE_PAGE,
            title="Safety check and profile",
            icon=":material/checklist:",
            url_path="profile",
        ),
        st.Page(PLAN_PAGE, title="Weekly plan", icon=":material/calendar_month:", url_path="plan"),
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
        st.Page(SESSION_PAGE, title="Today's session", icon=":material/timer:", url_path="session"),
        st.Page(PROGRESS_PAGE, title="Progress", icon=":material/monitoring:", url_path="progress"),
        st.Page(PEOPLE_PAGE, title="Saved people", icon=":material/group:", url_path="people"),
    ]
