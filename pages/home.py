"""Home: what BackPlan is, who it is for, how it works, and where to start; on a shared
deployment also who is signed in (with a sign-out button), or the sign-in button."""

import streamlit as st

from pages.parts import account, clock, router, state
from pages.parts.navigation import PROFILE_PAGE
from planner.plan import DISCLAIMER

# Home imports pages.parts.current and storage only when someone is signed in: with pydantic and
# SQLAlchemy they are most of the wait for a fresh server's first page.


def signed_in() -> None:
    """Who is signed in (their provider's display name) and the sign-out button."""
    from pages.parts import current
    from pages.parts.text import plain
    from storage import StoreError, audit

    opened = current.store()  # this account's data; records the session's sign-in once
    shown = st.user.get("name") or st.user.get("email") or "your account"
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(f"Signed in as **{plain(str(shown))}**.")
    if right.button("Sign out", key=state.SIGN_OUT, icon=":material/logout:", width="stretch"):
        try:
            audit.record(opened, "sign_out", now=clock.now())
        except StoreError as error:
            current.store_error(error)
        current.forget()
        st.session_state.pop(state.OWNER, None)
        st.logout()


router.start_page()
st.title("BackPlan")
if account.shared_mode():
    if account.signed_in_owner() is None:
        account.sign_in_prompt()
    else:
        signed_in()
st.markdown(
    "**A safe, personal weekly exercise plan for back spasms and low back pain.** "
    "Gentle stretches and core exercises, with pictures, how many to do and how long to hold, "
    "made for you in about two minutes."
)

st.markdown(
    "About **619 million people** had low back pain in 2020, and it is the leading cause of "
    "disability worldwide."
)
st.caption(
    "Source: GBD 2021 Low Back Pain Collaborators (Ferreira et al.), Lancet Rheumatology 2023."
)

st.subheader("Who it is for")
st.markdown(
    "- **People with back spasms or low back pain** who want to know what to do each day, "
    "how much, and whether it is safe for them.\n"
    "- **Physiotherapists, trainers and nurses** who print a one-page weekly plan for the people "
    "they look after."
)

st.subheader("How it works")
st.markdown(
    "1. **Safety check.** A few questions about warning signs. If any of them apply, BackPlan "
    "tells you how soon to see a doctor and gives no exercises.\n"
    "2. **Your profile.** Age, height and weight, sitting, lifting, posture, pain and how much "
    "time you have. BackPlan explains what raises your risk and why.\n"
    "3. **Your weekly plan.** Exercises for each day with pictures and doses, tips that fit you, "
    "and a sheet to print, a calendar file and a table to download."
)

st.page_link(PROFILE_PAGE, label="Start the safety check", icon=":material/arrow_forward:")

st.info(
    "**Please note.** BackPlan is not a substitute for a doctor or physiotherapist. It does not "
    "diagnose, names no supplements or products and prescribes no medicines. If your pain "
    "gets worse, or you are unsure, see a clinician."
)
st.caption(DISCLAIMER)
