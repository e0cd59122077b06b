"""Small helpers shared by the pages: the current person, the stop screen, cards and plain text.

Display only: every decision (safety, doses, risk) comes from `planner`.

The current person is kept in st.session_state (this tab) and in the URL as ?person=<id> (so a
refresh or a bookmark finds them again). With neither, the only saved person is used; with several,
the page asks "Whose plan?".

Every page gets its store from `store()`, which opens it for `account.owner()`: on a shared
deployment, only the signed-in account's people and logs can be read or written.
"""

import base64
import re
import string
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import streamlit as st

import pages.parts.app_navigation  # noqa: F401  (for its effect: see that module)
from pages.parts import account
from planner import Profile, WeekPlan
from planner.data_files import Exercise, exercises_by_id, safety_rules
from planner.plan import DISCLAIMER, Prescription, Risk
from planner.schedule import programme_week
from storage import NotFound, Person, Store, StoreError, audit, open_store

PERSON_KEY = "person_id"  # the current person's id in session_state
PERSON_PARAM = "person"  # ... and in the URL
NEW_PERSON_KEY = "new_person"  # the profile page is for someone not saved yet
RECOVERY_KEY = "recovery_shown"  # the damaged-file warning was shown in this session
WEEK_KEY = "plan_week"  # the week last chosen on the plan page, shared with the other pages
OWNER_KEY = "owner"  # whose store this session last opened (its sign-in is then recorded)
PROFILE_PAGE = "pages/profile.py"
PLAN_PAGE = "pages/plan.py"
PEOPLE_PAGE = "pages/people.py"
URGENCY = {level: rule.headline for level, rule in safety_rules().urgency.items()}
POSITIONS = {
    "supine": "Lying on your back",
    "prone": "Lying on your front",
    "side_lying": "Lying on your side",
    "quadruped": "On hands and knees",
    "seated": "Sitting on a chair",
    "standing": "Standing",
}


# GFM makes links of www., http:// and e-mail addresses in the shown text even when every mark is
# escaped: an invisible word joiner after the "www" of "www.", the colon of "://" and "@" stops it.
AUTOLINK_STARTS = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Text with every Markdown special character escaped, so it shows exactly as typed (and an
    address in it is not made a link)."""
    text = AUTOLINK_STARTS.sub(WORD_JOINER, text)
    return "".join("\\" + ch if ch in string.punctuation else ch for ch in text)


def today() -> date:
    """Today's date: the one clock the pages read (tests replace it)."""
    return date.today()


def store_error(error: StoreError) -> None:
    """A saving or loading problem, in the store's own plain words (never a traceback)."""
    st.error(f"Sorry, something went wrong with the saved data. {plain(str(error))}")


def store() -> Store:
    """The saved-data store of this session's owner (see account.owner()); warns once per session
    when a damaged file was set aside."""
    try:
        opened = open_store(owner=account.owner())
        if st.session_state.get(OWNER_KEY) != opened.owner:
            _start_owner(opened)
    except StoreError as error:
        store_error(error)
        st.stop()
    if opened.recovered_from and not st.session_state.get(RECOVERY_KEY):
        st.session_state[RECOVERY_KEY] = True
        kept = plain(str(opened.recovered_from))
        st.warning(f"The saved data file was damaged; it was kept at {kept} and a new one started.")
    return opened


def _start_owner(opened: Store) -> None:
    """A new owner in this session: drop the last one's current person; record a sign-in."""
    if st.session_state.get(OWNER_KEY) is not None:
        forget_current()
    if account.shared_mode():
        audit.record(opened, "sign_in", now=datetime.now(UTC))
    st.session_state[OWNER_KEY] = opened.owner


def _remember(person_id: int) -> None:
    """Keep the id in this session and in the URL; another person's chosen week is dropped."""
    if st.session_state.get(PERSON_KEY) != person_id:
        for key in (WEEK_KEY, "week"):
            st.session_state.pop(key, None)
    st.session_state[PERSON_KEY] = person_id
    st.query_params[PERSON_PARAM] = str(person_id)


def set_current(person_id: int) -> None:
    """Make this person the current one (a choice, a save or an import)."""
    _remember(person_id)
    st.session_state.pop(NEW_PERSON_KEY, None)


def forget_current() -> None:
    """No current person (after deleting them, or to start a profile for someone new)."""
    for key in (PERSON_KEY, WEEK_KEY, "week"):
        st.session_state.pop(key, None)
    st.query_params.pop(PERSON_PARAM, None)


def remembered_id() -> int | None:
    """The id from this session, else from the URL; None when neither holds a whole number."""
    found = st.session_state.get(PERSON_KEY)
    if isinstance(found, int):
        return found
    text = st.query_params.get(PERSON_PARAM, "")
    return int(text) if text.isdigit() else None


