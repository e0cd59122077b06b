"""Whose data a session sees: one implicit owner on a personal install, a signed-in account on a
shared one.

Local mode (the default, nothing configured): no sign-in; everything belongs to the owner "local".
Shared mode: an `[auth]` section in `.streamlit/secrets.toml` switches on Streamlit's OpenID
Connect sign-in. Every page but Home then asks the person to sign in first, and their data is
kept under the account's stable subject identifier ("issuer|subject"), never its display name.
The two kinds of owner never meet: an account's key always holds the separator, "local" never
does, and a sign-in without both an issuer and a subject opens nothing.
A secrets file that exists but cannot be read, or whose cookie_secret (which signs the sign-in
cookie) is the example's placeholder or too short to resist guessing, stops the app rather than
opening it.
"""

from pathlib import Path

import streamlit as st
from streamlit import config
from streamlit.errors import StreamlitAuthError

from pages.parts import state

LOCAL_OWNER = "local"
SEPARATOR = "|"  # between an account's issuer and subject; never in LOCAL_OWNER
# The placeholder in .streamlit/secrets.toml.example: with it, anyone can sign a cookie.
EXAMPLE_COOKIE_SECRET = "REPLACE-WITH-A-LONG-RANDOM-STRING"
# The shortest cookie_secret accepted: 32 characters of token_urlsafe carry 192 random bits (the
# command below makes 43).
COOKIE_SECRET_MIN = 32
MAKE_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'


def cookie_secret_problem(secret: object) -> str | None:
    """Why this cookie_secret would let anyone forge a sign-in, or None when it will do."""
    if not isinstance(secret, str) or not secret.strip():
        return "is missing"
    if secret == EXAMPLE_COOKIE_SECRET:
        return "is still the example's placeholder"
    if len(secret) < COOKIE_SECRET_MIN:
        return f"is shorter than {COOKIE_SECRET_MIN} characters"
    return None


def refuse_weak_secret(secret: object) -> None:
    """Stop the page, saying what to do, when the sign-in cookie could be forged."""
    problem = cookie_secret_problem(secret)
    if problem is None:
        return
    st.error(
        f"BackPlan will not open: the sign-in setting `cookie_secret` in .streamlit/secrets.toml "
        f"{problem}, so anyone could forge a sign-in. Make a new one with `{MAKE_SECRET}`, put it "
        "in `cookie_secret` (the same on every server), and restart BackPlan."
    )
    st.stop()


def shared_mode() -> bool:
    """True when sign-in is configured (an [auth] section in the secrets) with a strong
    cookie_secret; a weak one or an unreadable secrets file stops the page."""
    if st.secrets.load_if_toml_exists():
        if "auth" not in st.secrets:
            return False
        refuse_weak_secret(st.secrets["auth"].get("cookie_secret"))
        return True
    if any(Path(path).exists() for path in config.get_option("secrets.files")):
        st.error(
            "The sign-in settings (.streamlit/secrets.toml) cannot be read, so BackPlan will not "
            "open. Please ask whoever runs this server to check that file."
        )
        st.stop()
    return False


def account_owner(issuer: object, subject: object) -> str | None:
    """The owner key "issuer|subject" of a signed-in account; None unless both are given."""
    parts = (issuer, subject)
    if not all(isinstance(part, str) and part.strip() for part in parts):
        return None
    return f"{issuer}{SEPARATOR}{subject}"


def signed_in_owner() -> str | None:
    """The signed-in account's owner key (see account_owner), or None."""
    if st.user.get("is_logged_in") is not True:
        return None
    return account_owner(st.user.get("iss"), st.user.get("sub"))


def owner() -> str:
    """Whose saved data this session sees; in shared mode with nobody signed in, the sign-in
    prompt is shown and the page stops."""
    if not shared_mode():
        return LOCAL_OWNER
    found = signed_in_owner()
    if found is None:
        sign_in_prompt()
        st.stop()
    return found


def sign_in_prompt() -> None:
    """Why to sign in, and the button that starts the provider's sign-in."""
    st.info(
        "**Please sign in.** This BackPlan is shared by a clinic or team. Sign in with your "
        "account to see your saved people, plans and logs; each account sees only its own."
    )
    if st.user.get("is_logged_in") is True:  # signed in, but the provider gave no account id
        st.error(
            "Your sign-in did not include an account id (issuer and sub), so nothing can be shown."
        )
    if st.button("Sign in", key=state.SIGN_IN, type="primary", icon=":material/login:"):
        try:
            st.login()
        except StreamlitAuthError as error:
            st.error(f"Sign-in is not set up correctly on this server: {error}")


def require_sign_in(home: bool) -> None:
    """In shared mode, every page but Home shows the sign-in prompt and stops until signed in;
    a weak sign-in setting stops every page, Home too."""
    if shared_mode() and not home and signed_in_owner() is None:
        st.title("Sign in")
        sign_in_prompt()
        st.stop()
