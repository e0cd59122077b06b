"""What the pages share: the router and navigation, the account, the current store and person,
state keys, the clock, texts, cards, the log form and printing. A subpackage, so that Streamlit's
scan of pages/*.py never mistakes these modules for pages."""
