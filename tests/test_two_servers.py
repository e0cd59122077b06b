"""Several app servers on one PostgreSQL: the pool settings, retries while the server refuses
connections, migrations started at the same moment, concurrent writers from separate processes,
and (marker `browser`) two real `streamlit run` servers logging for one person in Chromium.
"""

import multiprocessing
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import storage.engine
from planner import parse_profile
from planner.log_entry import LogEntry
from storage import StoreError, open_store
from storage.engine import DatabaseSettingError, pool_settings
from tests.app_server import chromium_browser, running_app, wait_for_app
from tests.browser_steps import choose, fill_profile, go, open_page, rate
from tests.conftest import make_profile
from tests.pg_server import free_port, fresh_engines, postgres  # noqa: F401  (fixtures)

START = date(2026, 1, 5)
PROCESS_TIMEOUT = 60
ENTRIES_EACH = 50


def profile(name: str):
    """A validated Profile with the given name."""
    return parse_profile(make_profile(name=name))


def entry(day: date, status: str = "done", **changes) -> LogEntry:
    """A log entry for `day` in week 1."""
    return LogEntry(day=day, week=1, status=status, **changes)


def test_the_pool_defaults_to_five_plus_five_with_pre_ping_and_recycling():
    """Without settings: 5 connections, 5 more on demand, pre-ping, recycled after 30 minutes."""
    assert pool_settings({}) == {
        "pool_size": 5,
        "max_overflow": 5,
        "pool_timeout": 10,
        "pool_pre_ping": True,
        "pool_recycle": 1800,
    }


def test_the_pool_sizes_come_from_the_environment():
    """BACKPLAN_DB_POOL_SIZE and BACKPLAN_DB_MAX_OVERFLOW set the sizes (0 overflow is allowed)."""
    env = {"BACKPLAN_DB_POOL_SIZE": " 12 ", "BACKPLAN_DB_MAX_OVERFLOW": "0"}
    assert pool_settings(env) == pool_settings({}) | {"pool_size": 12, "max_overflow": 0}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BACKPLAN_DB_POOL_SIZE", "0"),
        ("BACKPLAN_DB_POOL_SIZE", "-1"),
        ("BACKPLAN_DB_POOL_SIZE", "five"),
        ("BACKPLAN_DB_POOL_SIZE", "101"),
        ("BACKPLAN_DB_MAX_OVERFLOW", "2.5"),
    ],
)
def test_a_bad_pool_size_is_refused_naming_the_setting(name, value):
    """A value that is not a whole number in range raises an error naming the variable."""
    with pytest.raises(DatabaseSettingError, match=f"{name}: must be a whole number from"):
        pool_settings({name: value})


def test_a_postgresql_engine_uses_the_configured_pool(postgres, monkeypatch):  # noqa: F811
    """open_store on PostgreSQL builds its pool from the environment."""
    monkeypatch.setenv("BACKPLAN_DB_POOL_SIZE", "3")
    monkeypatch.setenv("BACKPLAN_DB_MAX_OVERFLOW", "2")
    url = postgres.empty_database()
    open_store(url)
    pool = storage.engine.connect(url).engine.pool
    assert (pool.size(), pool._max_overflow, pool._pre_ping, pool._recycle) == (3, 2, True, 1800)


def test_a_bad_pool_setting_gives_a_store_error(monkeypatch):
    """open_store turns a bad setting into StoreError before any connection is tried."""
    monkeypatch.setenv("BACKPLAN_DB_POOL_SIZE", "lots")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/postgres"
    with pytest.raises(StoreError, match="BACKPLAN_DB_POOL_SIZE: must be a whole number"):
        open_store(url)


def counting_open(monkeypatch, failures: int = 0) -> list[int]:
    """Count the tries to open a database; the first `failures` raise OperationalError."""
    real_open, tries = storage.engine._open, []

    def fake_open(url):
        tries.append(len(tries) + 1)
        if len(tries) <= failures:
            raise OperationalError("connect", {}, Exception("connection refused"))
        return real_open(url)

    monkeypatch.setattr(storage.engine, "_open", fake_open)
    monkeypatch.setattr(storage.engine, "RETRY_DELAYS", (0.01, 0.01, 0.01))
    return tries


def test_a_server_that_refuses_connections_is_tried_four_times_then_a_friendly_error(monkeypatch):
    """Nothing listens on the port: four tries, then StoreError in plain words."""
    tries = counting_open(monkeypatch)
    url = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/postgres?connect_timeout=2"
    with pytest.raises(StoreError, match="database server is not answering just now"):
        open_store(url)
    assert tries == [1, 2, 3, 4]


def test_a_server_that_answers_on_the_third_try_is_used(postgres, monkeypatch):  # noqa: F811
    """Two refusals while PostgreSQL starts, then the store opens and works."""
    tries = counting_open(monkeypatch, failures=2)
    store = open_store(postgres.empty_database())
    store.save_person(profile("Ann"), START)
    assert tries == [1, 2, 3] and [s.name for s in store.list_people()] == ["Ann"]


def test_the_real_retry_delays_are_short():
    """0.2, 0.5 and 1 s: a server that is starting gets time, a page waits under 2 s in all."""
    assert storage.engine.RETRY_DELAYS == (0.2, 0.5, 1.0)


