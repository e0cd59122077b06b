"""Whose data a session sees: one implicit owner on a personal install, a signed-in account on a
shared one.

Local mode (the default, nothing configured): no sign-in; everything belongs to the owner "local".
Shared mode: an `[auth]` section in `.streamlit/secrets.toml` switches on Streamlit's OpenID
Connect sign-in. Every page but Home then asks the person to sign in first, and their data is
kept under the account's stable subject identifier ("issuer|subject"), never its display name.
A secrets file that exists but cannot be read stops the app rather than falling back to the
shared "local" owner.
"""

from pathlib import Path

import streamlit as st
from streamlit import config
from streamlit.errors import StreamlitAuthError

from pages.parts import state

LOCAL_OWNER = "local"


def shared_mode() -> bool:
    """True when sign-in is configured (an [auth] section in the secrets)."""
    if st.secrets.load_if_toml_exists():
        return "auth" in st.secrets
    if any(Path(path).exists() for path in config.get_option("secrets.files")):
        st.error(
            "The sign-in settings (.streamlit/secrets.toml) cannot be read, so BackPlan will not "
            "open. Please ask whoever runs this server to check that file."
        )
        st.stop()
    return False


def signed_in_owner() -> str | None:
    """The signed-in account as "issuer|subject" (the subject alone without an issuer), or None."""
    if st.user.get("is_logged_in") is not True:
        return None
    subject, issuer = st.user.get("sub"), st.user.get("iss")
    if not subject:
        return None
    return f"{issuer}|{subject}" if issuer else str(subject)


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
        st.error("Your sign-in did not include an account id (sub), so nothing can be shown.")
    if st.button("Sign in", key=state.SIGN_IN, type="primary", icon=":material/login:"):
        try:
            st.login()
        except StreamlitAuthError as error:
            st.error(f"Sign-in is not set up correctly on this server: {error}")


def require_sign_in(home: bool) -> None:
    """In shared mode, every page but Home shows the sign-in prompt and stops until signed in."""
    if not home and shared_mode() and signed_in_owner() is None:
        st.title("Sign in")
        sign_in_prompt()
        st.stop()
