"""What the benchmark times: the two baselines it builds itself, and the app run as a child.

The baselines are as plain as the job allows, so the ratios say what the app's own
machinery costs: (a) a sequential ``httpx.get`` + ``feedparser.parse`` loop with
feedparser's defaults, and (c) a bare ``httpx.AsyncClient`` loop that downloads the
same image URLs under the same per-host and overall limits as the app, keeping nothing.
The app runs as a subprocess, so its peak memory is its own: ``wait4`` gives the
kernel's high-water mark, and a sampler adds up the RSS of its whole process tree in
case it parses in worker processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx


@dataclass
class Baseline:
    seconds: float
    cpu_seconds: float
    fetch_seconds: float  # httpx.get builds a client (and an SSL context) per call
    parse_seconds: float
    feeds: int
    entries: int
    bozo: int


def sequential_feedparser(urls: list[str]) -> Baseline:
    """(a) The plain loop a script would write: one GET, one parse, one feed at a time."""
    entries = bozo = 0
    fetching = parsing = 0.0
    cpu = time.process_time()
    start = time.perf_counter()
    for url in urls:
        began = time.perf_counter()
        response = httpx.get(url, trust_env=False, timeout=30)
        response.raise_for_status()
        fetched = time.perf_counter()
        parsed = feedparser.parse(response.content)
        parsing += time.perf_counter() - fetched
        fetching += fetched - began
        entries += len(parsed.entries)
        bozo += bool(parsed.bozo)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return Baseline(seconds, cpu, fetching, parsing, len(urls), entries, bozo)


@dataclass
class BareDownload:
    seconds: float
    cpu_seconds: float
    files: int
    bytes: int
    errors: int
    per_host: int
    total: int


async def _bare(urls: list[str], per_host: int, total: int) -> BareDownload:
    hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(per_host))
    overall = asyncio.Semaphore(total)
    limits = httpx.Limits(max_connections=total, max_keepalive_connections=total)
    received = errors = 0

    async def one(client: httpx.AsyncClient, url: str) -> None:
        nonlocal received, errors
        async with hosts[urlsplit(url).hostname or ""], overall:
            try:
                response = await client.get(url)
            except httpx.HTTPError:
                errors += 1
                return
        if response.status_code == 200:
            received += len(response.content)
        else:
            errors += 1

    async with httpx.AsyncClient(limits=limits, trust_env=False, timeout=30) as client:
        cpu = time.process_time()
        start = time.perf_counter()
        await asyncio.gather(*(one(client, u) for u in urls))
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu
    return BareDownload(seconds, cpu, len(urls), received, errors, per_host, total)


def bare_download(urls: list[str], per_host: int, total: int) -> BareDownload:
    """(c)'s yardstick: the same URLs, the same limits, nothing stored."""
    return asyncio.run(_bare(urls, per_host, total))


@dataclass
class AppRun:
    argv: list[str]
    seconds: float
    cpu_seconds: float  # user + system, the process and the workers it reaped
    returncode: int
    stdout: str
    stderr: str
    maxrss_mb: float  # kernel high-water mark of the process (and children it reaped)
    tree_peak_mb: float  # sampled sum over the process and its descendants

    def json(self) -> Any:
        try:
            return json.loads(self.stdout)
        except ValueError:
            return None


class _TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and its descendants every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self.done.set()
        self.join(timeout=2)


def _tree(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_app(
    data_dir: Path, args: list[str], *, timeout: float, python: str = sys.executable
) -> AppRun:
    """Run ``python -m kaizen_exchange --data-dir DATA ARGS…`` and measure it."""
    argv = [python, "-m", "kaizen_exchange", "--data-dir", str(data_dir), *args]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, start_new_session=True)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        timer = threading.Timer(timeout, _kill_group, (process.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # we are being stopped: stop the app too, and reap it
            _kill_group(process.pid)
            os.waitpid(process.pid, 0)
            process.returncode = -signal.SIGKILL
            raise
        finally:
            timer.cancel()
            sampler.stop()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return AppRun(
            argv=args,
            seconds=seconds,
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            maxrss_mb=usage.ru_maxrss / 1024,
            tree_peak_mb=sampler.peak_kb / 1024,
        )


def _kill_group(pid: int) -> None:
    """Timeout: stop the app we started (its own session, so nothing else is touched)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


__all__ = [
    "AppRun",
    "BareDownload",
    "Baseline",
    "bare_download",
    "run_app",
    "sequential_feedparser",
]
