"""Remembered steps and paths: bounded, and never different from working them out afresh."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import overload, weeks
from planner.memo import Memo
from planner.profile import CONDITIONS, parse_profile
from tests.conftest import make_profile

# The answers that shape the exercises and their doses.
profiles = st.builds(
    make_profile,
    age=st.integers(18, 100),
    sex=st.sampled_from(["female", "male", "other"]),
    pain=st.integers(0, 10),
    core_strength=st.sampled_from(["weak", "average", "strong"]),
    lifting=st.sampled_from(["never", "sometimes", "often"]),
    floor=st.sampled_from(["easy", "hard", "cannot"]),
    conditions=st.lists(st.sampled_from(CONDITIONS), unique=True, max_size=3),
    days_per_week=st.integers(1, 7),
    minutes_per_day=st.integers(10, 60),
)


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
@given(first=profiles, second=profiles)
def test_a_path_remembered_from_someone_else_is_the_one_worked_out_afresh(first, second):
    weeks.dose_path(parse_profile(first).model_dump_json())  # fills the memos
    profile = parse_profile(second)
    assert weeks.dose_path(profile.model_dump_json()) == _fresh_path(profile)
