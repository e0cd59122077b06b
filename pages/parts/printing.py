"""Printing the Weekly plan page from the browser: a "Print this plan" button, a print stylesheet.

In print, only the plan shows: Streamlit's sidebar, header and toolbar, and every button and input
are hidden; the content takes the full width in black on white; a day card, a table row and a
picture never break across pages. The stylesheet is fixed text: no user input goes into it.
"""

import streamlit as st

PRINT_CSS = """
<style>
@media print {
  @page { margin: 12mm; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stSidebarNav"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stBottom"],
  header, footer, button, iframe, .bp-print-bar,
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stFormSubmitButton"],
  [data-testid="stPageLink"], [data-testid="stRadio"], [data-testid="stSelectbox"],
  [data-testid="stNumberInput"], [data-testid="stTextInput"], [data-testid="stTextArea"],
  [data-testid="stCheckbox"], [data-testid="stSlider"], [data-testid="stDateInput"],
  [data-testid="stFileUploader"], [data-testid="stForm"], [data-testid="stExpander"],
  [data-testid="stFeedback"], [data-testid="stSegmentedControl"],
  [data-testid="stButtonGroup"], [data-testid="stChatInput"], [role="tablist"] {
    display: none !important;
  }
  html, body, #root, [data-testid="stApp"], [data-testid="stAppViewContainer"],
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], .main, .block-container {
    height: auto !important;
    min-height: 0 !important;
    overflow: visible !important;
    position: static !important;
  }
  [data-testid="stMain"], [data-testid="stMainBlockContainer"], .block-container {
    max-width: none !important;
    width: 100% !important;
    margin: 0 !important;
    padding: 0 !important;
  }
  body, [data-testid="stApp"] { background: #fff !important; }
  [data-testid="stMain"] * { color: #000 !important; }
  [data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"],
  [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stHorizontalBlock"],
  [data-testid="stTable"] tr, table tr, [data-testid="stImage"], img, svg,
  [data-testid="stAlert"] {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  html { font-size: 9pt !important; }
  [data-testid="stVerticalBlock"] { gap: 0.35rem !important; }
  p, li { margin-top: 0 !important; margin-bottom: 0.15rem !important; }
  ul, ol { margin-top: 0 !important; margin-bottom: 0 !important; }
  /* a heading whose section is only inputs (the downloads' "Print and take it along") */
  [data-testid="stElementContainer"]:has(
    + [data-testid="stElementContainer"] [data-testid="stRadio"]
  ) {
    display: none !important;
  }
  table th, table td { padding-top: 0.1rem !important; padding-bottom: 0.1rem !important; }
  h1 { padding-top: 0 !important; }
  h2, h3 { padding-top: 0.3rem !important; padding-bottom: 0.1rem !important; }
  /* the open day's card: its exercises two to a row, so the printout stays short */
  [data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"] {
    display: flex !important;
    flex-flow: row wrap !important;
    column-gap: 3% !important;
    padding: 0.6rem !important;
  }
  [data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"] > * { width: 100% !important; }
  [data-testid="stLayoutWrapper"] > [data-testid="stVerticalBlock"]
    > [data-testid="stLayoutWrapper"] {
    width: 48% !important;
  }
  img { max-height: 20mm; width: auto !important; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
"""

PRINT_BUTTON = """
<style>
.bp-print-bar button {
  font: inherit; font-size: 1rem; padding: 0.35rem 0.9rem; cursor: pointer;
  color: inherit; background: #fff; border: 1px solid rgba(49, 51, 63, 0.25);
  border-radius: 0.5rem;
}
.bp-print-bar button:hover { border-color: #1e3a5f; color: #1e3a5f; }
.bp-print-bar span { margin-left: 0.75rem; opacity: 0.7; font-size: 0.9rem; }
</style>
<div class="bp-print-bar">
  <button type="button" id="bp-print-button">&#128424; Print this plan</button>
  <span>(the week's table and the open day) or download the one-page sheet (PDF) below,
  laid out for paper.</span>
</div>
<script>
(function () {
  var button = document.getElementById("bp-print-button");
  if (button && !button.dataset.ready) {
    button.dataset.ready = "1";
    button.addEventListener("click", function () { window.print(); });
  }
})();
</script>
"""


def print_controls() -> None:
    """The print stylesheet and a "Print this plan" button that opens the browser's print dialog."""
    st.html(PRINT_CSS)
    st.html(PRINT_BUTTON, unsafe_allow_javascript=True)
