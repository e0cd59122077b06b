"""BackPlan's domain core: profile in, a safe personal weekly plan out. No streamlit here.

The names below load their modules on first use (a module __getattr__, PEP 562), so importing a
light module such as planner.plan does not load the whole core (pydantic's models): the app's Home
page, which needs only the disclaimer, shows sooner after a cold start.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.builder import build_plan
    from planner.plan import WeekPlan
    from planner.profile import Profile, ProfileError, parse_profile

__all__ = ["Profile", "ProfileError", "WeekPlan", "build_plan", "parse_profile"]
_HOMES = {
    "Profile": "planner.profile",
    "ProfileError": "planner.profile",
    "WeekPlan": "planner.plan",
    "build_plan": "planner.builder",
    "parse_profile": "planner.profile",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'planner' has no attribute {name!r}")
    value = getattr(import_module(_HOMES[name]), name)
    globals()[name] = value  # found directly from now on
    return value
