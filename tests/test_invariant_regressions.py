"""Profiles the invariants must always hold for, run as plain tests on every `make test`.

Two kinds of rows: the corners of the profile space (every bound at once, every condition with
every flag), and every failure Hypothesis has shrunk for us, copied here with the date and what it
caught so it can never come back unnoticed.
"""

import pytest

from planner.guidelines import MAX_WEEK
from planner.profile import CONDITIONS, RED_FLAGS
from tests.conftest import make_profile
from tests.test_invariants import check_logged_weeks, check_profile_week

SMALLEST = make_profile(
    age=18, height_cm=100, weight_kg=30, sitting_hours=0, active_days=0, water_l=0, stress=0,
    pain=0, pain_weeks=0, days_per_week=1, minutes_per_day=10,
)  # fmt: skip
LARGEST = make_profile(
    age=110, height_cm=250, weight_kg=300, sitting_hours=24, active_days=7, water_l=10, stress=10,
    pain=10, pain_weeks=520, days_per_week=7, minutes_per_day=60, lifting="often",
    posture="poor", core_strength="weak", first_episode=True,
)  # fmt: skip
IMPERIAL = make_profile(height_cm=None, weight_kg=None, height_in=39, weight_lb=660)
EVERY_CONDITION = make_profile(conditions=list(CONDITIONS), days_per_week=7, minutes_per_day=10)

PROFILE_WEEKS = {
    "smallest-everything": (SMALLEST, 1),
    "largest-everything": (LARGEST, 2),
    "largest-last-week": (LARGEST, MAX_WEEK),
    "imperial-extremes": (IMPERIAL, 3),
    "every-condition-7-short-days": (EVERY_CONDITION, 4),
    "every-condition-older": (EVERY_CONDITION | {"age": 65}, 1),
    "every-red-flag-and-trauma": (make_profile(red_flags=list(RED_FLAGS), recent_trauma=True), 1),
    "one-soon-flag-with-conditions": (
        make_profile(red_flags=["night_pain"], conditions=list(CONDITIONS)),
        1,
    ),
    "emergency-flag-last-in-list": (make_profile(red_flags=["fever", "saddle_numbness"]), 1),
    "trauma-only": (make_profile(recent_trauma=True), 5),
    "pregnant-heavy-lifter-weak-core": (
        make_profile(conditions=["pregnancy"], lifting="often", core_strength="weak"),
        3,
    ),
    "osteoporosis-severe-pain-older": (
        make_profile(age=80, conditions=["osteoporosis"], pain=9, days_per_week=6),
        2,
    ),
    "steroids-new-severe-pain": (make_profile(long_term_steroids=True, pain=7, pain_weeks=6), 1),
    "older-after-a-fall-mild-pain": (make_profile(age=70, pain=2, recent_trauma=True), 1),
    "both-weakness-answers": (
        make_profile(red_flags=["limb_weakness", "weakness_both_legs", "fever"]),
        1,
    ),
    "fractional-answers": (
        make_profile(height_cm=171.35, weight_kg=64.2, sitting_hours=7.5, water_l=2.25),
        2,
    ),
    # 2026-11-30, shrunk by Hypothesis: ankylosing spondylitis at 65 on 4 days of 11 minutes; the
    # daily mobility and balance work left the hamstring stretch room for one session a week.
    "spondylitis-older-four-short-days": (
        make_profile(
            age=65,
            conditions=["arthritis", "ankylosing_spondylitis"],
            core_strength="weak",
            pain=0,
            days_per_week=4,
            minutes_per_day=11,
        ),
        2,
    ),
    "cannot-get-to-the-floor-pregnant-hip": (
        make_profile(floor="cannot", conditions=["pregnancy", "hip_replacement"], days_per_week=5),
        6,
    ),
}


@pytest.mark.parametrize(("data", "week"), PROFILE_WEEKS.values(), ids=PROFILE_WEEKS.keys())
def test_corner_profiles_keep_every_invariant(data, week):
    check_profile_week(data, week)


# (statuses, pain before, change in pain during sessions) for weeks 1..n.
LOGGED_WEEKS = {
    # 2026-11-24, shrunk by Hypothesis: a log with no entries at all; week 2 is still built and
    # says which rule set its doses (the property had wrongly expected that of week 1 too).
    "empty-first-week": (SMALLEST, [([], 0, 0)]),
    "every-session-hurts": (LARGEST, [(["done"] * 7, 5, 3)] * 4),
    "all-skipped-then-all-done": (EVERY_CONDITION, [(["skipped"] * 7, 2, 0), (["done"] * 7, 2, 0)]),
    "six-perfect-weeks": (SMALLEST | {"days_per_week": 7}, [(["done"] * 7, 1, -1)] * 6),
    "flare-pause-then-settled": (
        make_profile(days_per_week=4),
        [(["done"] * 4, 8, 0), (["done"] * 4, 8, 1), (["skipped"] * 4, 3, 0), (["done"] * 4, 3, 0)],
    ),
    "gentle-start-outgrown": (
        LARGEST | {"pain": 8, "pain_weeks": 1, "age": 40},
        [(["done"] * 7, 6, 0), (["done"] * 7, 4, 0), (["done"] * 7, 2, 0), (["done"] * 7, 1, 0)],
    ),
}


@pytest.mark.parametrize(("data", "weeks"), LOGGED_WEEKS.values(), ids=LOGGED_WEEKS.keys())
def test_corner_logs_keep_every_invariant(data, weeks):
    check_logged_weeks(data, weeks)
