"""The pages on a shared deployment, under AppTest: sign-in first, each account sees only its own
people and logs, delete-all removes one account's data, and the audit trail records it.

Shared mode is switched on with `at.secrets["auth"]`; the signed-in account is `at.user` (the dict
a run reads as `st.user`). Each test has its own data folder and a fixed "today".
"""

import pytest
from streamlit.testing.v1 import AppTest

from pages.parts import state
from pages.parts.account import EXAMPLE_COOKIE_SECRET, LOCAL_OWNER, MAKE_SECRET
from storage import NotFound, Store, dispose_engines, open_store
from storage.audit import entries
from tests.auth_steps import ALICE, AUTH, BOB, ISSUER, NOBODY
from tests.page_steps import ANSWERS, APP, click, log_day, run, shown, submit

PAGES = ["profile", "plan", "library", "tips", "batch", "session", "progress", "people"]


START = ANSWERS["start_date"]


@pytest.fixture(autouse=True)
def data_dir(page_store, set_today):
    """A fresh store in a temporary folder, and today fixed at START."""
    set_today(START)
    return page_store


def store_of(user: dict) -> Store:
    """A fresh store for the account, opened as the pages open it."""
    return open_store(owner=f"{user['iss']}|{user['sub']}")


def session(user: dict, *, shared: bool = True, query: dict | None = None) -> AppTest:
    """A new browser session, on a shared deployment (sign-in configured) unless told otherwise."""
    at = AppTest.from_file(APP, default_timeout=30)
    if shared:
        at.secrets["auth"] = dict(AUTH)
    at.user = dict(user)
    at.query_params.update(query or {})
    return at


def visit(at: AppTest, page: str) -> AppTest:
    """Run the app from its router and switch to a page (Home stays home)."""
    return run(page, at=at)


def alice_with_a_logged_session() -> int:
    """Alice saves a profile and logs a session through the pages; return her person's id."""
    at = submit(visit(session(ALICE), "profile"), **ANSWERS)
    assert at.success
    log_day(visit(session(ALICE), "plan"), START, "done", 5, 3, "Felt looser")
    (summary,) = store_of(ALICE).list_people()
    assert len(store_of(ALICE).log_for(summary.id)) == 1
    return summary.id


def delete_all(at: AppTest) -> AppTest:
    """Type DELETE and press "Delete all my data" on the people page."""
    at.text_input(key="delete_all_text").input("DELETE").run()
    return click(at, "delete_all")


@pytest.mark.parametrize("page", PAGES)
def test_without_sign_in_every_page_but_home_asks_to_sign_in(page):
    """Nobody signed in: the router stops at the sign-in prompt, before the page's own title,
    with nothing of anyone's data."""
    alice_with_a_logged_session()
    at = visit(session(NOBODY), page)
    assert [title.value for title in at.title] == ["Sign in"]
    assert "Please sign in" in at.info[-1].value
    assert at.button(key="sign_in").label == "Sign in"
    assert ANSWERS["name"] not in shown(at)
    assert not at.text_input and not at.radio and not at.get("form")


def test_home_offers_the_sign_in_button_when_nobody_is_signed_in():
    """Home still says what BackPlan is, and has the sign-in button."""
    at = visit(session(NOBODY), "home")
    assert at.title[0].value == "BackPlan"
    assert at.button(key="sign_in").label == "Sign in"
    assert not [b for b in at.button if b.key == "sign_out"]


def test_home_shows_who_is_signed_in_and_signs_out():
    """Signed in: the account's name and a sign-out button, which ends the sign-in."""
    at = visit(session(ALICE), "home")
    assert "Signed in as **Alice**." in [m.value for m in at.markdown]
    click(at, "sign_out")
    assert at.user == {"is_logged_in": False}
    assert [e.action for e in entries(store_of(ALICE))] == ["sign_out", "sign_in"]


