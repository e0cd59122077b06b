"""Sign-in settings and accounts for the shared-mode page tests (AppTest's `at.secrets["auth"]`
and `at.user`). The provider is never contacted."""

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a-test-cookie-secret-not-a-real-one",
    "client_id": "backplan-test",
    "client_secret": "a-test-client-secret-not-a-real-one",
    "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
}
ISSUER = "https://id.example.org"
ALICE = {"is_logged_in": True, "iss": ISSUER, "sub": "1001", "name": "Alice", "email": "a@x.org"}
BOB = {"is_logged_in": True, "iss": ISSUER, "sub": "1002", "name": "Bob", "email": "b@x.org"}
NOBODY = {"is_logged_in": False}
