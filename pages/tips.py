"""Tips: advice that fits the person, grouped by topic, each with its source; BMI and water."""

import streamlit as st

from pages.parts import cards, current, router
from planner import build_plan

router.start_page()
st.title("Tips")
profile = current.profile()
plan = build_plan(profile, current.week(profile))
if not plan.safe_to_exercise:
    cards.stop_screen(plan)
    st.caption(plan.disclaimer)
    st.stop()

st.subheader("Your numbers")
left, right = st.columns(2)
left.metric(
    "Body-mass index (BMI)",
    f"{plan.bmi:.1f}",
    help="Weight in kg divided by height in metres squared.",
)
left.markdown(f"Band: **{plan.bmi_band}**")
if plan.water_target_l is None:
    right.metric("Water a day", "Ask your doctor")
    right.markdown("Follow your doctor's advice on how much to drink.")
else:
    right.metric("Water a day", f"{plan.water_target_l:.1f} L")
    right.markdown("From food and drinks together.")

for title in dict.fromkeys(tip.title for tip in plan.tips):
    st.subheader(title)
    for tip in (tip for tip in plan.tips if tip.title == title):
        st.markdown(tip.text)
        st.caption(f"Source: {tip.source}")
st.caption(plan.disclaimer)
