"""Property-based safety invariants over the whole profile space (Hypothesis).

Every field ranges over everything the Profile accepts (metric and imperial, all conditions and red
flags together, any programme week). `make test` runs 10,000 generated profiles; `make test-deep`
sets BACKPLAN_EXAMPLES higher. A failure Hypothesis finds is shrunk to its smallest profile: copy
that into tests/test_invariant_regressions.py so it stays a regular test for good.
"""

import os
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import build_plan
from planner.guidelines import MAX_WEEK
from planner.log_entry import LogEntry
from planner.names import has_visible_character
from planner.profile import CONDITIONS, RED_FLAGS, parse_profile
from planner.selection import daily_extras
from tests.plan_checks import check_exercise_plan, check_sourced, check_stopped

EXAMPLES = int(os.environ.get("BACKPLAN_EXAMPLES", "10000"))
# The levels of clinical-facts.md section 1, written out here apart from safety.toml: suspected
# cauda equina or cord compromise is an emergency whatever else is ticked; then urgent; else soon.
EMERGENCY_FLAGS = {
    "bladder_bowel", "saddle_numbness", "weakness_both_legs", "sciatica_both_legs",
    "balance_problems",
}  # fmt: skip
URGENT_FLAGS = {"fever", "cancer_history", "limb_weakness"}
# Any letters, digits, punctuation, symbols and spaces, from any script (no control characters).
NAME_CHARACTERS = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])