def test_another_account_sees_nothing_of_the_first():
    """Bob's people list is empty and his plan page asks for a profile."""
    alice_with_a_logged_session()
    people = visit(session(BOB), "people")
    assert "Nobody is saved yet." in people.info[0].value
    assert ANSWERS["name"] not in shown(people)
    plan = visit(session(BOB), "plan")
    assert "Fill in the safety check and profile first." in plan.info[0].value
    assert ANSWERS["name"] not in shown(plan)


def test_another_accounts_person_id_in_the_url_is_ignored():
    """?person=<Alice's id> in Bob's session finds nobody, and the parameter is dropped."""
    alice = alice_with_a_logged_session()
    at = visit(session(BOB, query={"person": str(alice)}), "plan")
    assert "Fill in the safety check and profile first." in at.info[0].value
    assert ANSWERS["name"] not in shown(at)
    assert "person" not in at.query_params


def test_another_accounts_person_id_in_the_session_is_ignored():
    """Alice's id put in Bob's session state finds nobody and is forgotten."""
    alice = alice_with_a_logged_session()
    at = session(BOB)
    at.session_state[state.PERSON] = alice
    visit(at, "progress")
    assert "Fill in the safety check and profile first." in at.info[0].value
    assert state.PERSON not in at.session_state
    with pytest.raises(NotFound):
        store_of(BOB).get_person(alice)


def test_an_accounts_download_offers_only_its_own_people():
    """Bob's Saved people page (whose store "Download all my data" exports) lists only Bob's
    person, and his download is audited in his own trail with a count of one."""
    alice_with_a_logged_session()
    submit(visit(session(BOB), "profile"), **{**ANSWERS, "name": "Bob Example"})
    at = visit(session(BOB), "people")
    assert ANSWERS["name"] not in shown(at)
    assert "**Bob Example**" in [m.value for m in at.markdown]
    at.download_button(key=state.EXPORT).click().run()
    assert [e.detail for e in entries(store_of(BOB)) if e.action == "export"] == ["people=1"]
    assert "export" not in [e.action for e in entries(store_of(ALICE))]


def test_delete_all_needs_the_word_delete():
    """The delete-all button stays disabled until DELETE is typed."""
    alice_with_a_logged_session()
    at = visit(session(ALICE), "people")
    assert at.button(key="delete_all").disabled
    at.text_input(key="delete_all_text").input("delete it").run()
    assert at.button(key="delete_all").disabled
    assert len(store_of(ALICE).list_people()) == 1


def test_delete_all_removes_everything_of_that_account_only():
    """Alice's delete-all empties her store, is audited, and leaves Bob's data alone."""
    submit(visit(session(BOB), "profile"), **{**ANSWERS, "name": "Bob Example"})
    alice = alice_with_a_logged_session()
    at = delete_all(visit(session(ALICE, query={"person": str(alice)}), "people"))
    assert "All your data was deleted." in at.success[0].value
    assert "person" not in at.query_params
    assert state.PERSON not in at.session_state
    assert ANSWERS["name"] not in shown(at)
    dispose_engines()  # a fresh store, as after a restart
    assert store_of(ALICE).list_people() == []
    with pytest.raises(NotFound):
        store_of(ALICE).log_for(alice)
    assert [e.detail for e in entries(store_of(ALICE)) if e.action == "delete_all"] == ["people=1"]
    assert [p.name for p in store_of(BOB).list_people()] == ["Bob Example"]


def test_another_accounts_delete_all_leaves_the_first_intact():
    """Bob deleting all his data keeps Alice's person and log."""
    alice = alice_with_a_logged_session()
    delete_all(visit(session(BOB), "people"))
    assert [p.id for p in store_of(ALICE).list_people()] == [alice]
    assert len(store_of(ALICE).log_for(alice)) == 1
    assert "delete_all" not in [e.action for e in entries(store_of(ALICE))]


