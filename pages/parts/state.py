"""The names of the pages' session-state and URL query keys, one place for all of them."""

# --- Batch printing (pages/batch.py) -------------------------------------------------------------
# The other pages' keys are added above this block by the "pages" branch; this block is the
# "batch" branch's.
BATCH_TABLE = "batch_table"  # the uploaded people, edits applied (a DataFrame of text cells)
BATCH_CHECKED = "batch_checked"  # (the table's content key, the table with its Problems column)
BATCH_FILE = "batch_file"  # the id of the upload that BATCH_TABLE came from
BATCH_EDITOR_VERSION = "batch_editor_version"  # bumped to show the editor afresh after edits
BATCH_EDITOR = "batch_editor_{version}"  # the data editor's widget key (its edit state)
BATCH_ZIP = "batch_zip"  # the Zipped result of the last "Make PDFs", cleared by any change
BATCH_KIND = "batch_kind"  # radio: weekly sheet or four-week booklet
BATCH_PAPER = "batch_paper"  # radio: A4 or US Letter
BATCH_UPLOAD = "upload"  # the file uploader
BATCH_DOWNLOAD_ZIP = "download_zip"  # the ZIP's download button
BATCH_DOWNLOAD_TEMPLATE = "download_template"  # the CSV template's download button
BATCH_CLINIC_FORM = "clinic_form"  # the clinic header form
