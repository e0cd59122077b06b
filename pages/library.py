"""Exercise library: every exercise in the catalogue, by family, with who it is not for."""

import streamlit as st

from pages.parts import cards, current, router
from pages.parts.text import TEXTS, bulleted, numbered
from planner import WeekPlan, build_plan
from planner.data_files import FAMILIES, Exercise, catalogue, citation, exercises_by_id
from planner.plan import DISCLAIMER
from planner.selection import FAMILY_NAMES


def saved_plan() -> WeekPlan | None:
    """The current person's plan, when there is a person without asking."""
    profile = current.saved_profile()
    return None if profile is None else build_plan(profile, current.week(profile))


def entry(exercise: Exercise, mine: bool) -> None:
    """One exercise: picture, what to do, what to avoid, who it is not for, and its source."""
    names = exercises_by_id()
    with st.container(border=True):
        st.subheader(exercise.name)
        if mine:
            st.badge("In your plan", icon=":material/check:", color="green")
        cards.picture(exercise, width=240)
        st.markdown(f"**Position:** {TEXTS['positions'][exercise.position].lower()}")
        st.markdown(numbered(exercise.steps))
        if exercise.cautions:
            st.markdown("**Take care**\n\n" + bulleted(exercise.cautions))
        if labels := cards.not_for(exercise):
            st.markdown("**Not for:** " + ", ".join(labels))
        variants = [
            f"{word}: {names[other].name}"
            for word, other in (("Easier", exercise.easier), ("Harder", exercise.harder))
            if other
        ]
        if variants:
            st.markdown("  \n".join(variants))
        with st.expander("Common mistakes"):
            st.markdown(bulleted(exercise.mistakes))
        st.caption(f"Source: {citation(exercise.source)}")


router.start_page()
st.title("Exercise library")
plan = saved_plan()
if plan is not None and not plan.safe_to_exercise:  # the warning sign above every exercise
    cards.stop_screen(plan)
st.markdown(
    "All the exercises BackPlan can choose from. Your plan picks the ones that are safe for you; "
    "do only what your plan shows, and stop if an exercise causes pain."
)
mine = {item.id for day in plan.days for item in day.exercises} if plan else set()
if mine:
    st.info("The exercises marked 'In your plan' are the ones in your weekly plan.")
tabs = st.tabs([FAMILY_NAMES[f] for f in FAMILIES])
for tab, family in zip(tabs, FAMILIES, strict=True):
    with tab:
        for exercise in catalogue().exercise:
            if exercise.family == family:
                entry(exercise, exercise.id in mine)
st.caption(DISCLAIMER)
