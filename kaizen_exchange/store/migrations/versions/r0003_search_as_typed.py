"""Search: words indexed as written (no stemming), and new posts indexed by their writer.

Two changes to the full-text index of posts, made together because both rebuild it:

- The Porter stemmer is gone. Search is type-ahead (every word is a prefix), and
  stems broke it: "learning" is indexed as "learn", so while a teacher typed
  "learni" the list went empty, and "swimm" never found "swimming". Without stems
  every prefix of a word finds it.
- New posts are no longer indexed by an ``AFTER INSERT`` trigger. A trigger makes
  SQLite open a statement journal for every row, and FTS5 writes its pending words
  out as a new segment at each of those, so a 20-post page made 20 tiny segments to
  merge: indexing took twice as long as inserting into the index directly. The code
  that inserts posts now indexes them in the same transaction
  (:func:`kaizen_exchange.feeds.post_rows.insert_posts`, and a mapper event for
  ORM inserts in :mod:`kaizen_exchange.store.models`). Edits and deletions, which
  are rare, are still kept in step by triggers.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_FTS = (
    "CREATE VIRTUAL TABLE post_fts USING fts5("
    "title, text, content='post', content_rowid='id', tokenize='{tokenizer}')"
)
_ON_DELETE = (
    "CREATE TRIGGER post_fts_ad AFTER DELETE ON post BEGIN "
    "INSERT INTO post_fts(post_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END"
)
_ON_UPDATE = (
    "CREATE TRIGGER post_fts_au AFTER UPDATE OF title, text ON post BEGIN "
    "INSERT INTO post_fts(post_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO post_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
)
_ON_INSERT = (
    "CREATE TRIGGER post_fts_ai AFTER INSERT ON post BEGIN "
    "INSERT INTO post_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
)


def _rebuild(tokenizer: str, triggers: tuple[str, ...]) -> None:
    for trigger in ("post_fts_ai", "post_fts_ad", "post_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS post_fts")
    op.execute(_FTS.format(tokenizer=tokenizer))
    op.execute("INSERT INTO post_fts(post_fts) VALUES ('rebuild')")  # from the posts
    for trigger in triggers:
        op.execute(trigger)


def upgrade() -> None:
    _rebuild("unicode61 remove_diacritics 2", (_ON_DELETE, _ON_UPDATE))


def downgrade() -> None:
    _rebuild("porter unicode61", (_ON_INSERT, _ON_DELETE, _ON_UPDATE))
