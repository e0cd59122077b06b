"""The clinic header: one name and contact line per owner, printed on every sheet.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the clinic_header table."""
    op.create_table(
        "clinic_header",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_header")),
        sa.UniqueConstraint("owner", name=op.f("uq_clinic_header_owner")),
    )


def downgrade() -> None:
    """Drop the clinic_header table (and the saved clinic headers with it)."""
    op.drop_table("clinic_header")
