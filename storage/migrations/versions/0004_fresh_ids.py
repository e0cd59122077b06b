"""Ids never given twice and a version per person: a stale tab or an old link cannot reach
someone else, and a page's write is refused once the person changed since it was drawn.

SQLite hands out the highest deleted id again unless the table is AUTOINCREMENT, which only a
rebuild of `people` can add (the rows keep their ids; the counter starts after the highest).
Dropping the old table deletes every log row through ON DELETE CASCADE when foreign keys are on
(SQLite cannot turn them off inside the migration's transaction), so the log is copied to a
temporary table first and put back as it was. PostgreSQL's id sequence never goes back: there only
`version` is added.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add people.version (1 for everyone saved) and, on SQLite, make the ids AUTOINCREMENT."""
    with _people(autoincrement=True) as batch:
        batch.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    _put_back_log()


def downgrade() -> None:
    """Drop people.version and, on SQLite, AUTOINCREMENT (ids may then be given again)."""
    with _people(autoincrement=False) as batch:
        batch.drop_column("version")
    _put_back_log()


def _people(autoincrement: bool):
    """Alter `people`: on SQLite by rebuilding it, with or without AUTOINCREMENT, the log kept."""
    if op.get_bind().dialect.name != "sqlite":
        return op.batch_alter_table("people")
    op.execute("CREATE TEMP TABLE kept_log AS SELECT * FROM session_log")
    return op.batch_alter_table(
        "people", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    )


def _put_back_log() -> None:
    """On SQLite, the log exactly as it was before the rebuild (ids included)."""
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DELETE FROM session_log")  # what the cascade left, if foreign keys were off
    op.execute("INSERT INTO session_log SELECT * FROM kept_log")
    op.execute("DROP TABLE kept_log")
