"""Who owns what a session sees (pages/parts/account.py): the sign-in cookie's secret must be
strong, and an account's owner key can never be local mode's."""

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pages.parts.account import (
    COOKIE_SECRET_MIN,
    EXAMPLE_COOKIE_SECRET,
    LOCAL_OWNER,
    SEPARATOR,
    account_owner,
    cookie_secret_problem,
)
from tests.app_server import ROOT

EXAMPLE = ROOT / ".streamlit" / "secrets.toml.example"


def test_the_refused_placeholder_is_the_one_in_the_example_secrets_file():
    """Copying the example unchanged gives exactly the cookie_secret the app refuses."""
    example = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert example["auth"]["cookie_secret"] == EXAMPLE_COOKIE_SECRET


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        (EXAMPLE_COOKIE_SECRET, "is still the example's placeholder"),
        ("x" * (COOKIE_SECRET_MIN - 1), f"is shorter than {COOKIE_SECRET_MIN} characters"),
        ("", "is missing"),
        ("   ", "is missing"),
        (None, "is missing"),
        (12345678901234567890123456789012345, "is missing"),
        ("x" * COOKIE_SECRET_MIN, None),
        ("Lm1c9pQ0v3o0Jr7m4l6O0wW0b2d9h0T3eY5uA8sK1zQ", None),
    ],
)
def test_a_cookie_secret_that_could_be_guessed_is_named(secret, problem):
    """The placeholder, a short, blank or missing secret each get their reason; 32 will do."""
    assert cookie_secret_problem(secret) == problem


@pytest.mark.parametrize(
    ("issuer", "subject", "owner"),
    [
        ("https://id.example.org", "1001", "https://id.example.org|1001"),
        ("https://id.example.org", "local", "https://id.example.org|local"),
        (None, "local", None),
        ("", "local", None),
        ("https://id.example.org", "", None),
        ("https://id.example.org", None, None),
        ("https://id.example.org", 1001, None),
    ],
)
def test_an_account_needs_both_an_issuer_and_a_subject(issuer, subject, owner):
    """A sign-in without an issuer (as a forged cookie with only `sub: local`) has no owner."""
    assert account_owner(issuer, subject) == owner


@given(st.text(), st.text())
def test_no_sign_in_maps_to_local_modes_owner(issuer, subject):
    """Whatever the issuer and subject, an account's key holds the separator and is never
    local mode's owner, which has no separator."""
    owner = account_owner(issuer, subject)
    assert owner != LOCAL_OWNER
    assert owner is None or SEPARATOR in owner
    assert SEPARATOR not in LOCAL_OWNER
