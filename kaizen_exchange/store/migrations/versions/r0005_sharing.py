"""Sharing the class's work: the class roster with consent, drafts and their files.

The roster (first and last names, photo and name consent per child) is what the
safeguarding checks read; it stays in this database and is never exported. Drafts
are saved as the teacher types, so a crash or a power cut loses nothing.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_pupil",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("class_name", sa.String(), nullable=False),
        sa.Column("first_name", sa.String(), nullable=False),
        sa.Column("last_name", sa.String(), nullable=False),
        sa.Column("photo_consent", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("name_consent", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("class_name", "first_name", "last_name", name="uq_roster_pupil"),
    )
    op.create_index("ix_roster_pupil_class_name", "roster_pupil", ["class_name"])
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False, server_default=""),
        sa.Column("class_name", sa.String(), nullable=False, server_default=""),
        sa.Column("tags_json", sa.String(), nullable=False, server_default="[]"),
        sa.Column("state", sa.String(), nullable=False, server_default="draft"),
        sa.Column("link", sa.String()),
        sa.Column("remote_id", sa.Integer()),
        sa.Column("status_wanted", sa.String()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_draft_state", "draft", ["state"])
    op.create_table(
        "draft_file",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "draft_id", sa.Integer(), sa.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("original_path", sa.String(), nullable=False),
        sa.Column("alt", sa.String(), nullable=False, server_default=""),
        sa.Column("caption", sa.String(), nullable=False, server_default=""),
        sa.Column("pupils_json", sa.String(), nullable=False, server_default="[]"),
        sa.Column("pupils_confirmed", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.create_index("ix_draft_file_draft_id", "draft_file", ["draft_id"])


def downgrade() -> None:
    op.drop_index("ix_draft_file_draft_id", table_name="draft_file")
    op.drop_table("draft_file")
    op.drop_index("ix_draft_state", table_name="draft")
    op.drop_table("draft")
    op.drop_index("ix_roster_pupil_class_name", table_name="roster_pupil")
    op.drop_table("roster_pupil")
