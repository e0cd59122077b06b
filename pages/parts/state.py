"""Every session-state key and URL query key the pages use, named once. Widget keys are
session-state keys too: AppTest and the browser tests address the widgets by them, so changing one
changes what the tests click.
"""

from datetime import date

# --- the current person and store (pages/parts/current.py) ---------------------------------------
PERSON = "person_id"  # the current person's id in this tab
PERSON_PARAM = "person"  # ... and in the URL, so a refresh or a bookmark finds them again
NEW_PERSON = "profile_for_someone_new"  # the profile form is for someone not saved yet
LOOK_ALIKE = "profile_look_alike"  # the warning of a name like another's, shown after the save
RECOVERY = "recovery_shown"  # the damaged-file warning was shown in this session
OWNER = "owner"  # whose store this session last opened (its sign-in is then recorded)
WEEK = "plan_week"  # the week last chosen on the plan page, shared with the other pages
CHOOSE = "choose_{}"  # "Whose plan?": the button of each saved person, by id
LOST = "person_lost"  # the remembered person is gone: ask whose plan, never pick another one

# --- sign-in (pages/parts/account.py, pages/home.py) ----------------------------------------------
SIGN_IN = "sign_in"  # the button that starts the provider's sign-in
SIGN_OUT = "sign_out"  # Home's sign-out button

# --- Weekly plan (pages/plan.py) ------------------------------------------------------------------
WEEK_CHOICE = "week"  # the "Week of the programme" box
DAY_TAB = "day_tab"  # the open session day's tab (its label, e.g. "Wed 18 Nov")
PAPER = "paper"  # A4 or US Letter for the printable sheet
DOWNLOAD_PDF = "download_pdf"  # the printable sheet, or the note for the doctor on a stop screen
DOWNLOAD_ICS = "download_ics"  # the calendar file
DOWNLOAD_CSV = "download_csv"  # the table
DOWNLOAD_JSON = "download_json"  # the plan as data

# --- the log form of one session day (pages/parts/log_form.py) ------------------------------------
LOG_SAVED = "log_saved"  # (day, words): the confirmation to show after the rerun of a save
LOG = "log_{}"  # one day's form (the day in ISO form); its widgets add the suffixes below
LOG_STATUS, LOG_BEFORE, LOG_AFTER, LOG_NOTE, LOG_SAVE = (
    "_status",
    "_before",
    "_after",
    "_note",
    "_save",
)
LOG_FOR = "_for"  # the PersonRef the day's form was drawn for, kept when it is submitted

# --- Safety check and profile (pages/profile.py); each answer's widget key is its field name ------
UNITS = "units"  # metric or imperial, outside the form
PROFILE_FORM = "profile_form"  # the form
SAFETY_FORM = "safety_form"  # step 1: the warning signs, on their own
SAFETY_CHECK = "safety_check"  # its button, "Check my answers"
SAFETY_CLEAR = "safety_clear"  # True once step 1 was checked with no warning sign: step 2 shows
TRAUMA = "recent_trauma"  # step 1's box for a recent fall, accident or injury
RED_FLAG = "red_flags_{}"  # the box of each red flag (planner.profile.RED_FLAGS)
CONDITION = "conditions_{}"  # the box of each condition (planner.profile.CONDITIONS)
SUBMIT = "submit"  # "Save and check"
NEW_PERSON_BUTTON = "new_person"  # "Start a profile for someone else"
FORM_FOR = "profile_form_for"  # the id of the person whose answers the form showed (0: blank)
SAVE_FOR = "profile_save_for"  # the PersonRef (or None) a submitted form was drawn for

# --- Saved people (pages/people.py) ---------------------------------------------------------------
PEOPLE_MESSAGE = "people_message"  # a confirmation to show after the rerun
CONFIRM_DELETE = "people_confirm_delete"  # the PersonRef waiting for "Yes, delete"
PEOPLE_SEARCH = "people_search"  # "Find by name"
PEOPLE_PAGE = "people_page"  # which page of the list is shown (0: the first)
PEOPLE_PREVIOUS, PEOPLE_NEXT = "people_previous", "people_next"  # the list's page buttons
IMPORT_CONFLICT = "people_import_conflict"  # the uploaded file's id waiting for "Yes, replace"
UPLOAD_ROUND = "people_upload_round"  # a new file box after each import
OPEN = "open_{}"  # "Open their plan", by person id
DELETE = "delete_{}"  # "Delete", by person id
YES_DELETE, NO_DELETE = "confirm_delete", "cancel_delete"  # the second step of deleting
ADD_PERSON = "add_person"  # "Add someone new"
EXPORT = "export"  # "Download all my data"
IMPORT_FILE = "import_file_{}"  # the file box, by upload round
IMPORT_GO, IMPORT_REPLACE, IMPORT_CANCEL = "import_go", "import_replace", "import_cancel"
DELETE_ALL_TEXT, DELETE_ALL = "delete_all_text", "delete_all"  # type DELETE, then the button

# --- Today's session (pages/session.py) -----------------------------------------------------------
GUIDED_FOR = "guided_for"  # (person id, day) the guided session is for
GUIDED_PHASE = "guided_phase"  # start, exercise, finish or saved
GUIDED_REF = "guided_person"  # the PersonRef the guided session was drawn for
GUIDED_RESULTS = "guided_results"  # done or skipped, one per exercise so far
GUIDED_BEFORE = "guided_before"  # the pain score given before starting
GUIDED_WATCH = "guided_watch"  # the exercise's Stopwatch
GUIDED_SAVED = "guided_saved"  # the saved log entry in words
GUIDED_DAY = "guided_day"  # "Which session?"
GUIDED_PAIN_BEFORE, GUIDED_PAIN_AFTER = "guided_pain_before", "guided_pain_after"  # 0-10 scales
GUIDED_BEGIN, GUIDED_START, GUIDED_PAUSE = "guided_begin", "guided_start", "guided_pause"
GUIDED_RESUME, GUIDED_NEXT = "guided_resume", "guided_next"  # the clock's buttons
GUIDED_DONE, GUIDED_SKIP = "guided_done", "guided_skip"  # the end of one exercise
GUIDED_NOTE, GUIDED_SAVE, GUIDED_AGAIN = "guided_note", "guided_save", "guided_again"


def log_key(day: date, part: str = "") -> str:
    """The key of one day's log form, or of one of its widgets (`part`, e.g. LOG_STATUS)."""
    return LOG.format(day.isoformat()) + part


# --- Batch printing (pages/batch.py) -------------------------------------------------------------
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
BATCH_DOWNLOAD_TABLE = "download_table"  # the people table as guarded CSV
BATCH_CLINIC_FORM = "clinic_form"  # the clinic header form