def test_sign_in_is_recorded_once_per_session():
    """Many pages in one session: one "sign_in" line; a second session adds a second."""
    at = visit(session(ALICE), "home")
    for page in ("profile", "plan", "people", "home"):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception
    assert [e.action for e in entries(store_of(ALICE))] == ["sign_in"]
    visit(session(ALICE), "people")
    assert [e.action for e in entries(store_of(ALICE))] == ["sign_in", "sign_in"]


def test_deleting_a_person_is_audited_by_id_not_by_name():
    """Deleting one person writes "delete_person person=<id>"; no audit line names anyone."""
    alice = alice_with_a_logged_session()
    at = click(visit(session(ALICE), "people"), f"delete_{alice}")
    click(at, "confirm_delete")
    trail = entries(store_of(ALICE))
    assert [(e.action, e.detail) for e in trail if e.action == "delete_person"] == [
        ("delete_person", f"person={alice}")
    ]
    assert not [e for e in trail if "Alex" in e.detail]


@pytest.mark.parametrize("page", ["home", *PAGES])
def test_local_mode_never_asks_to_sign_in(page):
    """Nothing configured: no sign-in prompt on any page, and the data is the "local" owner's."""
    at = visit(session({}, shared=False), page)
    assert not [b for b in at.button if b.key in ("sign_in", "sign_out")]
    assert "Please sign in" not in shown(at)
    if page == "people":
        assert at.session_state[state.OWNER] == "local"


def with_secret(user: dict, secret: str) -> AppTest:
    """A session on a deployment whose [auth] has this cookie_secret."""
    at = session(user)
    at.secrets["auth"] = {**AUTH, "cookie_secret": secret}
    return at


@pytest.mark.parametrize("page", ["home", *PAGES])
@pytest.mark.parametrize(
    ("secret", "problem"),
    [(EXAMPLE_COOKIE_SECRET, "the example's placeholder"), ("s" * 31, "shorter than 32")],
)
def test_a_forgeable_sign_in_cookie_keeps_every_page_closed(page, secret, problem):
    """With the example's cookie_secret or a short one, even a (forged) signed-in Alice gets
    only the refusal, naming the setting and how to make a new one, on every page."""
    alice_with_a_logged_session()
    at = visit(with_secret(ALICE, secret), page)
    (refusal,) = [error.value for error in at.error]
    assert problem in refusal and "cookie_secret" in refusal and MAKE_SECRET in refusal
    assert ANSWERS["name"] not in shown(at) and secret not in shown(at)
    assert not at.title or [t.value for t in at.title] == ["BackPlan"]
    assert not at.button and not at.text_input and not at.get("form")


def test_a_cookie_secret_of_32_characters_opens_the_app():
    """The limit itself is accepted: Alice sees her person."""
    alice_with_a_logged_session()
    at = visit(with_secret(ALICE, "s" * 32), "people")
    assert not at.error
    assert f"**{ANSWERS['name']}**" in [m.value for m in at.markdown]


@pytest.mark.parametrize(
    "user",
    [
        {"is_logged_in": True, "sub": "local"},
        {"is_logged_in": True, "sub": "local", "iss": ""},
        {"is_logged_in": True, "iss": ISSUER, "sub": "local"},
    ],
)
def test_a_sign_in_as_local_never_opens_local_modes_data(user):
    """A person saved in local mode stays out of reach of a sign-in whose sub is "local": without
    an issuer it opens nothing; with one it is an account of its own, with nobody saved."""
    submit(visit(session(NOBODY, shared=False), "profile"), **ANSWERS)
    assert [p.name for p in open_store(owner=LOCAL_OWNER).list_people()] == [ANSWERS["name"]]
    at = visit(session(user), "people")
    assert ANSWERS["name"] not in shown(at)
    if user.get("iss"):
        assert "Nobody is saved yet." in at.info[0].value
    else:
        assert "did not include an account id" in at.error[0].value
