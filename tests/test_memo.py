"""Remembered steps and paths: bounded, and never different from working them out afresh."""

from hypothesis import HealthCheck, given, settings

from planner import overload, weeks
from planner.memo import Memo
from planner.profile import parse_profile
from tests.plan_strategies import shaping_profiles_with_pain


def test_a_memo_keeps_its_size_by_forgetting_the_oldest_first():
    memo: Memo[int] = Memo(2)
    calls = []
    for key in ["a", "b", "a", "c", "a", "b"]:
        memo.get(key, lambda k=key: calls.append(k) or len(calls))
    assert calls == ["a", "b", "c", "a", "b"]  # each new key pushed out the oldest
    assert len(memo.found) == 2


def _fresh_path(profile) -> tuple:
    """The person's dose path with nothing remembered from anyone else."""
    kept = overload._steps.found, weeks._paths.found
    overload._steps.found, weeks._paths.found = {}, {}
    weeks.dose_path.cache_clear()
    try:
        return weeks.dose_path(profile.model_dump_json())
    finally:
        overload._steps.found, weeks._paths.found = kept
        weeks.dose_path.cache_clear()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=shaping_profiles_with_pain, second=shaping_profiles_with_pain)
def test_a_path_remembered_from_someone_else_is_the_one_worked_out_afresh(first, second):
    weeks.dose_path(parse_profile(first).model_dump_json())  # fills the memos
    profile = parse_profile(second)
    assert weeks.dose_path(profile.model_dump_json()) == _fresh_path(profile)
