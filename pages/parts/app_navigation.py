"""Run every visit through app.py's st.navigation (moved here from pages/ui.py so that Home, which
no longer imports ui, keeps the fix). Imported for its effect, once per process.

Streamlit keeps a relic of its old multipage mode: while no session of a fresh server has run
app.py yet, a visit straight to /plan runs pages/plan.py alone, with a sidebar listing every file
in pages/. Every page imports this module (through pages/ui.py, or directly on Home), so the first
such visit switches the server to st.navigation and reruns once; later visits never get here
with the flag set.
"""

import streamlit as st


def _use_app_navigation() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_use_app_navigation()
