"""The named limits: the profile and the log accept exactly their range, and say it in words."""

from datetime import date, timedelta

import pytest

from planner import limits
from planner.guidelines import MAX_WEEK
from planner.log_entry import LogEntry, LogEntryError, parse_log_entry
from planner.profile import NUMBER_TYPES, Profile, ProfileError, parse_profile
from tests.conftest import make_profile

IMPERIAL = {"height_cm": None, "weight_kg": None, "height_in": 66, "weight_lb": 150}
BOUNDS = [(f, b) for f, b in limits.PROFILE_LIMITS.items() if isinstance(b, limits.Bound)]


def with_value(field: str, value) -> dict:
    """The test profile with `field` set, in imperial units when the field is one."""
    units = IMPERIAL if field in ("height_in", "weight_lb") else {}
    return make_profile(**units) | {field: value}


@pytest.mark.parametrize(("field", "bound"), BOUNDS, ids=[f for f, _ in BOUNDS])
def test_a_profile_accepts_both_ends_of_each_named_range(field, bound):
    """The lowest and the highest value of the limit pass validation."""
    for value in (bound.low, bound.high):
        assert getattr(parse_profile(with_value(field, value)), field) == value


@pytest.mark.parametrize(("field", "bound"), BOUNDS, ids=[f for f, _ in BOUNDS])
def test_a_profile_refuses_just_outside_each_named_range_in_its_words(field, bound):
    """One below and one above are refused with the limit's own words."""
    step = 1 if bound.whole else 0.1
    for value in (bound.low - step, bound.high + step):
        with pytest.raises(ProfileError) as caught:
            parse_profile(with_value(field, value))
        assert str(caught.value) == f"{field}: must be {bound.allowed()} (got {value!r})"


def test_every_number_field_of_the_profile_has_a_named_limit():
    """A number field added to Profile without a limit here would be checked by nothing named."""
    numbers = [f for f, info in Profile.model_fields.items() if info.annotation in NUMBER_TYPES]
    assert sorted(numbers) == sorted(f for f, _ in BOUNDS)


def test_a_name_of_the_named_length_is_kept_and_one_more_character_refused():
    """NAME.most characters pass; one more is refused in the limit's words."""
    most = limits.NAME.most
    assert parse_profile(make_profile(name="x" * most)).name == "x" * most
    with pytest.raises(ProfileError, match=f"^name: must be {limits.NAME.allowed()}"):
        parse_profile(make_profile(name="x" * (most + 1)))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("pain_before", limits.PAIN.high + 1, "pain_before: must be a whole number from 0 to 10"),
        ("pain_after", limits.PAIN.low - 1, "pain_after: must be a whole number from 0 to 10"),
        ("week", limits.WEEK.low - 1, f"week: must be a whole number from 1 to {limits.WEEK.high}"),
        ("week", limits.WEEK.high + 1, "week: must be a whole number from 1 to"),
        ("note", "x" * (limits.NOTE.most + 1), "note: must be text of at most 500 characters"),
        ("status", "finished", "status: must be one of: done, partly, skipped (got 'finished')"),
        ("day", "monday", "day: must be a date as YYYY-MM-DD (got 'monday')"),
        ("mood", "fine", "mood: is not a known field"),
    ],
)
def test_a_log_entry_outside_its_limits_is_refused_naming_the_field(field, value, message):
    """parse_log_entry says what the field allows, in the same words as the profile."""
    data = {"day": date(2026, 1, 5), "week": 1, "status": "done", field: value}
    with pytest.raises(LogEntryError) as caught:
        parse_log_entry(data)
    assert str(caught.value).startswith(message)


def test_a_log_entry_at_its_limits_is_kept():
    """The highest week and pain and the longest note pass."""
    data = {"day": date(2026, 1, 5), "week": limits.WEEK.high, "status": "partly"}
    data |= {"pain_before": limits.PAIN.high, "pain_after": limits.PAIN.low}
    entry = parse_log_entry(data | {"note": "x" * limits.NOTE.most})
    assert entry == LogEntry(**data, note="x" * limits.NOTE.most)


def test_the_pain_scale_is_every_whole_number_of_the_range_and_only_whole_ranges_have_steps():
    """steps() lists the pain buttons; a range of decimals has none to list."""
    assert limits.PAIN.steps() == tuple(range(limits.PAIN.low, limits.PAIN.high + 1))
    with pytest.raises(ValueError, match="not a range of whole numbers"):
        limits.WATER_L.steps()


def test_a_programme_from_the_last_start_date_ends_before_the_last_date_python_knows():
    """START_DATE.last plus MAX_WEEK weeks, and a calendar event the day after, still fit."""
    assert limits.START_DATE.last + timedelta(weeks=MAX_WEEK, days=1) < date.max


def test_a_start_date_past_the_named_limit_is_refused_in_its_words():
    """The last start date passes; the day after is refused, saying the limit."""
    last = limits.START_DATE.last
    assert parse_profile(make_profile(start_date=last.isoformat())).start_date == last
    later = (last + timedelta(days=1)).isoformat()
    with pytest.raises(ProfileError) as caught:
        parse_profile(make_profile(start_date=later))
    assert str(caught.value) == f"start_date: must be {limits.START_DATE.allowed()} (got {later!r})"
