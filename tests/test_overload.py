"""Progressive overload: more repetitions, then sets, then harder variants, up to a maintenance
level, never more than 30% a week, always within the time offered."""

import itertools

import pytest

from planner import build_plan
from planner.data_files import exercises_by_id
from planner.dosing import top_rung
from planner.overload import fit, next_slots, session_seconds, step_up, week_volume
from planner.profile import parse_profile
from tests.conftest import make_profile
from tests.log_steps import week_log

BY_ID = exercises_by_id()


def doses(plan) -> list[tuple[str, str]]:
    return [(p.id, p.dose_text) for d in plan.sessions for p in d.exercises]


def test_a_pain_free_persons_week_eight_is_harder_than_week_four():
    """Today's fault: week 8 was week 4's 1 x 8 tilts. Now harder variants, sets or longer walks."""
    profile = make_profile(pain=0, days_per_week=3, minutes_per_day=40)
    week4, week8 = build_plan(profile, 4), build_plan(profile, 8)
    assert doses(week8) != doses(week4) or week8.sessions[0].walk_min > week4.sessions[0].walk_min
    assert week8.sessions[0].minutes >= week4.sessions[0].minutes


def test_a_good_log_keeps_the_plan_progressing_past_week_four():
    profile = make_profile(pain=3, days_per_week=3, minutes_per_day=60)
    log = [e for week in range(1, 7) for e in week_log(week, "ddd", 2, 2)]
    week5, week7 = build_plan(profile, 5, log=log), build_plan(profile, 7, log=log)
    assert week7.progression.id == "step_up"
    assert week7.sessions[0].walk_min > week5.sessions[0].walk_min


def test_the_plan_reaches_a_maintenance_level_and_says_so():
    profile = make_profile(pain=3, days_per_week=3, minutes_per_day=30)
    late = build_plan(profile, 20)
    assert doses(late) == doses(build_plan(profile, 13))
    assert any(n.id == "maintenance" for n in late.notes)
    assert any(n.id == "progressing" for n in build_plan(profile, 6).notes)


def test_no_week_rises_more_than_30_percent_over_the_last():
    for changes in ({}, {"pain": 0, "minutes_per_day": 60}, {"age": 75, "days_per_week": 6}):
        profile = make_profile(**changes)
        volumes = [build_plan(profile, week).volume for week in range(1, 14)]
        for before, after in itertools.pairwise(volumes):
            assert after <= before * 1.30, (changes, volumes)


def test_at_the_top_of_its_ladder_an_exercise_moves_to_its_harder_variant_at_no_more_volume():
    profile = parse_profile(make_profile())
    bird_dog = BY_ID["bird_dog"]
    top = top_rung(bird_dog, profile)
    options = next_slots((bird_dog, top), profile, frozenset({"bird_dog_hold"}))
    assert [e.id for e, _ in options] == ["bird_dog_hold"]
    harder, rung = options[0]
    assert week_volume((((harder, rung),),), profile) <= week_volume((((bird_dog, top),),), profile)


def test_a_harder_variant_that_is_not_safe_is_never_chosen():
    profile = parse_profile(make_profile())
    top = top_rung(BY_ID["bird_dog"], profile)
    assert next_slots((BY_ID["bird_dog"], top), profile, frozenset()) == []


def test_a_step_up_keeps_every_session_within_its_time_and_the_weekly_rise_near_20_percent():
    profile = parse_profile(make_profile())
    week = (((BY_ID["bird_dog"], 0), (BY_ID["sphinx"], 0)), ((BY_ID["glute_bridge"], 0),))
    for _ in range(10):
        after = step_up(week, profile, 240, frozenset())
        assert all(session_seconds(s, profile) <= 240 for s in after)
        assert week_volume(after, profile) <= week_volume(week, profile) * 1.20
        week = after
    assert week != (((BY_ID["bird_dog"], 0), (BY_ID["sphinx"], 0)), ((BY_ID["glute_bridge"], 0),))


def test_when_time_is_short_the_strength_and_balance_kept_in_every_session_go_last():
    profile = parse_profile(make_profile(age=80))
    session = tuple(
        (BY_ID[i], 0) for i in ("sphinx", "hamstring_standing_supported", "sit_to_stand")
    )
    kept = fit(session, profile, 200, frozenset({"strength_balance"}))
    assert [e.id for e, _ in kept][-1] == "sit_to_stand" and len(kept) < 3


@pytest.mark.parametrize("conditions", [["ankylosing_spondylitis"], ["pregnancy"], []])
def test_an_exercise_has_one_dose_on_every_day_of_a_week(profile_factory, conditions):
    """Sessions fitted to their time one by one never give a daily exercise two doses."""
    for days, minutes, age in [(7, 11, 74), (3, 10, 75), (6, 27, 40), (5, 20, 30)]:
        profile = profile_factory(
            conditions=conditions, days_per_week=days, minutes_per_day=minutes, age=age, pain=2
        )
        for week in (1, 3, 8):
            doses: dict[str, set] = {}
            for day in build_plan(profile, week).days:
                for p in day.exercises:
                    doses.setdefault(p.id, set()).add((p.sets, p.reps, p.hold_s))
            assert all(len(found) == 1 for found in doses.values()), (days, minutes, week, doses)
