"""Video-call sessions: the sessions themselves and the schools taking part in each.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("zone", sa.String(), nullable=False),
        sa.Column("anchor", sa.String()),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("link", sa.String()),
        sa.Column("weekly_until", sa.Date()),
        sa.Column("skipped", sa.String(), nullable=False, server_default="[]"),
        sa.Column("status", sa.String(), nullable=False, server_default="booked"),
        sa.Column("sequence", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("organizer", sa.String()),
        sa.Column("source", sa.String(), nullable=False, server_default="local"),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("uid", name="uq_call_session_uid"),
    )
    op.create_index("ix_call_session_start", "call_session", ["start"])
    op.create_table(
        "call_session_school",
        sa.Column(
            "session_id",
            sa.Integer(),
            sa.ForeignKey("call_session.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "school_id",
            sa.String(),
            sa.ForeignKey("school.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("ix_call_session_school_school_id", "call_session_school", ["school_id"])


def downgrade() -> None:
    op.drop_index("ix_call_session_school_school_id", table_name="call_session_school")
    op.drop_table("call_session_school")
    op.drop_index("ix_call_session_start", table_name="call_session")
    op.drop_table("call_session")