def _number(low: float, high: float) -> st.SearchStrategy:
    """Whole or fractional answers across a field's full range, bounds included."""
    return st.one_of(
        st.integers(int(low), int(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
        st.sampled_from([low, high]),
    )


body_size = st.one_of(
    st.fixed_dictionaries({"height_cm": _number(100, 250), "weight_kg": _number(30, 300)}),
    st.fixed_dictionaries({"height_in": _number(39, 99), "weight_lb": _number(66, 660)}),
)

answers = st.fixed_dictionaries(
    {
        "age": st.integers(18, 110),
        "sex": st.sampled_from(["female", "male", "other"]),
        "sitting_hours": _number(0, 24),
        "active_days": st.integers(0, 7),
        "lifting": st.sampled_from(["never", "sometimes", "often"]),
        "posture": st.sampled_from(["good", "fair", "poor"]),
        "core_strength": st.sampled_from(["weak", "average", "strong"]),
        "water_l": _number(0, 10),
        "stress": st.integers(0, 10),
        "pain": st.integers(0, 10),
        "pain_weeks": st.integers(0, 520),
        "first_episode": st.booleans(),
        "long_term_steroids": st.booleans(),
        "recent_trauma": st.booleans(),
        "conditions": st.lists(st.sampled_from(CONDITIONS), unique=True),
        "red_flags": st.one_of(
            st.just([]), st.lists(st.sampled_from(RED_FLAGS), unique=True, min_size=1)
        ),
        "days_per_week": st.integers(1, 7),
        "minutes_per_day": st.integers(10, 60),
    },
    optional={
        "name": st.text(NAME_CHARACTERS, min_size=1, max_size=60).filter(has_visible_character),
        "start_date": st.dates(date(2020, 1, 1), date(2035, 12, 31)),
    },
)

profiles = st.builds(lambda a, b: a | b, answers, body_size)
weeks = st.one_of(st.integers(1, 12), st.integers(1, MAX_WEEK))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=profiles, week=weeks)
def test_every_generated_profile_gets_a_safe_plan_or_a_stop(data, week):
    """Red flags and trauma stop with the right urgency; otherwise every plan invariant holds."""
    check_profile_week(data, week)


def likely_fracture(data: dict) -> bool:
    """A fracture pointer (70+, osteoporosis, long-term steroids) with new severe pain (7+/10,
    6 weeks or less) or with a recent injury (Downie 2013; Finucane 2020)."""
    pointer = data["age"] >= 70 or "osteoporosis" in data["conditions"]
    pointer = pointer or data.get("long_term_steroids", False)
    new_severe = data["pain"] >= 7 and data["pain_weeks"] <= 6
    return pointer and (new_severe or data["recent_trauma"])


def expected_urgency(data: dict) -> str | None:
    """Emergency iff an emergency flag; else urgent iff an urgent flag or a likely fracture; else
    soon iff any flag or an injury; else no stop."""
    flags = set(data["red_flags"])
    if flags & EMERGENCY_FLAGS:
        return "emergency"
    if flags & URGENT_FLAGS or likely_fracture(data):
        return "urgent"
    return "soon" if flags or data["recent_trauma"] else None


def check_profile_week(data: dict, week: int) -> None:
    """The whole set of invariants for one profile and week (shared with the regressions)."""
    profile = parse_profile(data)
    plan = build_plan(profile, week)
    urgency = expected_urgency(data)
    if urgency:
        check_stopped(plan)
        assert plan.urgency == urgency
        assert {s.id for s in plan.stops} >= set(data["red_flags"])
    else:
        check_exercise_plan(plan, profile)
        if week > 1:
            assert plan.volume <= build_plan(profile, week - 1).volume * 1.30
    check_sourced(plan)
    assert build_plan(dict(data), week) == plan, "same profile in, same plan out"


log_weeks = st.lists(
    st.tuples(
        st.lists(st.sampled_from(["done", "partly", "skipped"]), min_size=0, max_size=7),
        st.integers(0, 10),
        st.integers(-3, 3),
    ),
    min_size=1,
    max_size=6,
)


def made_up_log(weeks) -> list[LogEntry]:
    """Entries for weeks 1..n: statuses, a pain level and a change during sessions."""
    entries = []
    for week, (statuses, pain, change) in enumerate(weeks, start=1):
        for i, status in enumerate(statuses):  # the log's own week number, as the app saves it
            entries.append(
                LogEntry(
                    day=date(2026, 1, 5) + timedelta(weeks=week - 1, days=i),
                    week=week,
                    status=status,
                    pain_before=pain,
                    pain_after=min(10, max(0, pain + change)),
                )
            )
    return entries


@settings(max_examples=EXAMPLES // 4, deadline=None)
@given(data=profiles, weeks=log_weeks)
def test_any_log_keeps_the_plan_safe_and_rising_at_most_30_percent(data, weeks):
    """Whatever the log says, doses stay in range and a week never jumps more than 30%."""
    check_logged_weeks(data | {"red_flags": [], "recent_trauma": False}, weeks)


def check_logged_weeks(data: dict, weeks) -> None:
    """Each week from the log is safe; a week rises at most 30% (a return from a flare-up or pause
    to levels already done excepted); a note that claims a change matches a real change."""
    profile = parse_profile(data)
    log = made_up_log(weeks)
    previous = None
    for week in range(1, len(weeks) + 2):
        plan = build_plan(profile, week, log=log)
        if expected_urgency(data):  # a likely fracture stops every week, whatever the log says
            check_stopped(plan)
            assert plan.urgency == expected_urgency(data)
            continue
        check_logged_plan(plan, profile)
        check_sourced(plan)
        if previous is not None:
            assert plan.progression, "a plan made from a log says which rule set its doses"
            if not is_flare_or_pause(previous):
                assert plan.volume <= previous.volume * 1.30
            if plan.progression.id in CLAIMS_A_CHANGE:
                assert sessions(plan) != sessions(previous), plan.progression.text
        previous = plan
    assert build_plan(profile, len(weeks) + 1, log=log) == plan


CLAIMS_A_CHANGE = {
    "step_up", "step_down_pain_rise", "step_down_sessions_hurt", "flare_pain_high",
    "flare_pain_rising", "pause_pain", "pause_over", "pain_eased",
}  # fmt: skip


def sessions(plan) -> tuple:
    """Each day's exercises and walk: a longer walk is a step up too (walkback)."""
    return tuple((day.exercises, day.walk_min) for day in plan.days)


def is_flare_or_pause(plan) -> bool:
    return not plan.safe_to_exercise or any(n.id == "flare_routine" for n in plan.notes)


def check_logged_plan(plan, profile) -> None:
    """A pause is a stop; a flare-up routine has the easiest, fewest exercises; else a full plan."""
    if not plan.safe_to_exercise:
        check_stopped(plan)
        assert [s.id for s in plan.stops] == ["pain_not_settling"] and plan.urgency == "soon"
    elif is_flare_or_pause(plan):
        check_exercise_plan(plan, profile, every_family=False)
        # two exercises a session, besides the daily exercises a condition needs (pelvic floor)
        extras = {e.id for e in daily_extras(profile)}
        assert max(len([p for p in d.exercises if p.id not in extras]) for d in plan.days) <= 2
        assert "physiotherapist or doctor now" in plan.advice[0]
    else:
        check_exercise_plan(plan, profile)
