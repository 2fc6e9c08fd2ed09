"""Sync benchmark: 500 WordPress-like feeds on 50 loopback hosts, against plain baselines.

Run from the repository root (see bench/README.md)::

    .venv/bin/python -m bench.sync                 # the full run, a few minutes
    .venv/bin/python -m bench.sync --feeds 50      # a quick run while developing

It measures, in one run and on one machine: (a) a sequential feedparser loop over the
feeds; (b) the app's cold ``sync --no-media``; (c) the app's media phase against a bare
httpx download loop of the same images at the same concurrency; (d) a warm sync where
every feed answers 304; (e) the app's peak memory. With ``--comments N`` (default 5)
it also measures (b0) the same cold sync before the blogs had comments feeds, then
gives every blog a WordPress Atom comments feed with on average N comments per post
(a third of them replies), so (b) is the cold sync with comments against (b0) without
(issue 14: at most 1.3x), and (d) asks every comments feed too (all 304, and never a
per-post feed). It installs nothing: nginx must be
there already (it says how to get it when it is not).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import _comments, _feeds, _nginx
from bench._measure import AppRun, bare_download, run_app, sequential_feedparser
from bench._report import report

APP_TIMEOUT = 600.0  # a single app command may not take longer than this


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sync", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--feeds", type=int, default=500, help="feeds, 10 per host (500)")
    parser.add_argument("--posts", type=int, default=20, help="posts per feed (20)")
    parser.add_argument(
        "--comments", type=int, default=5, help="average comments per post, 0 for none (5)"
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument(
        "--baselines-only", action="store_true", help="measure (a) and the bare loop only"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder, say where")
    parser.add_argument("--nginx-workers", type=int, default=1, help="nginx worker processes (1)")
    parser.add_argument(
        "--bare-runs",
        type=int,
        default=2,
        help="runs of the bare download loop, one before the app and the rest after it; "
        "the best one counts (2)",
    )
    args = parser.parse_args(argv)
    if args.feeds < 1 or args.posts < 1 or args.bare_runs < 1:
        parser.error("--feeds, --posts and --bare-runs must be at least 1")
    return args


def app_limits() -> tuple[int, int, str]:
    """The app's own per-host and overall request limits, so the bare loop matches them."""
    try:
        from kaizen_exchange.feeds.http import HttpSettings

        settings = HttpSettings()
        return settings.per_host, settings.total, "kaizen_exchange.feeds.http.HttpSettings"
    except (ImportError, AttributeError):
        return 2, 100, "issue 2 (the app's limits could not be read)"


def app_ready() -> str | None:
    """None when ``python -m kaizen_exchange sync --help`` works, else why not."""
    check = subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", "sync", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if check.returncode == 0 and "--no-media" in check.stdout:
        return None
    last = (check.stderr.strip().splitlines() or ["no output"])[-1]
    return f"`python -m kaizen_exchange sync --help` failed: {last}"


