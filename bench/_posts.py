"""A big store for the window benchmark: 50 schools, 500 feeds, 100,000 posts.

Written straight into SQLite in a few transactions (the full-text index is kept by
the schema's own triggers), so building it takes seconds, not a sync's minutes.
The text is made of real words, so full-text searches have realistic hit counts.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kaizen_exchange.store.db import Store

COMMON = [
    "we",
    "the",
    "and",
    "our",
    "a",
    "to",
    "of",
    "in",
    "was",
    "it",
    "class",
    "with",
    "then",
    "for",
]
TOPICAL = [
    "fractions",
    "pizza",
    "playground",
    "trundle",
    "wheel",
    "partner",
    "perth",
    "garden",
    "questions",
    "zones",
    "seasons",
    "bridge",
    "design",
    "books",
    "letters",
    "seeds",
    "rainfall",
    "charts",
    "tables",
    "targets",
    "thinking",
    "volcano",
    "habitat",
    "science",
    "poetry",
    "museum",
    "forest",
    "music",
    "rhythm",
    "kookaburra",
    "hedgehog",
    "weather",
    "station",
    "shadow",
    "sundial",
    "planet",
    "orbit",
    "magnet",
    "circuit",
    "battery",
    "recycling",
    "compost",
    "rosemary",
    "poppies",
    "bushfire",
    "drought",
    "river",
    "estuary",
    "tide",
    "wombat",
    "koala",
    "robin",
    "conker",
    "autumn",
]
_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
]
RARE = "tessellation"  # in every 200th post: a search with few hits
TOPIC = "rainfall"  # a topical word, in roughly one post in ten
QUALITIES = ["resilient", "resourceful", "reflective", "risk-taking"]
ZONES = ["Europe/London", "Australia/Sydney", "Australia/Perth", "Australia/Adelaide"]


def vocabulary(rng: random.Random, size: int = 3000) -> tuple[list[str], list[float]]:
    """Words and cumulative Zipf-like weights: a few very common, topical ones, a long tail."""
    tail = sorted({"".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)})
    tail = [w for w in tail if w not in TOPICAL]
    words = COMMON + tail[:300] + TOPICAL + tail[300:]  # topical words in 1-3% of posts
    weights = [1.0 / (rank + 8) for rank in range(len(words))]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return words, cumulative


def _sentence(rng: random.Random, vocab: tuple[list[str], list[float]], words: int) -> str:
    return " ".join(rng.choices(vocab[0], cum_weights=vocab[1], k=words))


def build(folder: Path, posts: int = 100_000, schools: int = 50, seed: int = 2026) -> Path:
    """Create (or reuse) a store with ``posts`` posts; returns the data folder."""
    marker = folder / f".bench-v4-{posts}-{schools}-{seed}"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)  # an older corpus (or a half-built one)
    Store(folder).close()  # the schema, by the real migrations
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    db = sqlite3.connect(folder / "kaizen.sqlite3")
    try:
        with db:
            db.executemany(
                "INSERT INTO school (id, name, country, timezone, home) VALUES (?,?,?,?,?)",
                [
                    (
                        f"school-{n:02d}",
                        f"School {n:02d} Primary",
                        "GB" if n % 4 == 0 else "AU",
                        ZONES[n % 4],
                        n == 0,
                    )
                    for n in range(schools)
                ],
            )
            db.executemany(
                "INSERT INTO feed (id, school_id, url, status) VALUES (?,?,?,'ok')",
                [
                    (f + 1, f"school-{f // 10:02d}", f"http://127.0.0.1:9/{f}/feed/")
                    for f in range(schools * 10)
                ],
            )
        rows = []
        for n in range(posts):
            feed = n % (schools * 10)
            words = _sentence(rng, vocab, 80)
            if n % 200 == 0:
                words += f" {RARE}"
            published = now - timedelta(minutes=17 * n)
            rows.append(
                (
                    f"school-{feed // 10:02d}",
                    feed + 1,
                    f"post-{n}",
                    f"http://127.0.0.1:9/{feed}/{n}/",
                    f"{_sentence(rng, vocab, 4).capitalize()} ({n})",
                    "Mrs Patel",
                    json.dumps([f"Year {1 + n % 6}", rng.choice(QUALITIES)]),
                    published.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    f"<p>{words}</p>",
                    words,
                    n % 3 == 0,
                    now.strftime("%Y-%m-%d %H:%M:%S.%f"),
                )
            )
        with db:
            db.executemany(
                "INSERT INTO post (school_id, feed_id, identity, url, title, author, categories,"
                " published, html, text, read, fetched_at, content_hash, pinned)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'',0)",
                rows,
            )
            db.execute("INSERT INTO post_fts (rowid, title, text) SELECT id, title, text FROM post")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    marker.touch()
    return folder


__all__ = ["RARE", "TOPIC", "build", "vocabulary"]
