"""The first schema: schools, terms, feeds, posts, media and the full-text index.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "network_info",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    op.create_table(
        "school",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("country", sa.String(), nullable=False),
        sa.Column("subdivision", sa.String()),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("home", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("blog", sa.String()),
        sa.Column("email", sa.String()),
        sa.Column("day_start", sa.String()),
        sa.Column("day_end", sa.String()),
        sa.Column("calls_start", sa.String()),
        sa.Column("calls_end", sa.String()),
        sa.Column("calls_weekdays", sa.String()),
    )
    op.create_table(
        "school_period",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("school_id", sa.String(), sa.ForeignKey("school.id"), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("source", sa.String(), nullable=False, server_default="network"),
    )
    op.create_index("ix_school_period_school_id", "school_period", ["school_id"])
    op.create_table(
        "feed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("school_id", sa.String(), sa.ForeignKey("school.id"), nullable=False),
        sa.Column("url", sa.String(), nullable=False, unique=True),
        sa.Column("title", sa.String()),
        sa.Column("site_url", sa.String()),
        sa.Column("etag", sa.String()),
        sa.Column("last_modified", sa.String()),
        sa.Column("body_hash", sa.String()),
        sa.Column("status", sa.String(), nullable=False, server_default="new"),
        sa.Column("http_status", sa.Integer()),
        sa.Column("last_error", sa.String()),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_checked", sa.DateTime()),
        sa.Column("last_success", sa.DateTime()),
        sa.Column("next_check", sa.DateTime()),
        sa.Column("history_done", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_feed_school_id", "feed", ["school_id"])
    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("school_id", sa.String(), sa.ForeignKey("school.id"), nullable=False),
        sa.Column("feed_id", sa.Integer(), sa.ForeignKey("feed.id"), nullable=False),
        sa.Column("identity", sa.String(), nullable=False),
        sa.Column("guid", sa.String()),
        sa.Column("url", sa.String()),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("author", sa.String()),
        sa.Column("categories", sa.String(), nullable=False, server_default="[]"),
        sa.Column("published", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime()),
        sa.Column("html", sa.String(), nullable=False, server_default=""),
        sa.Column("text", sa.String(), nullable=False, server_default=""),
        sa.Column("content_hash", sa.String(), nullable=False, server_default=""),
        sa.Column("read", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("school_id", "identity", name="uq_post_school_identity"),
    )
    op.create_index("ix_post_school_id", "post", ["school_id"])
    op.create_index("ix_post_feed_id", "post", ["feed_id"])
    op.create_index("ix_post_published", "post", ["published"])
    op.create_table(
        "media_blob",
        sa.Column("sha256", sa.String(), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.Column("ext", sa.String(), nullable=False),
        sa.Column("last_used", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_media_blob_last_used", "media_blob", ["last_used"])
    op.create_table(
        "media",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("url", sa.String(), nullable=False, unique=True),
        sa.Column("sha256", sa.String(), sa.ForeignKey("media_blob.sha256")),
        sa.Column("mime", sa.String()),
        sa.Column("status", sa.String(), nullable=False, server_default="pending"),
        sa.Column("error", sa.String()),
        sa.Column("fetched_at", sa.DateTime()),
    )
    op.create_index("ix_media_sha256", "media", ["sha256"])
    op.create_table(
        "post_media",
        sa.Column("post_id", sa.Integer(), sa.ForeignKey("post.id"), primary_key=True),
        sa.Column("media_id", sa.Integer(), sa.ForeignKey("media.id"), primary_key=True),
        sa.Column("kind", sa.String(), nullable=False, server_default="image"),
    )
    op.create_index("ix_post_media_media_id", "post_media", ["media_id"])
    # Full-text search over titles and text, kept in step with `post` by triggers,
    # so no code path can forget to index a post.
    op.execute(
        "CREATE VIRTUAL TABLE post_fts USING fts5("
        "title, text, content='post', content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        "CREATE TRIGGER post_fts_ai AFTER INSERT ON post BEGIN "
        "INSERT INTO post_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER post_fts_ad AFTER DELETE ON post BEGIN "
        "INSERT INTO post_fts(post_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER post_fts_au AFTER UPDATE OF title, text ON post BEGIN "
        "INSERT INTO post_fts(post_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO post_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )


def downgrade() -> None:
    for trigger in ("post_fts_au", "post_fts_ad", "post_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS post_fts")
    for table in (
        "post_media",
        "media",
        "media_blob",
        "post",
        "feed",
        "school_period",
        "school",
        "network_info",
    ):
        op.drop_table(table)