def test_servers_migrating_a_fresh_database_at_the_same_moment_all_succeed(postgres):  # noqa: F811
    """Four engines (as on four servers) migrate one new database at once: the advisory lock lets
    one migrate and the others find the work done; the schema is at head, once."""
    # Without the lock, waits on the catalogue would error after 10 s here instead of hanging.
    url = postgres.empty_database() + "?options=-c%20lock_timeout%3D10000"
    barrier, errors, opened = threading.Barrier(4), [], []

    def start_server() -> None:
        try:
            barrier.wait(timeout=10)
            opened.append(storage.engine._open(url))  # no cache, no retries: one real attempt
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start_server, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=PROCESS_TIMEOUT)
    try:
        assert errors == [] and len(opened) == 4
        with opened[0].engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version")).all()
        assert versions == [("0004",)]
    finally:
        for database in opened:
            database.engine.dispose()


def _worker(url: str, person_id: int | None, first: int, barrier, results) -> None:
    """In a fresh process: wait for the others, open the store, save ENTRIES_EACH log days."""
    try:
        barrier.wait(timeout=30)
        store = open_store(url)
        if person_id is not None:
            for k in range(ENTRIES_EACH):
                store.save_log(person_id, entry(START + timedelta(first + k), pain_before=k % 11))
        results.put("ok")
    except Exception as exc:  # sent to the parent, which asserts on it
        results.put(f"{type(exc).__name__}: {exc}")


def run_processes(url: str, person_id: int | None, count: int = 2) -> list[str]:
    """Start `count` worker processes together; their results, in any order."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(count), context.Queue()
    processes = [
        context.Process(target=_worker, args=(url, person_id, n * ENTRIES_EACH, barrier, results))
        for n in range(count)
    ]
    for process in processes:
        process.start()
    try:
        return sorted(results.get(timeout=PROCESS_TIMEOUT) for _ in processes)
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


def test_two_processes_opening_a_fresh_database_at_once_both_succeed(postgres):  # noqa: F811
    """Two app-server processes starting together on an empty database: both open it."""
    url = postgres.empty_database()
    assert run_processes(url, None) == ["ok", "ok"]
    assert open_store(url).list_people() == []


def test_two_processes_saving_fifty_log_days_each_lose_nothing(postgres):  # noqa: F811
    """Two processes write 50 days each for one person at the same time: all 100 are saved."""
    url = postgres.empty_database()
    store = open_store(url)
    person_id = store.save_person(profile("Ann"), START)
    assert run_processes(url, person_id) == ["ok", "ok"]
    log = store.log_for(person_id)
    assert [e.day for e in log] == [START + timedelta(d) for d in range(2 * ENTRIES_EACH)]


def long_date(day: date) -> str:
    """The date as the pages write it: 'Monday 3 March'."""
    return f"{day:%A} {day.day} {day:%B}"


@pytest.mark.browser
def test_two_app_servers_on_one_postgresql_see_each_others_log(postgres):  # noqa: F811
    """Server A saves the profile and logs today; server B, at the same time, logs two days ago
    for the same person. Both rows are in the database, and Progress on B, and on A after a
    reload, shows both days."""
    url = postgres.empty_database()
    today = date.today()
    earlier = today - timedelta(days=2)  # with 3 sessions a week from `earlier`: days 0, 2 and 4
    env = {"BACKPLAN_DATABASE_URL": url}
    with (
        running_app(env) as server_a,
        running_app(env) as server_b,
        chromium_browser() as browser,
    ):
        page_a = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page_b = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        open_page(page_a, f"{server_a}/profile")
        fill_profile(page_a)
        store = open_store(url)
        [saved] = store.list_people()
        person = store.get_person(saved.id)
        store.save_person(person.profile, earlier, person.id)  # the programme began 2 days ago

        go(page_a, "Weekly plan")
        open_page(page_b, f"{server_b}/plan")  # one person saved: B finds them without asking
        saves = []
        for page, day, status, before, after in (
            (page_a, today, "Done", 5, 3),
            (page_b, earlier, "Partly", 6, 4),
        ):
            status_key = f".st-key-log_{day.isoformat()}_status"
            if day != today:  # the page opens on today's tab; an earlier day's log is folded
                page.get_by_role("tab").first.click()  # `earlier`: the week's first session
                folded = page.locator("details").filter(has=page.locator(status_key))
                folded.wait_for()
                wait_for_app(page)
                folded.locator("summary").click()
            form = page.locator(status_key).locator("..")
            choose(form, "How did the session go?", status)
            rate(form, "Pain before the session (0 = none, 10 = worst)", before)
            rate(form, "Pain after the session (0 = none, 10 = worst)", after)
            saves.append(page.locator(f".st-key-log_{day.isoformat()}_save button"))
        for save in saves:  # both saves are sent before either is awaited
            save.click()
        for page, day in ((page_a, today), (page_b, earlier)):
            page.get_by_text(f"Saved for {long_date(day)}", exact=False).wait_for()

        log = store.log_for(person.id)
        assert [(e.day, e.status, e.pain_before, e.pain_after) for e in log] == [
            (earlier, "partly", 6, 4),
            (today, "done", 5, 3),
        ]
        go(page_b, "Progress")
        go(page_a, "Progress")
        page_a.reload()
        wait_for_app(page_a)
        for page in (page_b, page_a):
            body = page.inner_text("body")
            assert long_date(earlier) in body and long_date(today) in body, body
            assert "For Pat Example" in body


def test_the_deploy_guide_names_every_setting_and_the_lock():
    """docs/deploy.md mentions each environment setting, the advisory lock key and the retries."""
    from storage.settings import DATA_DIR_ENV, DATABASE_URL_ENV, REPO_ROOT

    guide = (REPO_ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    engine = storage.engine
    names = [DATABASE_URL_ENV, DATA_DIR_ENV, engine.POOL_SIZE_ENV, engine.MAX_OVERFLOW_ENV]
    names += [str(engine.MIGRATION_LOCK_KEY), "0.2, 0.5", "secure_delete", "`audit` table"]
    assert [n for n in names if n not in guide] == []
