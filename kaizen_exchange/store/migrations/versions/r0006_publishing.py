"""Publishing to the school's WordPress: the account (site and user) and the outbox.

The application password is not here: it lives in the OS keyring only. The outbox
keeps each draft on its way to the site and the marks (tokens) that let a retry find
what an interrupted run already sent, so nothing is posted or uploaded twice.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publish_account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("site", sa.String(), nullable=False),
        sa.Column("user", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("draft_id", sa.Integer(), nullable=False, unique=True),
        sa.Column("token", sa.String(), nullable=False, unique=True),
        sa.Column("status_wanted", sa.String(), nullable=False),
        sa.Column("overrides", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try", sa.DateTime()),
        sa.Column("last_error", sa.String()),
        sa.Column("post_id", sa.Integer()),
        sa.Column("link", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "outbox_file",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("outbox_id", sa.Integer(), sa.ForeignKey("outbox.id"), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(), nullable=False, unique=True),
        sa.Column("media_id", sa.Integer()),
        sa.Column("url", sa.String()),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("outbox_id", "file_id", name="uq_outbox_file"),
    )
    op.create_index("ix_outbox_file_outbox_id", "outbox_file", ["outbox_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_file_outbox_id", "outbox_file")
    op.drop_table("outbox_file")
    op.drop_table("outbox")
    op.drop_table("publish_account")
