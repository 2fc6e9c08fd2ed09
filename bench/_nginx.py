"""Debian's nginx serving the generated files on 50 loopback addresses, for the benchmark.

nginx is used because it must not be the bottleneck: a static file costs it a few
microseconds, it sends ETag and Last-Modified, and it answers conditional GETs with 304.
It runs in the foreground as our child (``-p TMP -c CONF -g 'daemon off;'``), with every
path it writes to inside the temp folder, and is stopped when the benchmark ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from types import TracebackType

INSTALL_HINT = (
    "nginx is not installed. The benchmark serves its feeds with Debian's nginx; install it "
    "with:\n    sudo apt-get install -y nginx-light     (or: sudo apt-get install -y nginx)\n"
    "Installing it does not need to start the system service."
)


class NginxMissing(RuntimeError):
    pass


def find_nginx() -> str:
    """The nginx binary, or :class:`NginxMissing` with the command to install it."""
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise NginxMissing(INSTALL_HINT)


def free_port(addresses: list[str], tries: int = 50) -> int:
    """A TCP port that is free on every one of ``addresses``."""
    for _ in range(tries):
        with socket.socket() as probe:
            probe.bind((addresses[0], 0))
            port = int(probe.getsockname()[1])
        if all(_can_bind(a, port) for a in addresses[1:]):
            return port
    raise RuntimeError("No TCP port is free on all the loopback addresses.")


def _can_bind(address: str, port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def config(prefix: Path, docroot: Path, addresses: list[str], port: int, workers: int) -> str:
    listens = "\n".join(f"        listen {a}:{port} backlog=4096;" for a in addresses)
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / 'tmp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""# Written by bench/_nginx.py for the sync benchmark; loopback addresses only.
worker_processes {workers};
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
worker_rlimit_nofile 16384;

events {{
    worker_connections 8192;
    multi_accept on;
}}

http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 75s;
    keepalive_requests 100000;
    etag on;
    if_modified_since exact;
    open_file_cache max=20000 inactive=120s;
    open_file_cache_valid 120s;
    server_tokens off;
{temp}
    types {{
        application/rss+xml xml;
        image/png png;
        image/jpeg jpg;
    }}
    default_type application/octet-stream;

    server {{
{listens}
        # Each school is its own host: 127.0.0.N serves {docroot}/127.0.0.N/.
        root {docroot}/$server_addr;
        location ~ /feed/$ {{
            # WordPress answers 404 past the last page of a feed; every feed here fits
            # on its first page, so ?paged=2 and beyond are not found.
            if ($arg_paged ~ "^([2-9]|[1-9][0-9]+)$") {{
                return 404;
            }}
            index index.xml;
        }}
        location ~ /comments/feed/atom/$ {{
            # a blog's Atom comments feed, when the run has written one (else 404)
            index index.xml;
            types {{ }}
            default_type application/atom+xml;
        }}
    }}
}}
"""


class Nginx:
    """``with Nginx(...) as server:`` runs nginx until the block ends."""

    def __init__(
        self, prefix: Path, docroot: Path, addresses: list[str], port: int, workers: int = 1
    ) -> None:
        self.binary = find_nginx()
        self.prefix = prefix
        self.addresses = addresses
        self.port = port
        self.conf = prefix / "nginx.conf"
        prefix.mkdir(parents=True, exist_ok=True)
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / kind).mkdir(parents=True, exist_ok=True)
        self.conf.write_text(config(prefix, docroot, addresses, port, workers), encoding="utf-8")
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Nginx:
        command = [self.binary, "-p", str(self.prefix), "-c", str(self.conf), "-g", "daemon off;"]
        check = subprocess.run([*command[:-2], "-t", "-q"], capture_output=True, check=False)
        if check.returncode != 0:
            raise RuntimeError(f"nginx refused its config: {check.stderr.decode().strip()}")
        self._log = (self.prefix / "stderr.log").open("wb")
        self.process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 10.0) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        pending = list(self.addresses)
        while pending and time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = (self.prefix / "stderr.log").read_text(errors="replace")
                raise RuntimeError(f"nginx stopped at start: {err.strip()}")
            try:
                with socket.create_connection((pending[-1], self.port), timeout=0.5):
                    pending.pop()
            except OSError:
                time.sleep(0.05)
        if pending:
            self.stop()
            raise RuntimeError(f"nginx did not start listening on {pending[-1]}:{self.port}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # SIGTERM: nginx's fast shutdown
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


__all__ = ["INSTALL_HINT", "Nginx", "NginxMissing", "find_nginx", "free_port"]
