"""Property-based safety invariants over generated profiles (Hypothesis).

`make test` runs a few hundred examples; set BACKPLAN_EXAMPLES for a deeper run.
"""

import os
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import build_plan
from planner.log_entry import LogEntry
from planner.profile import CONDITIONS, RED_FLAGS, parse_profile
from tests.plan_checks import check_exercise_plan, check_stopped

EXAMPLES = int(os.environ.get("BACKPLAN_EXAMPLES", "400"))

profiles = st.fixed_dictionaries(
    {
        "age": st.integers(18, 110),
        "sex": st.sampled_from(["female", "male", "other"]),
        "height_cm": st.integers(140, 210),
        "weight_kg": st.integers(40, 200),
        "sitting_hours": st.integers(0, 16),
        "active_days": st.integers(0, 7),
        "lifting": st.sampled_from(["never", "sometimes", "often"]),
        "posture": st.sampled_from(["good", "fair", "poor"]),
        "core_strength": st.sampled_from(["weak", "average", "strong"]),
        "water_l": st.floats(0, 5, allow_nan=False),
        "stress": st.integers(0, 10),
        "pain": st.integers(0, 10),
        "pain_weeks": st.integers(0, 60),
        "first_episode": st.booleans(),
        "recent_trauma": st.booleans(),
        "conditions": st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=4),
        "red_flags": st.lists(st.sampled_from(RED_FLAGS), unique=True, max_size=2),
        "days_per_week": st.integers(1, 7),
        "minutes_per_day": st.integers(10, 60),
    }
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles, week=st.integers(1, 8))
def test_every_generated_profile_gets_a_safe_plan_or_a_stop(data, week):
    """Red flags stop; otherwise contraindications, doses, budget, spread and coverage hold."""
    profile = parse_profile(data)
    plan = build_plan(profile, week)
    if data["red_flags"] or data["recent_trauma"]:
        check_stopped(plan)
    else:
        check_exercise_plan(plan, profile)
        if week > 1:
            assert plan.volume <= build_plan(profile, week - 1).volume * 1.30
    assert build_plan(profile, week) == plan


log_weeks = st.lists(
    st.tuples(
        st.lists(st.sampled_from(["done", "partly", "skipped"]), min_size=0, max_size=7),
        st.integers(0, 10),
        st.integers(-3, 3),
    ),
    min_size=1,
    max_size=6,
)


def made_up_log(weeks) -> list[LogEntry]:
    """Entries for weeks 1..n: statuses, a pain level and a change during sessions."""
    entries = []
    for week, (statuses, pain, change) in enumerate(weeks, start=1):
        for i, status in enumerate(statuses):
            entries.append(
                LogEntry(
                    day=date(2026, 1, 5) + timedelta(weeks=week - 1, days=i),
                    week=week,
                    status=status,
                    pain_before=pain,
                    pain_after=min(10, max(0, pain + change)),
                )
            )
    return entries


@settings(max_examples=EXAMPLES // 2, deadline=None)
@given(data=profiles, weeks=log_weeks)
def test_any_log_keeps_the_plan_safe_and_rising_at_most_30_percent(data, weeks):
    """Whatever the log says, doses stay in range and a week never jumps more than 30%."""
    data = data | {"red_flags": [], "recent_trauma": False}
    profile = parse_profile(data)
    log = made_up_log(weeks)
    previous = None
    for week in range(1, len(weeks) + 2):
        plan = build_plan(profile, week, log=log)
        check_exercise_plan(plan, profile)
        if previous is not None:
            assert plan.volume <= previous * 1.30
        previous = plan.volume
