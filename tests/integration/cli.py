"""Run the real command line in a subprocess, the way a school's IT script would.

Every run is timed and its peak memory measured (``os.wait4`` gives the child's own
maximum resident set), so tests can say "bounded time and memory" about one command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.helpers.hermetic import LOOPBACK, REAL_HOME, is_inside

REPO = Path(__file__).resolve().parents[2]

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_PARTIAL = 3

#: The seconds we ask the app to wait for a server (see timeout_args).
SHORT_TIMEOUT = 3.0


@dataclass
class CliRun:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float | None

    def describe(self) -> str:
        return (
            f"command: kaizen-exchange {' '.join(self.args)}\n"
            f"exit status: {self.returncode} after {self.seconds:.1f} s\n"
            f"stdout:\n{self.stdout[-4000:]}\nstderr:\n{self.stderr[-4000:]}"
        )

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as exc:
            pytest.fail(f"the command did not print JSON ({exc})\n{self.describe()}")


def cli_env() -> dict[str, str]:
    """The test's room (tests/conftest.py), without any proxy: loopback is reached directly."""
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    assert not is_inside(Path(env.get("HOME", "/")), REAL_HOME), (
        "cli_env() used outside the tests' room: HOME is the real home folder"
    )
    env["NO_PROXY"] = env["no_proxy"] = LOOPBACK
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("PYTHONWARNINGS", None)
    return env


