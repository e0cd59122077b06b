"""BackPlan's domain core: profile in, a safe personal weekly plan out. No streamlit here."""

from planner.builder import build_plan
from planner.plan import WeekPlan
from planner.profile import Profile, ProfileError, parse_profile

__all__ = ["Profile", "ProfileError", "WeekPlan", "build_plan", "parse_profile"]
