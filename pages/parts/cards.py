"""Cards the pages share: the stop screen, the risk summary, an exercise's drawing and an exercise
of a session. Display only: every decision (safety, doses, risk) comes from `planner`."""

import base64
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from pages.parts.text import TEXTS, numbered
from planner import WeekPlan
from planner.data_files import Exercise, exercises_by_id, safety_rules
from planner.plan import Prescription, Risk


def stop_screen(plan: WeekPlan) -> None:
    """The screen for a plan that must not go ahead: how urgent, and why. No exercises."""
    headline = safety_rules().urgency[plan.urgency].headline
    st.error(f"### {headline}\nPlease do not start these exercises yet.")
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


@st.cache_data(show_spinner=False)
def drawing(path: Path) -> str | None:
    """The SVG drawing at `path` as the data URI st.image would make of the file (None without a
    file). Read once per process: the plan page shows a dozen or more on every rerun."""
    if not path.is_file():
        return None
    svg = path.read_text(encoding="utf-8")
    if "xmlns" not in svg:  # as Streamlit does: an <img> needs it to show the SVG
        svg = svg.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return f"data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}"


def picture(exercise: Exercise, width: int = 180, uri: str | None = None) -> None:
    """The exercise's drawing (`uri`, else read from the catalogue), when there is one."""
    uri = uri or drawing(exercise.image_path)
    if uri is not None:
        st.image(uri, width=width, alt=f"Drawing: {exercise.name}")


def not_for(exercise: Exercise) -> list[str]:
    """Plain labels of the conditions (and older age) whose rules leave this exercise out."""
    rules = safety_rules()
    labels = [c.label.lower() for c in rules.conditions.values() if c.forbids & exercise.tags]
    if rules.older_adult.forbids & exercise.tags:
        labels.append("older adults (a supported version is used)")
    return labels


def with_picture(exercise: Exercise, widths: list[int], size: int) -> DeltaGenerator:
    """Columns of the given `widths`, the drawing in the first (when there is one); returns the
    place for the words."""
    uri = drawing(exercise.image_path)
    if uri is None:
        return st.container()
    left, words = st.columns(widths, vertical_alignment="center")
    with left:
        picture(exercise, width=size, uri=uri)
    return words


def prescription_card(item: Prescription) -> None:
    """One exercise of a session: picture (when there is one), name, dose, and the steps."""
    words = with_picture(exercises_by_id()[item.id], [5, 6], 260)
    with words:
        st.markdown(f"**{item.name}**  \n{item.dose_text}")
        st.caption(TEXTS["positions"][item.position])
        with st.expander("How to do it"):
            st.markdown(numbered(item.instructions))