def library_versions() -> dict[str, str | None]:
    """Versions that move the HTTP figures (sniffio: see bench/README.md)."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in ("httpx", "httpcore", "anyio", "sniffio", "feedparser", "nh3", "sqlalchemy"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def compile_app() -> bool:
    """Byte-compile the app as an install does (pip and PyInstaller ship .pyc files).

    With PYTHONDONTWRITEBYTECODE set, as on this workplace's machines, a source checkout
    would otherwise compile every module of the app on every start, in the sync's
    process and in each parsing worker; the libraries, like the baseline's, are
    compiled already.
    """
    import compileall

    import kaizen_exchange

    return bool(compileall.compile_dir(Path(kaizen_exchange.__file__).parent, quiet=1))


def quiet_environment() -> None:
    """Loopback only: no proxy may catch our requests (ours or the app's)."""
    for name in list(os.environ):
        if name.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del os.environ[name]


def db_count(data_dir: Path, sql: str) -> int | None:
    """A read-only count straight from the app's database (None if the schema differs)."""
    path = data_dir / "kaizen.sqlite3"
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.Error:
        return None


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


class Bench:
    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args = args
        self.root = root
        self.figures: dict[str, Any] = {"checks": {}, "notes": []}
        self.runs: list[AppRun] = []

    # -- helpers ---------------------------------------------------------------------------
    def note(self, text: str) -> None:
        self.figures["notes"].append(text)
        print(f"  note: {text}", flush=True)

    def check(self, name: str, ok: bool, detail: str) -> None:
        self.figures["checks"][name] = {"ok": ok, "detail": detail}
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)

    def app(self, data_dir: Path, *args: str) -> AppRun:
        run = run_app(data_dir, list(args), timeout=APP_TIMEOUT)
        if args and args[0] == "sync":
            self.runs.append(run)
        if run.seconds >= APP_TIMEOUT:
            self.note(f"`{' '.join(args)}` was stopped after {APP_TIMEOUT:.0f} s")
        if run.returncode not in (0, 3):
            tail = "\n".join(run.stderr.strip().splitlines()[-15:])
            self.note(f"`{' '.join(args)}` exited {run.returncode}:\n{tail}")
        return run

    # -- the run ---------------------------------------------------------------------------
    def run(self) -> None:
        args = self.args
        hosts = _feeds.host_addresses(min(_feeds.MAX_SCHOOLS, -(-args.feeds // 10)))
        port = _nginx.free_port(hosts)
        print(f"Generating {args.feeds} feeds x {args.posts} posts on {len(hosts)} hosts…")
        corpus = _feeds.generate(self.root / "www", port, args.feeds, args.posts)
        self.corpus = corpus
        self.figures["corpus"] = {
            "feeds": len(corpus.feed_urls),
            "posts": corpus.posts,
            "images": len(corpus.image_urls),
            "hosts": len(hosts),
            "feed_mb": round(corpus.feed_bytes / 1e6, 1),
            "image_mb": round(corpus.image_bytes / 1e6, 1),
            "cpus": os.cpu_count(),
            "loadavg_before": [round(x, 2) for x in os.getloadavg()],
            "python": sys.version.split()[0],
            "libraries": library_versions(),
        }
        per_host, total, source = app_limits()
        self.figures["limits"] = {"per_host": per_host, "total": total, "source": source}
        with _nginx.Nginx(
            self.root / "nginx", corpus.root, hosts, port, workers=args.nginx_workers
        ):
            print(f"nginx on {hosts[0]}–{hosts[-1]} port {port}")
            print("(a) baseline: sequential httpx.get + feedparser.parse…", flush=True)
            baseline = sequential_feedparser(corpus.feed_urls)
            self.figures["a_baseline"] = asdict(baseline)
            self.check(
                "baseline parsed every post",
                baseline.entries == corpus.posts and baseline.bozo == 0,
                f"{baseline.entries} entries, {baseline.bozo} bozo feeds",
            )
            print(
                f"bare httpx loop over {len(corpus.image_urls)} images ({per_host}/host, "
                f"{total} overall)…",
                flush=True,
            )
            bare = [bare_download(corpus.image_urls, per_host, total)]
            if not args.baselines_only:
                reason = app_ready()
                if not reason and not compile_app():
                    self.note("the app's modules could not all be byte-compiled")
                if reason:
                    self.note(f"the app cannot run yet, so (b)–(e) are not measured: {reason}")
                else:
                    self.run_app_phases()
            for _ in range(args.bare_runs - 1):
                bare.append(bare_download(corpus.image_urls, per_host, total))
        self.figures["c_bare"] = [asdict(b) for b in bare]
        self.check(
            "bare loop got every image",
            all(b.errors == 0 and b.bytes == corpus.image_bytes for b in bare),
            f"{bare[0].bytes / 1e6:.1f} MB, {sum(b.errors for b in bare)} errors",
        )
        self.figures["c_bare_seconds"] = min(b.seconds for b in bare)
        self.figures["corpus"]["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]

    def run_app_phases(self) -> None:
        corpus = self.corpus
        data = self.root / "data"
        assert corpus.network_file is not None
        imported = self.app(data, "network", "import", str(corpus.network_file))
        self.check("network import", imported.returncode == 0, f"exit {imported.returncode}")
        if self.args.comments:
            self.cold_without_comments()

        print("(b) cold sync --no-media…", flush=True)
        cold = self.app(data, "sync", "--no-media", "--json")
        self.figures["b_cold"] = self.summary(cold)
        self.verify_feeds(cold, "cold", {"ok"})
        self.verify_posts(data)
        if self.args.comments:
            stored = db_count(data, "SELECT count(*) FROM comment")
            wanted = self.figures["corpus"]["comments"]
            self.check("comments stored", stored == wanted, f"{stored} stored, {wanted} in feeds")

        print("(c) sync with media…", flush=True)
        media = self.app(data, "sync", "--json")
        self.figures["c_media_sync"] = self.summary(media)
        report = media.json() or {}
        fetched = report.get("media_fetched")
        self.check(
            "media sync fetched every image",
            fetched == len(corpus.image_urls),
            f"media_fetched={fetched}, expected {len(corpus.image_urls)}",
        )
        ok_media = db_count(data, "SELECT count(*) FROM media WHERE status = 'ok'")
        self.check(
            "every image cached",
            ok_media == len(corpus.image_urls),
            f"{ok_media} media rows ok; cache {dir_bytes(data / 'media') / 1e6:.1f} MB",
        )

        print("(d) warm sync…", flush=True)
        warm = self.app(data, "sync", "--json")
        self.figures["d_warm"] = self.summary(warm)
        self.verify_feeds(warm, "warm", {"not_modified"})
        warm_report = warm.json() or {}
        self.check(
            "warm sync fetched no media",
            warm_report.get("media_fetched") == 0,
            f"media_fetched={warm_report.get('media_fetched')}",
        )
        if self.args.comments:
            self.check(
                "warm sync: no new comments, no comments feed failed",
                warm_report.get("new_comments") == 0
                and not any(f.get("comments_error") for f in warm_report.get("feeds") or []),
                f"new_comments={warm_report.get('new_comments')}",
            )
        self.figures["c_media_phase"] = self.media_phase(report, media, warm)
        self.figures["e_peak_rss_mb"] = max(max(r.maxrss_mb, r.tree_peak_mb) for r in self.runs)

    def cold_without_comments(self) -> None:
        """(b0): the cold sync before any blog has a comments feed (each answers 404 once),
        in a data folder of its own; then every blog gets one."""
        corpus, plain = self.corpus, self.root / "data-without-comments"
        assert corpus.network_file is not None
        self.app(plain, "network", "import", str(corpus.network_file))
        print("(b0) cold sync --no-media, blogs without comments feeds…", flush=True)
        cold = self.app(plain, "sync", "--no-media", "--json")
        self.figures["b0_cold_without_comments"] = self.summary(cold)
        self.verify_feeds(cold, "cold without comments", {"ok"})
        comments, size = _comments.write_comment_feeds(corpus, self.args.comments)
        self.figures["corpus"]["comments"] = comments
        self.figures["corpus"]["comment_feed_mb"] = round(size / 1e6, 1)
        print(f"comments feeds written: {comments} comments, {size / 1e6:.1f} MB", flush=True)

    def summary(self, run: AppRun) -> dict[str, Any]:
        report = run.json()
        out: dict[str, Any] = {
            "wall_seconds": round(run.seconds, 3),
            "cpu_seconds": round(run.cpu_seconds, 2),
            "returncode": run.returncode,
            "maxrss_mb": round(run.maxrss_mb, 1),
            "tree_peak_mb": round(run.tree_peak_mb, 1),
        }
        if isinstance(report, dict):
            out |= {
                k: report.get(k)
                for k in ("seconds", "phases", "new_posts", "updated_posts", "media_fetched")
            }
            out["errors"] = report.get("errors")
        else:
            self.note(f"`{' '.join(run.argv)}` printed no JSON report")
        return out

    def verify_feeds(self, run: AppRun, label: str, wanted: set[str]) -> None:
        report = run.json() or {}
        feeds = report.get("feeds") or []
        statuses: dict[str, int] = {}
        for feed in feeds:
            statuses[str(feed.get("status"))] = statuses.get(str(feed.get("status")), 0) + 1
        good = sum(n for s, n in statuses.items() if s in wanted)
        self.check(
            f"{label} sync: every feed {'/'.join(sorted(wanted))}",
            good == len(self.corpus.feed_urls) and run.returncode == 0,
            f"exit {run.returncode}, statuses {statuses}",
        )
        errors = [f for f in feeds if f.get("status") == "error"][:3]
        for feed in errors:
            self.note(f"{feed.get('url')}: {feed.get('error')}")

    def verify_posts(self, data: Path) -> None:
        corpus = self.corpus
        stored = db_count(data, "SELECT count(*) FROM post")
        listed = self.app(data, "posts", "list", "--json", "--limit", str(corpus.posts + 100))
        listed_n = len(listed.json() or [])
        self.check(
            "posts stored",
            stored == corpus.posts and listed_n == corpus.posts,
            f"{stored} in the database, {listed_n} from `posts list`, expected {corpus.posts}",
        )
        found = self.app(
            data,
            "posts",
            "list",
            "--search",
            _feeds.RARE_WORD,
            "--json",
            "--limit",
            str(corpus.posts + 100),
        )
        found_n = len(found.json() or [])
        self.check(
            f"search '{_feeds.RARE_WORD}'",
            found_n == corpus.rare_word_posts,
            f"{found_n} posts found, expected {corpus.rare_word_posts}",
        )
        unsafe = db_count(
            data,
            "SELECT count(*) FROM post WHERE html LIKE '%<script%' "
            "OR html LIKE '%javascript:%' OR html LIKE '%onclick%'",
        )
        self.check("sanitized", unsafe == 0, f"{unsafe} posts with script/javascript:/onclick")

    def media_phase(self, report: dict[str, Any], media: AppRun, warm: AppRun) -> dict[str, Any]:
        """The media phase's seconds: the app's own figure if it reports phases, else the
        media sync's wall time less the warm sync's (which does the same feed work)."""
        phases = report.get("phases")
        if isinstance(phases, dict):
            for key, value in phases.items():
                if "media" in str(key).lower() and isinstance(value, int | float):
                    return {"seconds": float(value), "source": f"report phases.{key}"}
        estimate = max(0.0, media.seconds - warm.seconds)
        return {"seconds": estimate, "source": "estimate: media sync wall − warm sync wall"}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        _nginx.find_nginx()
    except _nginx.NginxMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    quiet_environment()
    # Stopped from outside: unwind, so nginx and the temp folder are cleaned up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    root = Path(tempfile.mkdtemp(prefix="kaizen-bench-"))
    root.chmod(0o755)  # nginx's workers run as another user when we are root
    bench = Bench(args, root)
    try:
        bench.run()
        results = report(bench.figures)
    finally:
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        out = {"figures": bench.figures, "results": results}
        Path(args.json).write_text(json.dumps(out, indent=2, default=str) + "\n", "utf-8")
        print(f"figures written to {args.json}")
    failed_checks = any(not c["ok"] for c in bench.figures["checks"].values())
    return 1 if failed_checks else 0


if __name__ == "__main__":
    sys.exit(main())
