"""Alembic environment, run from code (storage.engine) with a connection already in a transaction.

To write a new migration after changing storage/models.py, from the repository root (open_store
first brings the database named by the settings to the current head):
    .venv/bin/python -c "from storage import open_store; open_store(); \
from alembic import command; from storage.engine import alembic_config; \
command.revision(alembic_config(), message='what changed', autogenerate=True)"
then rename the new file NNNN_what_changed.py, set its revision to "NNNN", and check it by hand.
"""

from alembic import context

from storage.models import Base


def run_migrations(connection) -> None:
    """Run the pending migrations on `connection`; batch mode lets SQLite alter tables."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:  # Alembic's own commands, e.g. revision --autogenerate
    from sqlalchemy import create_engine

    from storage.settings import database_url

    with create_engine(database_url()).begin() as connection:
        run_migrations(connection)
