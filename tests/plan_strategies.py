"""Hypothesis strategies for the answers that shape a plan's exercises and doses."""

from hypothesis import strategies as st

from planner.profile import CONDITIONS
from tests.conftest import make_profile

SHAPING = {
    "age": st.integers(18, 100),
    "sex": st.sampled_from(["female", "male", "other"]),
    "core_strength": st.sampled_from(["weak", "average", "strong"]),
    "lifting": st.sampled_from(["never", "sometimes", "often"]),
    "floor": st.sampled_from(["easy", "hard", "cannot"]),
    "conditions": st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=4),
    "days_per_week": st.integers(1, 7),
    "minutes_per_day": st.integers(10, 60),
}

shaping_profiles = st.builds(make_profile, **SHAPING)  # the pain as in conftest's base profile
shaping_profiles_with_pain = st.builds(make_profile, pain=st.integers(0, 10), **SHAPING)
