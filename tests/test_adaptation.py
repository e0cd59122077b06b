"""Adapting next week from the log: step up, hold, step down, a flare-up routine and a pause that
act at once, see a clinician, and logs counted by their date's programme week."""

from datetime import timedelta
from itertools import pairwise
from typing import NamedTuple

import pytest

from planner import build_plan
from planner.adaptation import follow_log, needs_clinician, review_log, review_week
from tests.conftest import make_profile
from tests.log_steps import MONDAY, week_log

# Persona-like profiles (../shared/personas): desk worker, labourer, older adult with osteoporosis,
# hip replacement, pregnancy, severe pain, one long day a week, an hour a day, 75 and no condition.
PERSONAS = {
    "desk": make_profile(sitting_hours=9, pain=4, days_per_week=3, minutes_per_day=15),
    "labourer": make_profile(sex="male", lifting="often", pain=3, days_per_week=4),
    "osteoporosis-72": make_profile(age=72, conditions=["osteoporosis"], core_strength="weak"),
    "hip-68": make_profile(age=68, conditions=["hip_replacement"], pain=5, days_per_week=3),
    "pregnant": make_profile(age=30, conditions=["pregnancy"], pain=5, days_per_week=5),
    "severe": make_profile(pain=8, pain_weeks=1, days_per_week=5, minutes_per_day=20),
    "one-day": make_profile(pain=2, days_per_week=1, minutes_per_day=30),
    "sixty-minutes": make_profile(pain=1, days_per_week=6, minutes_per_day=60),
    "older-75": make_profile(age=75, pain=4, pain_weeks=3, minutes_per_day=20),
}


def sessions(plan) -> tuple:
    return tuple(day.exercises for day in plan.days)


@pytest.mark.parametrize(
    ("statuses", "before", "after", "reference", "step", "rule"),
    [
        ("ddd", 4, 4, 4, 1, "step_up"),
        ("dddp", 3, 3, 4, 1, "step_up"),  # 3.5 of 4 = 88%
        ("ddp", 3, 3, 4, 0, "hold_middling"),  # 2.5 of 4 = 63% (planned 4 below)
        ("ddd", 5, 5, 4, 0, "hold_pain_up"),
        ("ddd", 6, 6, 4, -1, "step_down_pain_rise"),
        ("ddd", 7, 5, 4, -1, "flare_pain_high"),
        ("ddd", 3, 5, 4, -1, "step_down_sessions_hurt"),
        ("sss", None, None, 4, 0, "hold_middling"),
    ],
)
def test_each_rule_applies_from_its_threshold(statuses, before, after, reference, step, rule):
    planned = 4 if statuses in ("dddp", "ddp") else 3
    review = review_week(1, week_log(1, statuses, before, after), planned, reference)
    assert (review.step, review.rule) == (step, rule)


def test_a_week_with_nothing_logged_holds():
    assert review_week(2, [], 3, 4).rule == "hold_nothing_logged"


def test_past_week_four_a_good_week_still_steps_up():
    review = review_week(4, week_log(4, "ddd", 2, 2), 3, 3)
    assert (review.step, review.rule) == (1, "step_up")


def test_at_the_maintenance_level_a_good_week_only_holds():
    profile = make_profile(pain=4, days_per_week=3)
    log = [e for w in range(1, 14) for e in week_log(w, "ddd", 4, 4)]
    week13, week14 = build_plan(profile, 13, log=log), build_plan(profile, 14, log=log)
    assert week14.progression.id == "maintenance_hold"
    assert sessions(week14) == sessions(week13) == sessions(build_plan(profile, 12))


def test_each_week_is_judged_against_the_week_before():
    """Pain 6 then 4: week 2's fall is measured from week 1's 6, not the profile's 5."""
    log = week_log(1, "ddd", 6, 6) + week_log(2, "ddd", 4, 4)
    reviews = review_log(log, 2, 3, start_pain=5)
    assert [r.rule for r in reviews] == ["hold_pain_up", "step_up"]
    assert reviews[1].values["pain_word"] == "falling"


def test_two_step_downs_running_mean_see_a_clinician():
    bad = week_log(1, "ddd", 6, 6) + week_log(2, "ddd", 8, 8)
    assert needs_clinician(review_log(bad, 2, 3, 4))
    assert not needs_clinician(review_log(bad[:3] + week_log(2, "ddd", 4, 4), 2, 3, 4))


def test_a_good_log_steps_the_plan_up_and_says_why():
    profile = make_profile(pain=4, days_per_week=3)
    flat = build_plan(profile, 2, log=[])
    good = build_plan(profile, 2, log=week_log(1, "ddd", 3, 3))
    assert good.volume > flat.volume
    assert good.progression.id == "step_up" and "100%" in good.progression.text


