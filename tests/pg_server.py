"""A throwaway PostgreSQL server from Debian's binaries, shared by every test module that needs one.

Test modules import the fixtures (`from tests.pg_server import fresh_engines, postgres, url`).
pytest then sees one `postgres` fixture per module, so the server itself is started once per
process (`shared_server`) and stopped when the process exits.
"""

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest

from storage import dispose_engines


class PostgresServer:
    """A throwaway PostgreSQL cluster on localhost, emptied before each test."""

    def __init__(self) -> None:
        initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not initdbs:
            raise RuntimeError("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
        self.bin = Path(initdbs[-1]).parent
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            pwd.getpwnam("postgres")  # KeyError when the Debian package did not create the user
        self.root = Path(tempfile.mkdtemp(prefix="backplan-pg-"))  # /tmp: pytest's dir is 0700
        self.port = free_port()
        try:
            self._start()
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def _start(self) -> None:
        if self.as_user:
            shutil.chown(self.root, "postgres", "postgres")
        data = self.root / "data"
        self._run("initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {self.root} -h 127.0.0.1 -F"
        self._run("pg_ctl", "-D", data, "-l", self.root / "log", "-w", "-o", options, "start")

    def _run(self, program: str, *args) -> None:
        argv = [*self.as_user, str(self.bin / program), *map(str, args)]
        subprocess.run(argv, check=True, capture_output=True, timeout=60)

    def empty_database(self) -> str:
        """Empty the test database (faster than a new one each test) and return its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres") as connection:
            connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        """Stop the server and remove its files."""
        dispose_engines()
        self._run("pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_SERVER: list[PostgresServer | BaseException] = []
_SERVER_LOCK = threading.Lock()


def shared_server() -> PostgresServer:
    """The process's one PostgresServer, started on first use; a failure is remembered too."""
    with _SERVER_LOCK:
        if not _SERVER:
            try:
                server = PostgresServer()
            except (RuntimeError, KeyError, OSError, subprocess.SubprocessError) as exc:
                _SERVER.append(exc)
            else:
                _SERVER.append(server)
                atexit.register(server.stop)
        found = _SERVER[0]
    if isinstance(found, BaseException):
        raise found
    return found


def skip_reason(exc: BaseException) -> str:
    """Why there is no PostgreSQL, with the end of the server's own message."""
    detail = getattr(exc, "stderr", b"") or b""
    return f"PostgreSQL not available: {exc} {detail.decode(errors='replace')[-300:]}"


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    """A running PostgreSQL server for the whole session, or a skip saying why there is none."""
    try:
        return shared_server()
    except (RuntimeError, KeyError, OSError, subprocess.SubprocessError) as exc:
        pytest.skip(skip_reason(exc))


@pytest.fixture(autouse=True)
def fresh_engines():
    """Each test starts and ends with no cached engines."""
    dispose_engines()
    yield
    dispose_engines()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backplan.db'}"
    return request.getfixturevalue("postgres").empty_database()
