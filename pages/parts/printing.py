"""Printing the Weekly plan page from the browser: a "Print this plan" button, a print stylesheet.

In print, only the plan shows: Streamlit's sidebar, header and toolbar, and every button and input
are hidden; the content takes the full width in black on white; a day card, a table row and a
picture never break across pages. Both are fixed files beside this module (print.css, wrapped in a
style tag by st.html, and print_button.html): no user input goes into them.
"""

from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
PRINT_CSS = HERE / "print.css"
PRINT_BUTTON = HERE / "print_button.html"


def print_controls() -> None:
    """The print stylesheet and a "Print this plan" button that opens the browser's print dialog."""
    st.html(PRINT_CSS)
    st.html(PRINT_BUTTON, unsafe_allow_javascript=True)
