"""A sync killed at any moment leaves a consistent store, and the next sync finishes the job."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kaizen_exchange.store.db import Store

# More than POOL_THRESHOLD: pages are parsed and stored by worker processes, which a
# kill of the sync process must not leave half-written either.
FEEDS = 24
POSTS = 20


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    for f in range(FEEDS):
        items = "".join(
            f"<item><title>Feed {f} post {p}</title><guid>f{f}p{p}</guid>"
            f"<pubDate>Mon, 02 Nov 2026 {p % 24:02d}:00:00 +0000</pubDate>"
            f"<description><![CDATA[<p>{'Words about our learning. ' * 40}</p>"
            f'<img src="/img{f}-{p}.png">]]></description></item>'
            for p in range(POSTS)
        )
        (root / f"feed{f}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{f}</title>{items}'
            "</channel></rss>"
        )
        for p in range(POSTS):
            (root / f"img{f}-{p}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux /proc; empty elsewhere)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            if entry.read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                found.append(int(entry.parent.name))
        except (OSError, IndexError):
            continue
    return found


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    """The pids still running after ``seconds``."""
    deadline = time.monotonic() + seconds
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if Path(f"/proc/{p}").exists() and not _zombie(p)]
    return alive


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def _cli(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kaizen_exchange", "--data-dir", str(data), *args]


def test_killing_a_sync_at_any_point_keeps_the_store_consistent(site: str, tmp_path: Path) -> None:
    network = tmp_path / "network.toml"
    feeds = ", ".join(f'"{site}/feed{f}.xml"' for f in range(FEEDS))
    network.write_text(
        '[[schools]]\nid = "s"\nname = "S"\ncountry = "GB"\ntimezone = "Europe/London"\n'
        f"feeds = [{feeds}]\n"
    )
    data = tmp_path / "data"
    subprocess.run(_cli(data, "network", "import", str(network)), check=True)
    # Kill after growing delays, so some kills land in the feed phase, some in media.
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0):
        process = subprocess.Popen(_cli(data, "sync"), stdout=subprocess.DEVNULL)
        time.sleep(delay)
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        # its parsing workers leave with it rather than linger on the teacher's PC
        assert _gone_within(workers, 5.0) == []
        store = Store(data)
        assert store.integrity_ok()
        # Every media row that claims a file has that file, complete.
        rows = store.execute_raw(
            "SELECT b.sha256, b.size, b.ext FROM media m JOIN media_blob b ON b.sha256 = m.sha256"
        )
        for sha, size, ext in rows:
            path = store.media_dir / sha[:2] / f"{sha}{ext}"
            assert path.stat().st_size == size
        store.close()
    finished = subprocess.run(_cli(data, "sync", "--json"), capture_output=True, check=True)
    report = json.loads(finished.stdout)
    assert report["errors"] == 0
    listed = subprocess.run(
        _cli(data, "posts", "list", "--limit", "1000", "--json"), capture_output=True, check=True
    )
    posts = json.loads(listed.stdout)
    assert len(posts) == FEEDS * POSTS
    assert len({p["title"] for p in posts}) == FEEDS * POSTS  # nothing duplicated
    stats = json.loads(
        subprocess.run(_cli(data, "cache", "stats", "--json"), capture_output=True).stdout
    )
    assert stats["files"] == FEEDS * POSTS
