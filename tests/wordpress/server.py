"""A real WordPress (Debian's package) on 127.0.0.1, started and stopped by the test suite.

The recipe is /work/shared/wordpress-local.md: MariaDB without systemd on a unix socket,
`php -S` with a router instead of Apache, a command-line install, and 50 seeded posts with
GD-drawn images. Everything lives in one state folder, except one symlink that Debian's
wp-config.php insists on: /etc/wordpress/config-<name>.php. The <name> is random per instance
and chosen through $_SERVER['WORDPRESS_CONFIG'] (set by the router), so several sessions can run
side by side on 127.0.0.1 on different ports.

Run by hand for debugging: `python -m tests.wordpress [--state DIR] [--port N]`.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import dataclasses
import email.utils
import html
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from tests.wordpress.packages import (
    DEBIAN_CONFIG_DIR,
    WORDPRESS_DIR,
    missing_prerequisites,
    which,
)
from tests.wordpress.records import LoggedRequest, Post
from tests.wordpress.site_files import write_site_files

PHP_DIR = Path(__file__).resolve().with_name("php")
CONFIG_PREFIX = "kaizen-test-"
DB_PASSWORD = "wp-test-pass"
#: Posts seeded by default, and posts per feed page (WordPress's default 10, so history needs
#: ?paged=N: 50 posts are exactly the 5 pages a first subscription reads).
SEEDED_POSTS = 50
POSTS_PER_RSS = 10
#: php.ini settings of the web server (Debian's upload limits are 2 MB / 8 MB). The built-in
#: server already has the opcode cache on, shared by its forked workers.
PHP_SERVER_INI = ("upload_max_filesize=64M", "post_max_size=64M", "display_errors=0")


class WordPressError(RuntimeError):
    """A step of starting or driving the site failed; the message has its output and logs."""


def _die_with_parent() -> None:
    """Runs in the child before exec: SIGTERM it if the test process dies without teardown."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _opener() -> urllib.request.OpenerDirector:
    """urllib without any proxy from the environment: the site is on loopback."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class WordPressSite:
    """One WordPress instance; `start()` builds it from nothing in `state_dir`."""

    state_dir: Path
    posts: int = SEEDED_POSTS
    posts_per_rss: int = POSTS_PER_RSS
    host: str = "127.0.0.1"
    port: int = 0
    config_name: str = field(default_factory=lambda: CONFIG_PREFIX + secrets.token_hex(6))
    seeded: list[Post] = field(default_factory=list)
    published: list[Post] = field(default_factory=list)
    auth: tuple[str, str] = ("", "")
    #: the Contributor "pupilforum" and its application password (tests of publishing)
    contributor_auth: tuple[str, str] = ("", "")
    timings: dict[str, float] = field(default_factory=dict)
    _mariadbd: subprocess.Popen[bytes] | None = None
    _php: subprocess.Popen[bytes] | None = None
    _run_dir: Path | None = None
    _config_link: Path | None = None

    # --- addresses -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def rss_url(self) -> str:
        """The RSS 2.0 feed at its canonical pretty address."""
        return f"{self.base_url}/feed/"

    @property
    def atom_url(self) -> str:
        return f"{self.base_url}/feed/atom/"

    @property
    def rss_query_url(self) -> str:
        """The same RSS feed by query string (works with any permalink setting)."""
        return f"{self.base_url}/?feed=rss2"

    @property
    def atom_query_url(self) -> str:
        return f"{self.base_url}/?feed=atom"

    @property
    def rest_url(self) -> str:
        return f"{self.base_url}/wp-json/wp/v2/"

    @property
    def all_posts(self) -> list[Post]:
        """Every published post, newest first."""
        return sorted(
            [*self.seeded, *self.published], key=lambda p: (p.date_gmt, p.id), reverse=True
        )

    @property
    def request_log(self) -> Path:
        return self.state_dir / "logs/requests.jsonl"

    @property
    def socket_path(self) -> Path:
        assert self._run_dir is not None
        return self._run_dir / "mysqld.sock"

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        started = time.monotonic()
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        self.timings["start_total"] = time.monotonic() - started
        (self.state_dir / "timings.json").write_text(json.dumps(self.timings, indent=1))

    def _start(self) -> None:
        missing = missing_prerequisites()
        if missing:
            raise WordPressError("missing: " + "; ".join(missing))
        if not self.port:
            self.port = free_port(self.host)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        # Always from nothing: seeded content holds absolute URLs with this run's port.
        for old in ("db", "wp-content"):
            shutil.rmtree(self.state_dir / old, ignore_errors=True)
        (self.state_dir / "logs").mkdir(exist_ok=True)
        self.request_log.touch()
        # A unix socket path must stay under ~107 bytes; pytest's tmp dirs can be deep.
        self._run_dir = Path(tempfile.mkdtemp(prefix="kx-wp-"))
        with self._timed("mariadb_install_db"):
            self._install_db()
        with self._timed("mariadb_start"):
            self._start_mariadb()
        with self._timed("config"):
            self._write_config()
        with self._timed("php_server_spawn"):
            self._spawn_php_server()  # it answers nothing until asked: overlaps with the install
        with self._timed("wp_install"):
            self._php_script("wp-install.php")
        with self._timed("seed"):
            seeded = json.loads(self._php_script("wp-seed.php"))
            self.seeded = [Post.from_json(p) for p in seeded]
        with self._timed("app_password"):
            user, _, password = self._php_script("wp-app-password.php").strip().partition(":")
            self.auth = (user, password)
        with self._timed("publishing_setup"):
            self._setup_publishing()
        with self._timed("php_server_ready"):
            self._wait_php_server()

    def stop(self) -> None:
        """Stops php -S (the whole process group: its workers outlive the parent) and mariadbd."""
        started = time.monotonic()
        procs: list[subprocess.Popen[bytes]] = []
        if self._php is not None and self._php.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._php.pid, signal.SIGTERM)
            procs.append(self._php)
        if self._mariadbd is not None and self._mariadbd.poll() is None:
            self._mariadbd.terminate()
            procs.append(self._mariadbd)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if self._php is not None:
            # Workers that ignored SIGTERM (or were mid-request) must not keep the port.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._php.pid, signal.SIGKILL)
        self._php = self._mariadbd = None
        if self._config_link is not None:
            self._config_link.unlink(missing_ok=True)
            self._config_link = None
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None
        # The database (~35 MB) is of no use once stopped; logs and uploads stay for reading.
        shutil.rmtree(self.state_dir / "db", ignore_errors=True)
        self.timings["stop"] = time.monotonic() - started

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # --- what tests do ---------------------------------------------------------------------

    def publish_post(self, title: str | None = None) -> Post:
        """Publishes a new post dated now, with its own image; the feeds' validators change."""
        post = Post.from_json(
            json.loads(self._php_script("wp-publish.php", *filter(None, [title])))
        )
        self.published.append(post)
        return post

    def edit_post(self, post: Post, *, title: str) -> Post:
        """Retitles a post through the REST API with the application password, as an editor's
        app would; first waits until the clock is past the site's last modification."""
        self._wait_past_last_modified()
        request = urllib.request.Request(
            f"{self.rest_url}posts/{post.id}",
            data=json.dumps({"title": title}).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                # WordPress sends no WWW-Authenticate challenge: credentials go up front.
                "Authorization": "Basic " + base64.b64encode(":".join(self.auth).encode()).decode(),
            },
        )
        with _opener().open(request, timeout=30) as response:
            rendered = json.loads(response.read())["title"]["rendered"]
        edited = dataclasses.replace(post, title=html.unescape(rendered))
        self.seeded = [edited if p.id == post.id else p for p in self.seeded]
        self.published = [edited if p.id == post.id else p for p in self.published]
        return edited

    def _wait_past_last_modified(self) -> None:
        """Feed validators have one-second resolution: a change in the same second as the
        last one would leave Last-Modified (and so the ETag) as they were."""
        with _opener().open(self.rss_query_url, timeout=30) as response:
            last = email.utils.parsedate_to_datetime(response.headers["Last-Modified"])
        while time.time() < last.timestamp() + 1:
            time.sleep(0.05)

    def request_mark(self) -> int:
        """A bookmark in the request log; pass it to `requests_since`."""
        return len(self.request_log.read_text().splitlines())

    def requests_since(self, mark: int = 0) -> list[LoggedRequest]:
        lines = self.request_log.read_text().splitlines()[mark:]
        return [LoggedRequest(**json.loads(line)) for line in lines if line.strip()]

    # --- publishing: switches, reading the site back, WordPress down, crash holds ----------

    @property
    def hold_file(self) -> Path:
        return self.state_dir / "hold.json"

    def _setup_publishing(self) -> None:
        """The Contributor's application password, and the switches' must-use plugin."""
        shutil.copyfile(
            PHP_DIR / "kx-switches-mu.php", self.state_dir / "wp-content/mu-plugins/kx-switches.php"
        )
        user, _, password = self._php_script("wp-contributor.php").strip().partition(":")
        self.contributor_auth = (user, password)

    def switch(self, name: str, on: bool) -> None:
        """Turns a behaviour of real school blogs on or off (see php/kx-switches-mu.php)."""
        self._php_script("wp-switch.php", f"kx_{name}", "1" if on else "0")

    def site_posts(self) -> list[dict[str, Any]]:
        """Every post of any status, read by PHP from WordPress itself (not the REST API)."""
        return list(json.loads(self._php_script("wp-read.php", "posts")))

    def site_media(self) -> list[dict[str, Any]]:
        """Every attachment, with its file on disk, read by PHP from WordPress itself."""
        return list(json.loads(self._php_script("wp-read.php", "media")))

    def download(self, url: str, target: Path) -> Path:
        """Downloads an uploaded file back over HTTP, as a reader of the blog would get it."""
        with _opener().open(url, timeout=60) as response:
            target.write_bytes(response.read())
        return target

    def stop_web(self) -> None:
        """WordPress "down": the web server stops (the database stays up)."""
        if self._php is not None and self._php.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._php.pid, signal.SIGTERM)
            try:
                self._php.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._php.kill()
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._php.pid, signal.SIGKILL)
        self._php = None

    def start_web(self) -> None:
        """WordPress up again on the same address."""
        if self._php is None:
            self._spawn_php_server()
            self._wait_php_server()

    def hold(self, method: str, path: str, *, skip: int = 0, below: int = 300) -> None:
        """The next successful METHOD request (status below ``below``) whose path contains
        ``path`` (after ``skip`` such requests) is done by WordPress, then its answer is held
        until :meth:`release` (see php/router.php)."""
        self.release()
        hold = {"method": method, "path": path, "skip": skip, "below": below}
        self.hold_file.write_text(json.dumps(hold))

    def holding(self) -> bool:
        """True once a request is held (WordPress did its work; the client has no answer)."""
        return self.hold_file.with_name("hold.json.held").exists()

    def release(self) -> None:
        self.hold_file.unlink(missing_ok=True)
        self.hold_file.with_name("hold.json.held").unlink(missing_ok=True)

    # --- steps -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _timed(self, step: str) -> Iterator[None]:
        started = time.monotonic()
        yield
        self.timings[step] = round(time.monotonic() - started, 3)

    def _run(self, args: Sequence[str | Path], *, step: str, stdin: str | None = None) -> str:
        try:
            result = subprocess.run(
                [str(a) for a in args],
                input=stdin,
                capture_output=True,
                text=True,
                timeout=120,
                env=self._php_env(),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise WordPressError(f"{step}: timed out after {exc.timeout} s") from exc
        if result.returncode != 0:
            raise WordPressError(
                f"{step} failed (exit {result.returncode}):\n{result.stdout[-2000:]}\n"
                f"{result.stderr[-2000:]}{self._log_tails()}"
            )
        return result.stdout

    def _db_user(self) -> str:
        import pwd  # Unix only; imported here so the module still imports on Windows (skipped)

        return "root" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name

    def _mariadb_args(self) -> list[str]:
        """Options for both mariadb-install-db and mariadbd: durability off, small and quick."""
        args = [
            "--no-defaults",
            f"--datadir={self.state_dir / 'db'}",
            "--skip-log-bin",
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0",
            "--innodb-buffer-pool-size=64M",
            "--innodb-log-file-size=16M",
            "--innodb-buffer-pool-dump-at-shutdown=0",
            "--innodb-buffer-pool-load-at-startup=0",
        ]
        # mariadbd refuses to run as root unless told; as another user, leave --user out.
        return [*args, "--user=root"] if os.geteuid() == 0 else args

    def _install_db(self) -> None:
        self._run(
            [
                which("mariadb-install-db") or "mariadb-install-db",
                *self._mariadb_args(),
                "--auth-root-authentication-method=socket",
                "--skip-test-db",
            ],
            step="mariadb-install-db",
        )

    def _start_mariadb(self) -> None:
        assert self._run_dir is not None
        log = (self.state_dir / "logs/mariadbd.out").open("wb")
        with log:
            self._mariadbd = subprocess.Popen(
                [
                    which("mariadbd") or "mariadbd",
                    *self._mariadb_args(),
                    f"--socket={self.socket_path}",
                    f"--pid-file={self._run_dir / 'mysqld.pid'}",
                    f"--log-error={self.state_dir / 'logs/mysqld.err'}",
                    "--skip-networking",
                    # The data is thrown away: skip clean-shutdown work. (Not for
                    # mariadb-install-db: its files must be complete when it exits.)
                    "--innodb-fast-shutdown=2",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + 30
        while True:
            if self._mariadbd.poll() is not None:
                raise WordPressError(
                    f"mariadbd exited ({self._mariadbd.returncode}){self._log_tails()}"
                )
            with socket.socket(socket.AF_UNIX) as sock:
                try:
                    sock.connect(str(self.socket_path))
                    break
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise WordPressError(f"mariadbd did not listen in 30 s{self._log_tails()}")
            time.sleep(0.02)
        sql = (
            "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 "
            "COLLATE utf8mb4_unicode_ci;\n"
            f"CREATE USER IF NOT EXISTS 'wp'@'localhost' IDENTIFIED BY '{DB_PASSWORD}';\n"
            "GRANT ALL PRIVILEGES ON wordpress.* TO 'wp'@'localhost';\n"
        )
        self._run(
            [
                which("mariadb") or "mariadb",
                "--no-defaults",
                f"--socket={self.socket_path}",
                f"-u{self._db_user()}",
            ],
            step="create database",
            stdin=sql,
        )

    def _write_config(self) -> None:
        config = write_site_files(
            self.state_dir,
            base_url=self.base_url,
            db_socket=self.socket_path,
            db_password=DB_PASSWORD,
            link_name=f"config-{self.config_name}.php",
        )
        # Clear links left by sessions that died without teardown (their state dir is gone).
        for stale in DEBIAN_CONFIG_DIR.glob(f"config-{CONFIG_PREFIX}*.php"):
            if stale.is_symlink() and not stale.exists():
                stale.unlink(missing_ok=True)
        DEBIAN_CONFIG_DIR.mkdir(exist_ok=True)
        link = DEBIAN_CONFIG_DIR / f"config-{self.config_name}.php"
        link.symlink_to(config)
        self._config_link = link

    def _php_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
        env.update(
            WP_LOCAL_HOST=f"{self.host}:{self.port}",
            WP_LOCAL_CONFIG=self.config_name,
            WP_LOCAL_CONTENT_DIR=str(self.state_dir / "wp-content"),
            WP_LOCAL_REQUEST_LOG=str(self.request_log),
            WP_POSTS=str(self.posts),
            WP_POSTS_PER_RSS=str(self.posts_per_rss),
            WP_LOCAL_HOLD_FILE=str(self.hold_file),
        )
        return env

    def _php_script(self, script: str, *args: str) -> str:
        return self._run([which("php") or "php", PHP_DIR / script, *args], step=script)

    def _spawn_php_server(self) -> None:
        env = self._php_env()
        env["PHP_CLI_SERVER_WORKERS"] = "4"  # parallel requests, and no self-deadlock
        log = (self.state_dir / "logs/php-server.log").open("wb")
        with log:
            self._php = subprocess.Popen(
                [
                    which("php") or "php",
                    *(arg for setting in PHP_SERVER_INI for arg in ("-d", setting)),
                    "-S",
                    f"{self.host}:{self.port}",
                    "-t",
                    str(WORDPRESS_DIR),
                    str(PHP_DIR / "router.php"),
                ],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    def _wait_php_server(self) -> None:
        assert self._php is not None
        deadline = time.monotonic() + 20
        opener = _opener()
        while True:
            if self._php.poll() is not None:
                raise WordPressError(f"php -S exited ({self._php.returncode}){self._log_tails()}")
            try:
                with opener.open(f"{self.base_url}/?feed=rss2", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise WordPressError(f"php -S did not answer in 20 s{self._log_tails()}")
            time.sleep(0.02)

    def _log_tails(self) -> str:
        tails = []
        for name in ("logs/mysqld.err", "logs/mariadbd.out", "logs/php-server.log"):
            path = self.state_dir / name
            if path.is_file() and path.stat().st_size:
                tails.append(
                    f"\n--- {path} (tail) ---\n" + path.read_text(errors="replace")[-1500:]
                )
        return "".join(tails)

    # --- comments (issue 14) ---------------------------------------------------------------

    def add_comments(
        self, post: Post, comments: list[dict[str, object]]
    ) -> list[dict[str, object]]:
        """Adds comments to ``post`` through php/wp-comments.php (stored as given: approved or
        held, markup untouched); each dict has author, email, content, parent (the position of
        an earlier comment of the list, or None) and approved. Returns WordPress's ids."""
        made = self._run(
            [which("php") or "php", PHP_DIR / "wp-comments.php", str(post.id)],
            step="wp-comments.php",
            stdin=json.dumps(comments),
        )
        result: list[dict[str, object]] = json.loads(made)
        return result

    def post_comments(self, post_id: int) -> list[dict[str, Any]]:
        """Every comment of a post, any status ("1", "0", "spam", "trash"), read by PHP."""
        return list(json.loads(self._php_script("wp-comment-admin.php", "comments", str(post_id))))

    def set_comment_status(self, comment_id: int, status: str) -> None:
        """approve, hold, spam or trash one comment, as a moderator does in WordPress."""
        self._php_script("wp-comment-admin.php", "status", str(comment_id), status)

    def set_disallowed_words(self, words: str) -> None:
        """Settings → Discussion → Disallowed Comment Keys: a comment with one goes to the bin."""
        self._php_script("wp-comment-admin.php", "disallowed", words)

    def set_comments_open(self, post_id: int, open_: bool) -> None:
        self._php_script(
            "wp-comment-admin.php", "comments-open", str(post_id), "1" if open_ else "0"
        )
