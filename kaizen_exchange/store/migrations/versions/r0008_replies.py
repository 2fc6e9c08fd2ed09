"""Replies: our class's answers to partners' posts and comments, on their way exactly once.

One ``reply`` row per answer the class writes, made before anything is sent and kept
as the record afterwards. It carries what makes delivery exactly once (see
:mod:`kaizen_exchange.conversations.sending`): the exact form fields sent (``body``,
written *before* the request), WordPress's comment id and the moderation link once
known, and the state (queued, sending, waiting for the blog's approval, approved,
failed). ``comment_id`` is the reply's own row in ``comment`` (``ours``), so the
thread shows it at once; when the sync later reads the same comment from the
blog's feed it updates that row instead of adding a second one.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reply",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "post_id", sa.Integer(), sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("comment_id", sa.Integer(), sa.ForeignKey("comment.id", ondelete="SET NULL")),
        sa.Column("parent_comment_id", sa.Integer()),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("overrides", sa.String(), nullable=False, server_default="[]"),
        sa.Column("state", sa.String(), nullable=False, server_default="queued"),
        sa.Column("body", sa.String()),
        sa.Column("remote_id", sa.Integer()),
        sa.Column("moderation_url", sa.String()),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_try", sa.DateTime()),
        sa.Column("last_error", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_reply_post_id", "reply", ["post_id"])
    op.create_index("ix_reply_state", "reply", ["state"])


def downgrade() -> None:
    op.drop_index("ix_reply_state", "reply")
    op.drop_index("ix_reply_post_id", "reply")
    op.drop_table("reply")
