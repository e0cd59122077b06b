"""Progress: pain before and after each logged session, sessions done each week against the plan,
and whether pain has fallen by a meaningful amount. The numbers come from
planner/progress_summary.py; this page only draws them."""

from dataclasses import asdict

import altair as alt
import pandas as pd
import streamlit as st

from pages.parts import clock, current, log_form, router
from pages.parts.navigation import PLAN_PAGE
from pages.parts.text import plain
from planner.data_files import citation
from planner.log_entry import parse_log
from planner.plan import DISCLAIMER
from planner.progress_summary import PainChange, pain_change, pain_points, weekly_summary
from planner.schedule import programme_week
from storage import StoreError

PAIN_AXIS = alt.Scale(domain=[log_form.pain_scale()[0], log_form.pain_scale()[-1]])
COLOURS = alt.Scale(domain=["Before", "After"], range=["#b5482b", "#1e3a5f"])
GREEN = "#2e7d32"
HEIGHT = 320


def readable(chart: alt.LayerChart) -> alt.LayerChart:
    """Large axis and legend text, and no chart border."""
    axis = {"labelFontSize": 16, "titleFontSize": 17, "titleFontWeight": "normal"}
    return (
        chart.properties(height=HEIGHT)
        .configure_axis(**axis, labelColor="#333", titleColor="#333")
        .configure_legend(labelFontSize=16, titleFontSize=17, symbolSize=160, orient="top")
        .configure_view(strokeWidth=0)
    )


def pain_chart(change: PainChange, frame: pd.DataFrame) -> alt.LayerChart:
    """Pain before and after each session (points and lines), and the meaningful-change line."""
    base = alt.Chart(frame).encode(
        x=alt.X("day:T", title=None, axis=alt.Axis(format="%-d %b", tickCount="day")),
        y=alt.Y("pain:Q", title="Pain (0 to 10)", scale=PAIN_AXIS),
        color=alt.Color("when:N", title=None, scale=COLOURS),
        tooltip=[
            alt.Tooltip("day:T", title="Day", format="%A %-d %B"),
            alt.Tooltip("when:N", title="When"),
            alt.Tooltip("pain:Q", title="Pain"),
        ],
    )
    lines = base.mark_line(strokeWidth=3) + base.mark_point(size=160, filled=True, opacity=1)
    target = pd.DataFrame({"target": [change.target], "label": ["Meaningful change"]})
    rule = alt.Chart(target).mark_rule(strokeDash=[8, 6], strokeWidth=3, color=GREEN)
    rule = rule.encode(y="target:Q")
    label = rule.mark_text(align="right", dx=-4, dy=14, fontSize=16, color=GREEN).encode(
        text="label:N", x=alt.value({"expr": "width"})
    )
    return readable(lines + rule + label)


def sessions_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Sessions done (and partly done) each week as bars inside a dashed outline: those planned."""
    x = alt.X("Week:O", title="Week", axis=alt.Axis(labelAngle=0))
    width = alt.RelativeBandSize(0.6)
    planned = (
        alt.Chart(frame)
        .mark_bar(width=width, fillOpacity=0, stroke="#333", strokeWidth=2, strokeDash=[6, 4])
        .encode(x=x, y=alt.Y("Planned:Q"), tooltip=["Week:O", "Planned:Q"])
    )
    stacked = frame.melt(
        id_vars=["Week"], value_vars=["Done", "Partly"], var_name="How", value_name="Sessions"
    )
    bars = (
        alt.Chart(stacked)
        .mark_bar(width=width)
        .encode(
            x=x,
            y=alt.Y("Sessions:Q", title="Sessions", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "How:N",
                title=None,
                scale=alt.Scale(domain=["Done", "Partly"], range=["#1e3a5f", "#8fb3d9"]),
            ),
            tooltip=["Week:O", "How:N", "Sessions:Q"],
        )
    )
    return readable(bars + planned)


def log_table(log) -> pd.DataFrame:
    """The log as a plain table, newest first (the charts' numbers, readable without them)."""
    rows = [
        {
            "Day": log_form.long_date(entry.day),
            "How it went": log_form.STATUS_WORDS[entry.status],
            "Pain before": "" if entry.pain_before is None else str(entry.pain_before),
            "Pain after": "" if entry.pain_after is None else str(entry.pain_after),
            "Note": plain(entry.note),  # st.table reads Markdown
        }
        for entry in sorted(log, key=lambda e: e.day, reverse=True)
    ]
    return pd.DataFrame(rows)


router.start_page()
st.title("Progress")
store, person = current.person()
st.text(f"For {person.name}")
try:
    log = store.log_for(person.id)
except StoreError as error:
    current.store_error(error)
    st.stop()
if not log:
    st.info("Log your first session on the Weekly plan page, and your progress shows here.")
    st.page_link(PLAN_PAGE, label="Go to the weekly plan", icon=":material/calendar_month:")
    st.stop()

st.subheader("Your pain")
change = pain_change(log, baseline=person.profile.pain)
if change is None:
    st.info("Rate your pain when you log a session, and the change shows here.")
else:
    (st.success if change.meaningful else st.info)(change.text)
    st.caption(f"Source: {citation('ostelo')}")
    points = pd.DataFrame([asdict(p) for p in pain_points(log)])
    st.altair_chart(
        pain_chart(change, points),
        theme=None,
        alt="Pain before and after each logged session, with the meaningful-change line.",
    )
    st.caption(
        f"The green dashed line is pain {change.target:g} out of 10: "
        "getting down to it would be a meaningful change."
    )

st.subheader("Sessions each week")
this_week = programme_week(person.programme_start, clock.today())
weeks = pd.DataFrame(
    [
        {"Week": r.week, "Done": r.done, "Partly": r.partly, "Planned": r.planned}
        for r in weekly_summary(
            parse_log(log, person.programme_start),  # each entry in its date's week
            person.profile.days_per_week,
            through_week=this_week,
        )
    ]
)
st.altair_chart(
    sessions_chart(weeks),
    theme=None,
    alt="Sessions done each week as bars, inside an outline of the sessions planned.",
)
st.caption("Filled bars: sessions done. Dashed outline: sessions planned.")

st.subheader("Your log")
st.table(log_table(log), hide_index=True, border="horizontal")
st.caption(DISCLAIMER)
