"""Where the database is: a URL from the environment, else a SQLite file in the data folder.

BACKPLAN_DATABASE_URL takes any SQLAlchemy URL (for a shared deployment, e.g.
`postgresql+psycopg://user:password@host/backplan`). Without it the app keeps one SQLite file,
`backplan.db`, in BACKPLAN_DATA_DIR or else in `data/` at the top of the repository.
"""

import os
from pathlib import Path

from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL_ENV = "BACKPLAN_DATABASE_URL"
DATA_DIR_ENV = "BACKPLAN_DATA_DIR"
SQLITE_FILE_NAME = "backplan.db"


def data_dir() -> Path:
    """The folder for the SQLite file: BACKPLAN_DATA_DIR, else <repo>/data."""
    return Path(os.environ.get(DATA_DIR_ENV) or REPO_ROOT / "data")


def database_url() -> str:
    """The configured database URL; for the default SQLite file, create its folder first."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder.resolve() / SQLITE_FILE_NAME}"


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    name = parsed.database or ""
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name)
