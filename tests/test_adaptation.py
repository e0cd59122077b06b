"""Adapting next week from the log: step up, hold, step down, maintenance, see a clinician."""

from datetime import date, timedelta

import pytest

from planner import build_plan
from planner.adaptation import adapted_rung, needs_clinician, review_log, review_week
from planner.log_entry import LogEntry
from tests.conftest import make_profile

MONDAY = date(2026, 11, 30)


def week_log(week: int, statuses: str, before: int | None = 4, after: int | None = 4) -> list:
    """Entries for a week: statuses as letters, d(one) p(artly) s(kipped)."""
    names = {"d": "done", "p": "partly", "s": "skipped"}
    first = MONDAY + timedelta(weeks=week - 1)
    return [
        LogEntry(
            day=first + timedelta(days=i),
            week=week,
            status=names[c],
            pain_before=before,
            pain_after=after,
        )
        for i, c in enumerate(statuses)
    ]


@pytest.mark.parametrize(
    ("statuses", "before", "after", "reference", "step", "rule"),
    [
        ("ddd", 4, 4, 4, 1, "step_up"),
        ("dddp", 3, 3, 4, 1, "step_up"),  # 3.5 of 4 = 88%
        ("ddp", 3, 3, 4, 0, "hold_middling"),  # 2.5 of 4 = 63% (planned 4 below)
        ("ddd", 5, 5, 4, 0, "hold_pain_up"),
        ("ddd", 6, 6, 4, -1, "step_down_pain_rise"),
        ("ddd", 7, 5, 4, -1, "step_down_pain_high"),
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
    review = review_week(12, week_log(12, "ddd", 2, 2), 3, 3)
    assert (review.step, review.rule) == (0, "maintenance_hold")


def test_each_week_is_judged_against_the_week_before():
    """Pain 6 then 4: week 2's fall is measured from week 1's 6, not the profile's 5."""
    log = week_log(1, "ddd", 6, 6) + week_log(2, "ddd", 4, 4)
    reviews = review_log(log, 2, 3, start_pain=5)
    assert [r.rule for r in reviews] == ["hold_pain_up", "step_up"]
    assert reviews[1].values["pain_word"] == "falling"


def test_the_rung_never_goes_below_the_bottom():
    reviews = review_log(week_log(1, "ddd", 8, 8) + week_log(2, "ddd", 8, 8), 2, 3, 8)
    assert adapted_rung(0, reviews) == 0


def test_two_step_downs_running_mean_see_a_clinician():
    bad = week_log(1, "ddd", 7, 7) + week_log(2, "ddd", 8, 8)
    assert needs_clinician(review_log(bad, 2, 3, 5))
    assert not needs_clinician(review_log(bad[:3] + week_log(2, "ddd", 4, 4), 2, 3, 5))


def test_a_good_log_steps_the_plan_up_and_says_why():
    profile = make_profile(pain=4, days_per_week=3)
    flat = build_plan(profile, 2, log=[])
    good = build_plan(profile, 2, log=week_log(1, "ddd", 3, 3))
    assert good.volume > flat.volume
    assert good.progression.id == "step_up" and "100%" in good.progression.text


def test_a_bad_log_steps_the_plan_down_and_advises_a_clinician_after_two_weeks():
    profile = make_profile(pain=3, days_per_week=3)
    log = week_log(1, "ddd", 3, 3) + week_log(2, "ddd", 3, 3) + week_log(3, "ddd", 6, 6)
    week4 = build_plan(profile, 4, log=log)
    assert week4.progression.id == "step_down_pain_rise"
    assert week4.volume < build_plan(profile, 3, log=log).volume
    log += week_log(4, "ddd", 8, 8)
    week5 = build_plan(profile, 5, log=log)
    assert "two weeks running" in week5.advice[0]


def test_without_a_log_the_plan_assumes_steady_progress():
    profile = make_profile()
    assert build_plan(profile, 3).progression is None
    assert (
        build_plan(profile, 3).volume
        == build_plan(profile, 3, log=week_log(1, "ddd", 4, 4) + week_log(2, "ddd", 4, 4)).volume
    )