def known_person(opened: Store) -> Person | None:
    """The current person without asking: remembered, else the only one saved, else None."""
    person_id = remembered_id()
    if person_id is not None:
        try:
            person = opened.get_person(person_id)
        except NotFound:  # deleted meanwhile, or an old link
            forget_current()
        else:
            _remember(person.id)
            return person
    people = opened.list_people()
    if len(people) != 1:
        return None
    person = opened.get_person(people[0].id)
    _remember(person.id)
    return person


def choose_person(opened: Store) -> None:
    """ "Whose plan?": a button for each saved person (only called when there are several)."""
    st.subheader("Whose plan?")
    st.markdown("More than one person is saved here. Choose whose plan to show:")
    for summary in opened.list_people():
        st.button(
            plain(summary.name),
            key=f"choose_{summary.id}",
            on_click=set_current,
            args=(summary.id,),
            width="stretch",
            icon=":material/person:",
        )
    st.page_link(PROFILE_PAGE, label="Someone new? Fill in the safety check", icon=":material/add:")


def current_person() -> tuple[Store, Person]:
    """The store and the current person; otherwise ask whose plan, or point to the profile page,
    and stop the page."""
    opened = store()
    try:
        person = known_person(opened)
        if person is None and opened.list_people():
            choose_person(opened)
            st.stop()
    except StoreError as error:
        store_error(error)
        st.stop()
    if person is None:
        st.info("Fill in the safety check and profile first. It takes about two minutes.")
        st.page_link(PROFILE_PAGE, label="Go to the safety check", icon=":material/checklist:")
        st.caption(DISCLAIMER)
        st.stop()
    return opened, person


def plan_profile(person: Person) -> Profile:
    """The person's profile, dated from their programme start (so plan days have dates)."""
    return person.profile.model_copy(update={"start_date": person.programme_start})


def saved_profile() -> Profile | None:
    """The current person's profile when there is one without asking, else None."""
    try:
        person = known_person(store())
    except StoreError as error:
        store_error(error)
        return None
    return None if person is None else plan_profile(person)


def plan_week(profile: Profile) -> int:
    """The week last chosen on the plan page, else the programme week today falls in."""
    chosen = st.session_state.get(WEEK_KEY)
    return chosen or programme_week(profile.start_date or today(), today())


def require_profile() -> Profile:
    """The current person's profile; without one, ask or point to the profile page and stop."""
    return plan_profile(current_person()[1])


def stop_screen(plan: WeekPlan) -> None:
    """The screen for a plan that must not go ahead: how urgent, and why. No exercises."""
    st.error(f"### {URGENCY[plan.urgency]}\nPlease do not start these exercises yet.")
    for reason in plan.stop_reasons:
        st.error(reason)


def risk_summary(risk: Risk) -> None:
    """The risk level, each factor's reason, and its evidence and source in an expander."""
    st.markdown(f"**Your risk level: {risk.level}**")
    for factor in risk.factors:
        st.markdown(f"- {factor.reason}")
    if risk.factors:
        with st.expander("The evidence behind each factor"):
            for factor in risk.factors:
                st.markdown(factor.evidence)
                st.caption(f"Source: {factor.source}")


@cache
def drawing(path: Path) -> str | None:
    """The SVG drawing at `path` as the data URI st.image would make of the file (None without a
    file). Read once per process: the plan page shows a dozen or more on every rerun."""
    if not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8")
    if "xmlns" not in svg:  # as Streamlit does: an <img> needs it to show the SVG
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return f"data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}"


def picture(exercise: Exercise, width: int = 180) -> None:
    """The exercise's drawing, when the catalogue has one."""
    uri = drawing(exercise.image_path)
    if uri is not None:
        st.image(uri, width=width, alt=f"Drawing: {exercise.name}")


def not_for(exercise: Exercise) -> list[str]:
    """Plain labels of the conditions (and older age) whose rules leave this exercise out."""
    rules = safety_rules()
    labels = [c.label.lower() for c in rules.conditions.values() if c.forbids & exercise.tags]
    if rules.older_adult.forbids & exercise.tags:
        labels.append("older adults (a supported version is used)")
    return labels


def prescription_card(item: Prescription) -> None:
    """One exercise of a session: picture (when there is one), name, dose, and the steps."""
    exercise = exercises_by_id()[item.id]
    words = st.container()
    if drawing(exercise.image_path) is not None:
        left, words = st.columns([5, 6], vertical_alignment="center")
        with left:
            picture(exercise, width=260)
    with words:
        st.markdown(f"**{item.name}**  \n{item.dose_text}")
        st.caption(POSITIONS[item.position])
        with st.expander("How to do it"):
            st.markdown(numbered(item.instructions))


def numbered(lines: tuple[str, ...] | list[str]) -> str:
    """A Markdown numbered list."""
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1))


def bulleted(lines: tuple[str, ...] | list[str]) -> str:
    """A Markdown bulleted list (a single line stays a plain paragraph)."""
    if len(lines) == 1:
        return lines[0]
    return "\n".join(f"- {line}" for line in lines)
