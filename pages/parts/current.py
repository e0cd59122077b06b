"""The current store and person of a session.

The current person is kept in st.session_state (this tab) and in the URL as ?person=<id> (so a
refresh or a bookmark finds them again). With neither, the only saved person is used; with several,
the page asks "Whose plan?". A remembered person who is gone (deleted in another tab, an old
bookmark) or a link that names nobody is said so, and the page asks: it never falls back to
someone else. Writes carry the PersonRef their page was drawn for (see storage.PersonRef).

Every page gets its store from `store()`, which opens it for `account.owner()`: on a shared
deployment, only the signed-in account's people and logs can be read or written.
"""

import re

import streamlit as st

from pages.parts import account, clock, state
from pages.parts.navigation import PEOPLE_PAGE, PROFILE_PAGE
from pages.parts.text import plain
from planner import Profile
from planner.plan import DISCLAIMER
from planner.schedule import programme_week
from storage import NotFound, Person, PersonRef, Store, StoreError, audit, open_store
from storage.listing import count_people, people_page
from storage.models import ID_MAX

LINK_ID = re.compile(r"[0-9]{1,10}")  # ASCII digits only: int() also reads "²" or "١"
WHOSE_PLAN_MOST = 12  # "Whose plan?" buttons; everyone else is found on Saved people
GONE = (
    "The person this page was showing is not saved here any more (deleted, perhaps in another "
    "tab, or an old link). Nothing was changed. Please choose whose plan to show."
)
BAD_LINK = "This link does not name a saved person. Please choose whose plan to show."


def store_error(error: StoreError) -> None:
    """A saving or loading problem, in the store's own plain words (never a traceback)."""
    st.error(f"Sorry, something went wrong with the saved data. {plain(str(error))}")


def store() -> Store:
    """The saved-data store of this session's owner (see account.owner()); warns once per session
    when a damaged file was set aside."""
    try:
        opened = open_store(owner=account.owner())
        if st.session_state.get(state.OWNER) != opened.owner:
            _start_owner(opened)
    except StoreError as error:
        store_error(error)
        st.stop()
    if opened.recovered_from and not st.session_state.get(state.RECOVERY):
        st.session_state[state.RECOVERY] = True
        kept = plain(str(opened.recovered_from))
        st.warning(f"The saved data file was damaged; it was kept at {kept} and a new one started.")
    return opened


def _start_owner(opened: Store) -> None:
    """A new owner in this session: drop the last one's current person; record a sign-in."""
    if st.session_state.get(state.OWNER) is not None:
        forget()
    if account.shared_mode():
        audit.record(opened, "sign_in", now=clock.now())
    st.session_state[state.OWNER] = opened.owner


def _remember(person_id: int) -> None:
    """Keep the id in this session and in the URL; another person's chosen week is dropped."""
    if st.session_state.get(state.PERSON) != person_id:
        for key in (state.WEEK, state.WEEK_CHOICE):
            st.session_state.pop(key, None)
    st.session_state[state.PERSON] = person_id
    st.query_params[state.PERSON_PARAM] = str(person_id)


def choose(person_id: int) -> None:
    """Make this person the current one (a choice, a save or an import)."""
    _remember(person_id)
    for key in (state.NEW_PERSON, state.LOST):
        st.session_state.pop(key, None)


def forget() -> None:
    """No current person (after deleting them, or to start a profile for someone new)."""
    for key in (state.PERSON, state.WEEK, state.WEEK_CHOICE):
        st.session_state.pop(key, None)
    st.query_params.pop(state.PERSON_PARAM, None)


def remembered_id() -> int | None:
    """The id from this session, else from the URL; None when neither holds a possible id."""
    found = st.session_state.get(state.PERSON)
    if isinstance(found, int):
        return found
    text = st.query_params.get(state.PERSON_PARAM, "")
    return int(text) if LINK_ID.fullmatch(text) and 0 < int(text) <= ID_MAX else None


def keep_drawn_for(key: str, person: PersonRef | None) -> None:
    """A submit button's callback: keep whom its form was drawn for. Callback args are fixed when
    the page is drawn, so whoever the rerun finds, the write goes to that person or nowhere."""
    st.session_state[key] = person


def drawn_for(key: str) -> PersonRef | None:
    """Whom the form just submitted was drawn for (None: someone new)."""
    return st.session_state.pop(key, None)


def known_person(opened: Store) -> Person | None:
    """The current person without asking: the remembered one, else the only one saved when this
    tab has not lost anyone; None (with a warning when someone was lost) otherwise."""
    person_id = remembered_id()
    if person_id is None and state.PERSON_PARAM in st.query_params:
        return _lost(BAD_LINK)
    if person_id is not None:
        try:
            person = opened.get_person(person_id)
        except NotFound:
            return _lost(GONE)
        _remember(person.id)
        return person
    only = people_page(opened, size=1)
    if st.session_state.get(state.LOST) or only.total != 1:
        return None
    person = opened.get_person(only.people[0].id)
    _remember(person.id)
    return person


def _lost(message: str) -> None:
    """Say the remembered person (or the link's) is not there; ask from now on, never guess."""
    st.warning(message, icon=":material/person_off:")
    forget()
    st.session_state[state.LOST] = True


def ask_whose_plan(opened: Store) -> None:
    """ "Whose plan?": a button for each of the first saved people, the rest on Saved people."""
    st.subheader("Whose plan?")
    st.markdown("Choose whose plan to show:")
    page = people_page(opened, size=WHOSE_PLAN_MOST)
    for summary in page.people:
        st.button(
            plain(summary.name),
            key=state.CHOOSE.format(summary.id),
            on_click=choose,
            args=(summary.id,),
            width="stretch",
            icon=":material/person:",
        )
    if page.total > len(page.people):
        st.page_link(PEOPLE_PAGE, label="Find someone else by name", icon=":material/search:")
    st.page_link(PROFILE_PAGE, label="Someone new? Fill in the safety check", icon=":material/add:")


def person() -> tuple[Store, Person]:
    """The store and the current person; otherwise ask whose plan, or point to the profile page,
    and stop the page."""
    opened = store()
    try:
        found = known_person(opened)
        if found is None and count_people(opened):
            ask_whose_plan(opened)
            st.stop()
    except StoreError as error:
        store_error(error)
        st.stop()
    if found is None:
        st.info("Fill in the safety check and profile first. It takes about two minutes.")
        st.page_link(PROFILE_PAGE, label="Go to the safety check", icon=":material/checklist:")
        st.caption(DISCLAIMER)
        st.stop()
    return opened, found


def plan_profile(found: Person) -> Profile:
    """The person's profile, dated from their programme start (so plan days have dates)."""
    return found.profile.model_copy(update={"start_date": found.programme_start})


def saved_profile() -> Profile | None:
    """The current person's profile when there is one without asking, else None."""
    try:
        found = known_person(store())
    except StoreError as error:
        store_error(error)
        return None
    return None if found is None else plan_profile(found)


def week(profile: Profile) -> int:
    """The week last chosen on the plan page, else the programme week today falls in."""
    chosen = st.session_state.get(state.WEEK)
    return chosen or programme_week(profile.start_date or clock.today(), clock.today())


def profile() -> Profile:
    """The current person's profile; without one, ask or point to the profile page and stop."""
    return plan_profile(person()[1])
