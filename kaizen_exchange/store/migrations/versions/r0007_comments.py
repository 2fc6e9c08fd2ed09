"""Conversations: partner classes' comments kept offline with their posts, and searchable.

Classes answer each other in the comments ("what is winter like for you?"), and the
answers are read out in class, so they are kept like posts: sanitized, offline, and
found by the same search (a comment's words find its post). Three tables:

- ``comment_feed``: one site-wide comments feed per WordPress blog (per posts' feed),
  with its own validators and failures, so it is asked politely (conditional GET)
  and a bad one fails alone, never the posts' sync.
- ``comment``: one row per comment, under its post; ``parent_ref`` is the remote id
  of the comment it answers (threads are built when read, so a reply synced before
  its parent, or whose parent left the feed's window, still finds its place).
  ``ours`` marks our own class's replies (sent by the app, later); ``read`` is the
  teacher's read mark.
- ``comment_fts``: the full-text index of comments' author and words; like posts'
  since 0003, rows are indexed by the code that inserts them, and edits or deletions
  by triggers.

Both tables go with their post or feed (``ON DELETE CASCADE``): removing a school
removes its posts, and their conversations with them.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FTS = (
    "CREATE VIRTUAL TABLE comment_fts USING fts5(author, text, content='comment',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
_ON_DELETE = (
    "CREATE TRIGGER comment_fts_ad AFTER DELETE ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, author, text) "
    "VALUES ('delete', old.id, old.author, old.text); END"
)
_ON_UPDATE = (
    "CREATE TRIGGER comment_fts_au AFTER UPDATE OF author, text ON comment BEGIN "
    "INSERT INTO comment_fts(comment_fts, rowid, author, text) "
    "VALUES ('delete', old.id, old.author, old.text); "
    "INSERT INTO comment_fts(rowid, author, text) VALUES (new.id, new.author, new.text); END"
)

#: Blogs already followed are read once more in full: their posts' feed may answer
#: 304 for weeks, and the sync gives a blog its comments feed when it reads a page
#: and sees WordPress. Clearing the validators (and the body digest) costs one full
#: download per feed, once; unchanged posts are not rewritten.
_READ_AGAIN = "UPDATE feed SET etag = NULL, last_modified = NULL, body_hash = NULL"


def upgrade() -> None:
    op.create_table(
        "comment_feed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "feed_id", sa.Integer(), sa.ForeignKey("feed.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("url", sa.String(), nullable=False),
        sa.Column("etag", sa.String()),
        sa.Column("last_modified", sa.String()),
        sa.Column("body_hash", sa.String()),
        sa.Column("status", sa.String(), nullable=False, server_default="new"),
        sa.Column("http_status", sa.Integer()),
        sa.Column("last_error", sa.String()),
        sa.Column("failures", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_checked", sa.DateTime()),
        sa.Column("next_check", sa.DateTime()),
        sa.UniqueConstraint("feed_id", name="uq_comment_feed_feed"),
    )
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "post_id", sa.Integer(), sa.ForeignKey("post.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("identity", sa.String(), nullable=False),
        sa.Column("parent_ref", sa.String()),
        sa.Column("url", sa.String()),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("published", sa.DateTime(), nullable=False),
        sa.Column("html", sa.String(), nullable=False, server_default=""),
        sa.Column("text", sa.String(), nullable=False, server_default=""),
        sa.Column("content_hash", sa.String(), nullable=False, server_default=""),
        sa.Column("ours", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("read", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("post_id", "identity", name="uq_comment_post_identity"),
    )
    op.create_index("ix_comment_post_id", "comment", ["post_id"])
    op.create_index("ix_comment_published", "comment", ["published"])
    op.execute(_FTS)
    op.execute(_ON_DELETE)
    op.execute(_ON_UPDATE)
    op.execute(_READ_AGAIN)


def downgrade() -> None:
    for trigger in ("comment_fts_ad", "comment_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS comment_fts")
    op.drop_index("ix_comment_published", "comment")
    op.drop_index("ix_comment_post_id", "comment")
    op.drop_table("comment")
    op.drop_table("comment_feed")
