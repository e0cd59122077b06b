"""The plan as JSON (the contract in the README): UTF-8, two-space indent, a final newline.

orjson writes it about ten times faster than the json module, with the same keys and values.
"""

from collections.abc import Sequence

import orjson

from planner.plan import WeekPlan

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def plan_json(plan: WeekPlan) -> bytes:
    """One week's plan as a JSON object."""
    return orjson.dumps(plan.to_dict(), option=_OPTIONS)


def plans_json(plans: Sequence[WeekPlan]) -> bytes:
    """Several weeks' plans (a programme) as a JSON list, in week order."""
    return orjson.dumps([plan.to_dict() for plan in plans], option=_OPTIONS)
