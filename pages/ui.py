"""Small helpers shared by the pages: the saved profile, the stop screen, cards and plain text.

Display only: every decision (safety, doses, risk) comes from `planner`.
"""

import string
from dataclasses import fields

import streamlit as st

from planner import Profile, ProfileError, WeekPlan, parse_profile
from planner.data_files import Exercise, exercises_by_id, safety_rules
from planner.plan import Prescription, Risk


def _use_app_navigation() -> None:
    """Run every visit through app.py's st.navigation.

    Streamlit keeps a relic of its old multipage mode: while no session of a fresh server has run
    app.py yet, a visit straight to /plan runs pages/plan.py alone, with a sidebar listing every
    file in pages/. Every page imports this module, so the first such visit switches the server to
    st.navigation and reruns once; later visits never get here with the flag set.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


_use_app_navigation()


PROFILE_KEY = "profile"  # the validated profile, as Profile.model_dump()
WEEK_KEY = "plan_week"  # the week last chosen on the plan page, shared with the other pages
PROFILE_PAGE = "pages/profile.py"
PLAN_PAGE = "pages/plan.py"
DISCLAIMER = next(f.default for f in fields(WeekPlan) if f.name == "disclaimer")
URGENCY = {
    "emergency": "Go to an emergency department now",
    "soon": "See a doctor in the next few days, before you exercise",
}
POSITIONS = {
    "supine": "Lying on your back",
    "prone": "Lying on your front",
    "side_lying": "Lying on your side",
    "quadruped": "On hands and knees",
    "seated": "Sitting on a chair",
    "standing": "Standing",
}


def plain(text: str) -> str:
    """Text with every Markdown special character escaped, so it shows exactly as typed."""
    return "".join("\\" + ch if ch in string.punctuation else ch for ch in text)


def saved_profile() -> Profile | None:
    """The profile saved by the profile page, or None."""
    data = st.session_state.get(PROFILE_KEY)
    if data is None:
        return None
    try:
        return parse_profile(data)
    except ProfileError:
        return None


def save_profile(profile: Profile) -> None:
    """Keep the validated profile for the other pages."""
    st.session_state[PROFILE_KEY] = profile.model_dump()


def chosen_week() -> int:
    """The programme week last chosen on the plan page (1 when none)."""
    return st.session_state.get(WEEK_KEY, 1)


def require_profile() -> Profile:
    """The saved profile; without one, point to the profile page and stop the page."""
    profile = saved_profile()
    if profile is None:
        st.info("Fill in the safety check and profile first. It takes about two minutes.")
        st.page_link(PROFILE_PAGE, label="Go to the safety check", icon=":material/checklist:")
        st.caption(DISCLAIMER)
        st.stop()
    return profile


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


def picture(exercise: Exercise, width: int = 180) -> None:
    """The exercise's drawing, when the catalogue has one."""
    if exercise.image_path.is_file():
        st.image(str(exercise.image_path), width=width, alt=f"Drawing: {exercise.name}")


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
    if exercise.image_path.is_file():
        left, words = st.columns([1, 2], vertical_alignment="center")
        with left:
            picture(exercise, width=160)
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


def field_range(field: str) -> tuple[int, int]:
    """The lowest and highest value the planner allows for a whole-number profile field."""
    limits = {type(m).__name__: m for m in Profile.model_fields[field].metadata}
    return limits["Ge"].ge, limits["Le"].le
