"""The plan as JSON (planner/exports/json_plan.py): the README's contract, in the same text as
the json module would write it, for one week or several."""

import dataclasses
import json
from datetime import date

import pytest

from planner import build_plan
from planner.exports.json_plan import plan_json, plans_json
from planner.plan import WeekPlan
from tests.conftest import make_profile


def expected_keys(cls) -> set[str]:
    return {field.name for field in dataclasses.fields(cls)}


def test_the_json_is_the_plans_data_in_utf8_with_two_space_indents():
    """Same keys and values as to_dict, indent 2, non-ASCII names as UTF-8, a final newline."""
    plan = build_plan(make_profile(name="Zoë Ωmega", start_date="2026-11-30"))
    data = plan_json(plan)
    assert data == (json.dumps(plan.to_dict(), indent=2, ensure_ascii=False) + "\n").encode()
    assert "Zoë Ωmega".encode() in data
    assert json.loads(data)["days"][0]["date"] == "2026-11-30"


def test_several_weeks_are_a_list_in_week_order():
    plans = [build_plan(make_profile(), week) for week in (1, 2, 3)]
    assert [p["week"] for p in json.loads(plans_json(plans))] == [1, 2, 3]


def test_to_dict_has_every_field_of_every_dataclass_and_each_days_minutes():
    """Fields are read from the dataclasses, so a field added later appears without more code."""
    plan = build_plan(make_profile(conditions=["osteoporosis"], red_flags=[]))
    out = plan.to_dict()
    assert set(out) == expected_keys(WeekPlan)
    day = next(d for d in plan.days if d.exercises)
    raw = out["days"][plan.days.index(day)]
    assert set(raw) == expected_keys(type(day)) | {"minutes"} and raw["minutes"] == day.minutes
    assert set(raw["exercises"][0]) == expected_keys(type(day.exercises[0]))
    assert isinstance(raw["exercises"][0]["instructions"], list)


def test_a_field_added_to_a_plan_dataclass_is_converted_too():
    """A subclass with a new dated field: its value comes out as ISO text."""

    @dataclasses.dataclass(frozen=True)
    class Dated(WeekPlan):
        reviewed: date = date(2026, 12, 1)

    plan = build_plan(make_profile())
    dated = Dated(**{f.name: getattr(plan, f.name) for f in dataclasses.fields(plan)})
    assert dated.to_dict()["reviewed"] == "2026-12-01"


def test_a_value_that_is_not_json_data_is_refused_not_guessed():
    """A set (no order) in a plan is a TypeError, not silently written."""
    plan = dataclasses.replace(build_plan(make_profile()), advice={"a"})
    with pytest.raises(TypeError):
        plan.to_dict()
