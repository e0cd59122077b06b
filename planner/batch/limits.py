"""The limits of one batch, the same from the command line and the Batch printing page.

5 MB is the app's upload limit (`server.maxUploadSize` in .streamlit/config.toml; Streamlit counts
a MB as 1024 * 1024 bytes): a profile row is about 200 bytes, so 5 MB holds some 25,000 people,
far more than MAX_ROWS. 2,000 people make 2,000 PDFs in a couple of minutes on two cores and fit in
the page's table. An .xlsx is a zip of XML: 2,000 people unpack to a few MB, but 5 MB of repeated
cells could unpack to gigabytes, so its parts' declared sizes are checked before it is opened,
and at most MAX_SHEET_ROWS rows (room for blank ones) are read.
"""

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2_000
MAX_UNPACKED = 20 * 1024 * 1024
MAX_SHEET_ROWS = 2 * MAX_ROWS
MAX_WEEKS = 12  # weeks in one booklet, calendar or JSON file
