"""The audit trail: when an owner signed in or out, exported, imported or deleted (no health data).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the audit table and its index by owner."""
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "action IN ('sign_in', 'sign_out', 'export', 'import', 'delete_person', 'delete_all')",
            name=op.f("ck_audit_action"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit")),
    )
    op.create_index(op.f("ix_audit_owner"), "audit", ["owner"], unique=False)


def downgrade() -> None:
    """Drop the audit table (and the audit trail with it)."""
    op.drop_index(op.f("ix_audit_owner"), table_name="audit")
    op.drop_table("audit")