def test_a_week_with_pain_at_7_changes_next_weeks_plan_at_once():
    """No waiting for two bad weeks: one week at 7/10 swaps to the flare-up routine and advises
    a physiotherapist or doctor now."""
    profile = make_profile(pain=4, days_per_week=3)
    log = week_log(1, "ddd", 4, 4) + week_log(2, "ddd", 7, 7)
    week3 = build_plan(profile, 3, log=log)
    assert week3.progression.id == "flare_pain_high" and "7/10" in week3.progression.text
    assert "physiotherapist or doctor now" in week3.advice[0]
    assert max(len(d.exercises) for d in week3.days) == 2
    assert week3.volume < build_plan(profile, 2, log=log).volume
    assert week3.notes[0].id == "flare_routine"


def test_pain_rising_at_the_easiest_level_swaps_to_the_flare_up_routine():
    """Sessions leave pain 2 points higher on a gentle start (the lowest doses, nothing lower to
    step down to): a flare-up routine."""
    profile = make_profile(pain=8, days_per_week=3)
    week2 = build_plan(profile, 2, log=week_log(1, "ddd", 4, 6))
    assert week2.progression.id == "flare_pain_rising"
    assert "physiotherapist or doctor now" in week2.advice[0]


def test_pain_still_high_on_the_flare_up_routine_pauses_the_plan():
    profile = make_profile(pain=4, days_per_week=3)
    log = week_log(1, "ddd", 8, 8) + week_log(2, "ddd", 8, 8)
    week3 = build_plan(profile, 3, log=log)
    assert not week3.safe_to_exercise and week3.urgency == "soon"
    assert [s.id for s in week3.stops] == ["pain_not_settling"]
    assert "physiotherapist or doctor" in week3.stop_reasons[0]
    assert all(not d.exercises for d in week3.days)


def test_once_the_pain_settles_a_paused_plan_restarts_with_the_flare_up_routine():
    profile = make_profile(pain=4, days_per_week=3)
    log = week_log(1, "ddd", 8, 8) + week_log(2, "ddd", 8, 8) + week_log(3, "sss", 3, 3)
    week4 = build_plan(profile, 4, log=log)
    assert week4.safe_to_exercise and week4.notes[0].id == "flare_routine"


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("good_weeks", [0, 1, 2, 3])
def test_a_step_down_always_changes_the_week_it_stepped_down_from(name, good_weeks):
    """From every rung the log reaches (the lowest included), a bad week changes the next one."""
    profile = PERSONAS[name]
    done = "d" * profile["days_per_week"]
    pain = min(profile["pain"], 5)  # good weeks: pain steady or falling, below severe
    log = [e for w in range(1, good_weeks + 1) for e in week_log(w, done, pain, pain)]
    log += week_log(good_weeks + 1, done, pain, pain + 2)  # sessions leave pain 2 points higher
    stepped_from = build_plan(profile, good_weeks + 1, log=log)
    after = build_plan(profile, good_weeks + 2, log=log)
    assert after.progression.id.startswith(("step_down", "flare", "pause"))
    assert sessions(after) != sessions(stepped_from)


@pytest.mark.parametrize("name", PERSONAS)
def test_a_flare_up_week_that_goes_badly_again_pauses_rather_than_repeats(name):
    profile = PERSONAS[name]
    done = "d" * profile["days_per_week"]
    log = week_log(1, done, 8, 8) + week_log(2, done, 8, 9)
    flare, then = build_plan(profile, 2, log=log), build_plan(profile, 3, log=log)
    assert flare.notes[0].id == "flare_routine"
    assert not then.safe_to_exercise and sessions(then) != sessions(flare)


def test_a_gentle_start_is_outgrown_when_the_logged_pain_falls():
    """Started at 8/10 (three easiest exercises), logs 2/10 from week 3: the plan leaves the
    gentle start as soon as the usual exercises add no more than 30% to the week (week 4)."""
    profile = make_profile(pain=8, days_per_week=3, minutes_per_day=20)
    log = week_log(1, "ddd", 6, 6) + week_log(2, "ddd", 4, 4)
    log += week_log(3, "ddd", 2, 2) + week_log(4, "ddd", 2, 2)
    week1, week4 = build_plan(profile, 1, log=log), build_plan(profile, 4, log=log)
    assert max(len(d.exercises) for d in week1.days) == 3
    assert "gentle_start" in {n.id for n in week1.notes}
    assert week4.progression.id == "pain_eased"
    assert "gentle_start" not in {n.id for n in week4.notes}
    assert max(len(d.exercises) for d in week4.days) > 3
    assert week4.volume <= build_plan(profile, 3, log=log).volume * 1.3


