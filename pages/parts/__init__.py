"""What the pages share (navigation, account, display helpers, the log form, printing). A
subpackage, so that Streamlit's scan of pages/*.py never mistakes these modules for pages."""
