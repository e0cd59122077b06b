"""The plan as JSON (the contract in the README): UTF-8, two-space indent, a final newline.

orjson writes the plan's dataclasses directly (fields in order, tuples as lists, dates as ISO text),
the same keys and values as `WeekPlan.to_dict()` without building the dicts first.
"""

from collections.abc import Sequence

import orjson

from planner.plan import WeekPlan

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def plan_json(plan: WeekPlan) -> bytes:
    """One week's plan as a JSON object."""
    return orjson.dumps(plan, option=_OPTIONS)


def plans_json(plans: Sequence[WeekPlan]) -> bytes:
    """Several weeks' plans (a programme) as a JSON list, in week order."""
    return orjson.dumps(list(plans), option=_OPTIONS)