def test_a_person_whose_pain_eases_keeps_progressing_week_after_week():
    """Started at 8/10, logs 2/10 from week 3: once the gentle start is outgrown (week 4) the
    week's load rises again within a few weeks, never by more than 30% a week, up to the
    maintenance level of a person at 2/10."""
    profile = make_profile(pain=8, days_per_week=3, minutes_per_day=20)
    log = week_log(1, "ddd", 6, 6) + week_log(2, "ddd", 4, 4)
    log += [e for w in range(3, 24) for e in week_log(w, "ddd", 2, 2)]
    plans = [build_plan(profile, w, log=log) for w in range(1, 25)]
    volumes = [p.volume for p in plans]
    assert plans[3].progression.id == "pain_eased"
    assert all(later <= earlier * 1.3 for earlier, later in pairwise(volumes))
    assert volumes[6] > volumes[3] * 1.3  # three weeks after the pain eased
    at_two = build_plan(make_profile(pain=2, days_per_week=3, minutes_per_day=20), 12)
    assert sessions(plans[-1]) == sessions(at_two)


def test_back_from_a_flare_up_a_person_whose_pain_eases_climbs_on_to_maintenance():
    """8/10 in week 1 (a flare-up routine), then 6, 4 and 2/10: the plan climbs the gentle path
    until the usual exercises are within 30%, then on up to the maintenance level at 2/10."""
    profile = make_profile(pain=8, pain_weeks=1, days_per_week=5, minutes_per_day=20)
    pains = [8, 6, 4] + [2] * 21
    log = [e for w, p in enumerate(pains, 1) for e in week_log(w, "ddddd", p, p)]
    plans = [build_plan(profile, w, log=log) for w in range(1, 26)]
    volumes = [p.volume for p in plans]
    assert plans[1].notes[0].id == "flare_routine"
    assert all(later <= earlier * 1.3 for earlier, later in pairwise(volumes[2:]))
    assert volumes[6] > volumes[2] * 1.5  # four weeks after the flare-up routine
    at_two = build_plan(make_profile(pain=2, days_per_week=5, minutes_per_day=20), 12)
    assert sessions(plans[-1]) == sessions(at_two)


def test_without_a_log_the_plan_assumes_steady_progress():
    profile = make_profile()
    assert build_plan(profile, 3).progression is None
    assert (
        build_plan(profile, 3).volume
        == build_plan(profile, 3, log=week_log(1, "ddd", 4, 4) + week_log(2, "ddd", 4, 4)).volume
    )


def test_moving_the_start_date_does_not_change_adherence():
    """Entries saved under the week that was open (all 'week 1') count by their dates: 2.5 of 4
    sessions in week 1 stays 62% (a hold), not 88% with a session dated in week 2."""
    days = [(0, "done"), (2, "done"), (4, "partly"), (8, "done")]
    log = [
        {"day": (MONDAY + timedelta(days=d)).isoformat(), "week": 1, "status": s, "pain_before": 3}
        for d, s in days
    ]
    profile = make_profile(days_per_week=4, start_date=MONDAY.isoformat())
    week2 = build_plan(profile, 2, log=log)
    assert week2.progression.id == "hold_middling" and "62%" in week2.progression.text
    moved = make_profile(days_per_week=4, start_date=(MONDAY - timedelta(days=7)).isoformat())
    assert build_plan(moved, 2, log=log).progression.id == "hold_nothing_logged"


class Dose(NamedTuple):
    """A stand-in prescription: only its volume matters to the walk through the log."""

    volume: int


def ladder_of(top: int):
    """Sessions whose dose grows 10% a rung up to `top`, then stays the same."""

    def sessions(week: int, level: int, pain: int) -> tuple:
        return ((Dose(100 + 10 * min(level, top)),),)

    return sessions


def good_weeks(n: int) -> list:
    return review_log(
        [e for w in range(1, n + 1) for e in week_log(w, "ddd", 3, 3)], n, 3, start_pain=3
    )


def test_a_step_up_that_would_change_nothing_holds_and_says_so():
    course = follow_log(good_weeks(3), start_level=1, start_pain=3, sessions=ladder_of(top=2))
    assert (course.level, course.review.rule) == (2, "hold_top")


def test_a_good_week_at_the_top_of_the_path_holds_as_the_maintenance_level():
    course = follow_log(good_weeks(3), start_level=1, start_pain=3, sessions=ladder_of(5), top=2)
    assert (course.level, course.review.rule) == (2, "maintenance_hold")


def test_a_step_up_never_adds_more_than_30_percent():
    def steep(week: int, level: int, pain: int) -> tuple:
        return ((Dose(100 * 2**level),),)

    course = follow_log(good_weeks(1), start_level=0, start_pain=3, sessions=steep)
    assert (course.level, course.review.rule) == (0, "hold_cap")