def _high_water_mb(pid: int) -> float:
    """The peak resident memory of a running process (Linux /proc), 0 when unknown."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _file_size_capped(limit: int) -> Callable[[], None]:
    """In the child, before exec: files stop growing at ``limit`` (EFBIG, not a signal)."""
    import resource
    import signal

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return cap


def run_cli(
    data_dir: Path | None,
    *args: str,
    timeout: float = 60.0,
    cwd: Path = REPO,
    env: Mapping[str, str] | None = None,
    file_size_limit: int | None = None,
    stdin: str | None = None,
) -> CliRun:
    """Run ``python -m kaizen_exchange --data-dir DATA_DIR ARGS…``; fail the test on a hang.

    ``data_dir`` None: no ``--data-dir`` (the room's data folder). ``env``: variables set
    on top of the room's. ``file_size_limit``: no file of the command may grow past it,
    as on a full disk (POSIX). ``stdin``: text piped in (a password, as a script gives it).
    """
    argv = [*(["--data-dir", str(data_dir)] if data_dir is not None else []), *args]
    command = [sys.executable, "-m", "kaizen_exchange", *argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE,
            env={**cli_env(), **(env or {})},
            cwd=cwd,
            preexec_fn=_file_size_capped(file_size_limit) if file_size_limit else None,
        )
        if process.stdin is not None:
            process.stdin.write((stdin or "").encode())
            process.stdin.close()
        timed_out = False
        rss: float | None = None
        if hasattr(os, "wait4"):
            peak = 0.0
            while True:
                peak = max(peak, _high_water_mb(process.pid))
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - start > timeout:
                    timed_out = True
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.01)
            process.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss of a child started by a large pytest process can report the
            # parent's size (the child shares its memory until exec); VmHWM is the
            # command's own peak, sampled while it runs, so prefer it when we have it.
            rss = peak or usage.ru_maxrss / 1024  # kilobytes on Linux
        else:  # pragma: no cover - Windows: no per-child memory figure
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                process.kill()
                process.wait()
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        run = CliRun(
            args=argv,
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", errors="replace"),
            stderr=err.read().decode("utf-8", errors="replace"),
            seconds=seconds,
            max_rss_mb=rss,
        )
    if timed_out:
        pytest.fail(f"the command did not finish within {timeout:.0f} s\n{run.describe()}")
    return run


def run_parallel(*jobs: tuple[Path, Sequence[str]], timeout: float = 60.0) -> list[CliRun]:
    """Run independent commands side by side (each start-up costs a second of imports)."""
    with ThreadPoolExecutor(max_workers=min(4, len(jobs) or 1)) as pool:
        futures = [pool.submit(run_cli, data, *args, timeout=timeout) for data, args in jobs]
        return [future.result() for future in futures]


def ok(run: CliRun, *expected: int) -> CliRun:
    """Assert the exit status (0 unless told) and return the run."""
    allowed = expected or (EXIT_OK,)
    assert run.returncode in allowed, run.describe()
    return run


# -- sync ---------------------------------------------------------------------------------


def timeout_args(seconds: float = SHORT_TIMEOUT) -> list[str]:
    """``sync --timeout N``: give up on a server after N seconds (the app's default is 60)."""
    return ["--timeout", f"{seconds:g}"]


def sync(data_dir: Path, *args: str, timeout: float = 60.0) -> tuple[CliRun, dict[str, Any]]:
    """``sync --json``; exit 0 or 3 expected; returns the run and the parsed report."""
    run = run_cli(data_dir, "sync", "--json", *args, timeout=timeout)
    assert run.returncode in (EXIT_OK, EXIT_PARTIAL), run.describe()
    report = run.json()
    assert isinstance(report, dict), run.describe()
    for key in ("feeds", "new_posts", "updated_posts", "media_fetched", "errors", "seconds"):
        assert key in report, f"sync --json lacks {key!r}\n{run.describe()}"
    return run, report


def feed_entry(report: dict[str, Any], school: str, url: str | None = None) -> dict[str, Any]:
    """The one feed entry of ``school`` (and ``url`` when a school has several)."""
    entries = [
        e
        for e in report["feeds"]
        if e.get("school") == school and (url is None or e.get("url") == url)
    ]
    assert len(entries) == 1, f"expected one feed entry for {school} {url or ''}: {report}"
    entry: dict[str, Any] = entries[0]
    for key in ("url", "school", "status", "http_status", "new", "updated", "error"):
        assert key in entry, f"feed entry lacks {key!r}: {entry}"
    return entry


def entries_of(report: dict[str, Any], school: str) -> list[dict[str, Any]]:
    return [e for e in report["feeds"] if e.get("school") == school]


def count(value: Any) -> int:
    """``errors`` as a number (the contract names it, not its type)."""
    return value if isinstance(value, int) else len(value)


def assert_plain_message(message: Any, pattern: str | None = None) -> None:
    """A message for a teacher: words, not a traceback or a Python repr."""
    assert isinstance(message, str), f"no error message: {message!r}"
    assert 0 < len(message.strip()) < 500, f"message too short or long: {message!r}"
    for smell in ("Traceback", "<class ", "Error(", "Exception(", 'File "'):
        assert smell not in message, f"not a plain message: {message!r}"
    if pattern:
        assert re.search(pattern, message, re.IGNORECASE), (
            f"message {message!r} does not say what happened (expected /{pattern}/)"
        )


# -- posts --------------------------------------------------------------------------------

POST_KEYS = ("id", "school", "title", "url", "published", "author", "categories", "read", "media")


POSTS_LIST = ("posts", "list", "--json")


def parse_posts(run: CliRun) -> list[dict[str, Any]]:
    posts = ok(run).json()
    assert isinstance(posts, list), run.describe()
    for post in posts:
        for key in POST_KEYS:
            assert key in post, f"posts list --json entry lacks {key!r}: {post}"
    return posts


def posts_list(data_dir: Path, *args: str) -> list[dict[str, Any]]:
    return parse_posts(run_cli(data_dir, *POSTS_LIST, *args))


def posts_by_title(posts: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for post in posts:
        found.setdefault(post["title"], []).append(post)
    return found


def one_post(posts: Iterable[dict[str, Any]], title: str) -> dict[str, Any]:
    matches = posts_by_title(posts).get(title, [])
    assert len(matches) == 1, f"expected exactly one post titled {title!r}, found {len(matches)}"
    return matches[0]


def show_args(post_id: Any, form: str = "--json") -> tuple[str, ...]:
    return ("posts", "show", str(post_id), form)


def parse_show(run: CliRun) -> dict[str, Any]:
    shown = ok(run).json()
    for key in ("id", "title", "url", "published", "html", "media"):
        assert key in shown, f"posts show --json lacks {key!r}: {shown}"
    return dict(shown)


def show_json(data_dir: Path, post_id: Any) -> dict[str, Any]:
    return parse_show(run_cli(data_dir, *show_args(post_id)))


def show_html(data_dir: Path, post_id: Any) -> str:
    return ok(run_cli(data_dir, *show_args(post_id, "--html"))).stdout


def file_url_path(url: str) -> Path:
    """The local path of a ``file://`` URL."""
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path))


# -- network files ------------------------------------------------------------------------


def school_toml(
    school_id: str,
    *,
    feeds: Sequence[str] = (),
    blog: str | None = None,
    name: str | None = None,
    country: str = "GB",
    timezone: str = "Europe/London",
    extra: str = "",
) -> str:
    lines = [
        "[[schools]]",
        f'id = "{school_id}"',
        f'name = "{name or school_id.replace("-", " ").title() + " School"}"',
        f'country = "{country}"',
        f'timezone = "{timezone}"',
    ]
    if blog:
        lines.append(f'blog = "{blog}"')
    if feeds:
        lines.append("feeds = [" + ", ".join(f'"{url}"' for url in feeds) + "]")
    if extra:
        lines.append(extra.strip())
    return "\n".join(lines) + "\n"


def network_toml(*schools: str, name: str = "Test Network") -> str:
    return f'[network]\nname = "{name}"\n\n' + "\n".join(schools)


def import_network(data_dir: Path, text: str, file_name: str = "network.toml") -> CliRun:
    path = data_dir.parent / file_name
    path.write_text(text, encoding="utf-8")
    return ok(run_cli(data_dir, "network", "import", str(path)))


__all__ = [
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_USAGE",
    "POSTS_LIST",
    "POST_KEYS",
    "REPO",
    "SHORT_TIMEOUT",
    "CliRun",
    "assert_plain_message",
    "count",
    "entries_of",
    "feed_entry",
    "file_url_path",
    "import_network",
    "network_toml",
    "ok",
    "one_post",
    "parse_posts",
    "parse_show",
    "posts_by_title",
    "posts_list",
    "run_cli",
    "run_parallel",
    "school_toml",
    "show_args",
    "show_html",
    "show_json",
    "sync",
    "timeout_args",
]
