"""The frozen Linux app works from its folder alone: no source tree, no Python on PATH.

The bundle is built by ``packaging/linux/build`` (or reused: ``$KAIZEN_BUNDLE`` names a
built folder, and ``dist/kaizen-exchange`` is reused when newer than every source
file). Each test copies it to a temporary folder and runs it with an environment
that has no PYTHONPATH, no virtualenv, a PATH without any python, and a fresh HOME.

Figures (size, start time) and the screenshot land in ``test-output/packaging/``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from subprocess import PIPE

import pytest

from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "kaizen-exchange"
OUT = ROOT / "test-output" / "packaging"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
INPUTS = ("kaizen_exchange", "resources", "packaging", "pyproject.toml", "setup.py")
#: The installers' issue asked for under 250 MB when the app only read (160 MB then).
#: Sharing brought FFmpeg (PyAV, 79 MB: phone videos lose their location) and Pillow's
#: codecs; after trimming (one executable, decode-only HEIC, phonenumbers "lite", no
#: Pygments) the folder is 256 MB, over the first target: see packaging/README.md. This
#: guard stops it growing further; FFmpeg's unused encoders are where the rest is.
MAX_MB = 275
FEEDS = 20  # more than POOL_THRESHOLD (16): the sync parses in worker processes

if not sys.platform.startswith("linux"):
    pytest.skip("the bundle built and tested here is the Linux one", allow_module_level=True)


def _ignored(file: Path) -> bool:
    """Files that do not change the Linux bundle: docs, other platforms' recipes, caches."""
    relative = file.relative_to(ROOT).as_posix()
    return (
        "__pycache__" in file.parts
        or file.suffix == ".md"
        or relative.startswith(("packaging/windows/", "packaging/macos/"))
    )


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if file.is_file() and not _ignored(file):
                newest = max(newest, file.stat().st_mtime)
    return newest


def _built_bundle() -> Path:
    explicit = os.environ.get("KAIZEN_BUNDLE")
    if explicit:
        return Path(explicit)
    app = DIST / "kaizen-exchange"
    if not (app.exists() and app.stat().st_mtime > _newest_input()):
        # PyInstaller is not the app: without coverage's variable it is not traced (a
        # traced build took 220 s in CI instead of 90 s).
        env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
        build = ROOT / "packaging" / "linux" / "build"
        subprocess.run([str(build)], check=True, timeout=600, env=env)
    return DIST


@pytest.fixture(scope="module")
def built() -> Path:
    bundle = _built_bundle()
    assert (bundle / "kaizen-exchange").is_file(), f"no bundle in {bundle}"
    return bundle


@pytest.fixture
def bundle(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "app"
    shutil.copytree(built, copy, symlinks=True)
    return copy


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    """Only what a desktop session would have; a PATH that holds no python at all."""
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": str(empty_bin),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg"),  # no machine file unless a test adds one
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
    }
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run(
    bundle: Path, env: dict[str, str], *args: str, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "kaizen-exchange"), *args],
        env=env,
        cwd=env["HOME"],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def record(name: str, value: object) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    figures = OUT / "figures.json"
    data = json.loads(figures.read_text()) if figures.exists() else {}
    data[name] = value
    figures.write_text(json.dumps(data, indent=2) + "\n")


def test_size_under_target(built: Path) -> None:
    size = sum(f.stat().st_size for f in built.rglob("*") if f.is_file() and not f.is_symlink())
    record("bundle_mb", round(size / 1e6, 1))
    assert size < MAX_MB * 1e6, f"the bundle is {size / 1e6:.0f} MB (target {MAX_MB} MB)"
    plugins = {p.parent.name + "/" + p.name for p in built.rglob("plugins/*/*")}
    assert "platforms/libqoffscreen.so" in plugins and "platforms/libqxcb.so" in plugins
    assert not any("qml" in p.lower() or "webengine" in p.lower() for p in plugins)
    assert not list(built.rglob("libQt6Qml*")) and not list(built.rglob("libQt6WebEngine*"))


def test_ships_what_the_app_uses_and_no_build_sources(built: Path) -> None:
    assert list(built.rglob("resources/demo/site/*/feed/*")), "the generated demo must ship"
    assert not list(built.rglob("*.ui")), "Qt Designer sources are compiled, not shipped"
    generators = ("make_demo.py", "demo_posts.py", "demo_pictures.py", "demo_pdf.py")
    assert not [f for name in generators for f in built.rglob(name)], "generators do not ship"


def test_version_from_pyproject(bundle: Path, clean_env: dict[str, str]) -> None:
    result = run(bundle, clean_env, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Kaizen Exchange {VERSION}"


def test_demo_sync_lists_posts_and_logs_no_content(bundle: Path, clean_env: dict[str, str]) -> None:
    result = run(
        bundle, clean_env, "--data-dir", str(Path(clean_env["HOME"]) / "demo"), "demo-sync"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Demo network: 5 partner schools" in result.stdout
    titles = re.findall(r"^\s*\d+\s+\S.*$", result.stdout, re.MULTILINE)
    assert len(titles) >= 10, result.stdout
    log = Path(clean_env["XDG_STATE_HOME"]) / "kaizen-exchange" / "log" / "kaizen-exchange.log"
    text = log.read_text()
    assert f"kaizen-exchange {VERSION} started (frozen" in text
    assert re.search(r"feed http://127\.0\.0\.1:\d+/\S+ \(school greenfield\): ok, HTTP 200", text)
    # ids, URLs and statuses only: no post title from the listing is in the log
    assert "Reflective Friday" not in text and "bushfire" not in text.lower()


def _watch_for_workers(process: subprocess.Popen[str]) -> set[int]:
    """Pids of the bundle's parse workers (``--multiprocessing-fork``) seen while it runs."""
    seen: set[int] = set()
    deadline = time.monotonic() + 180
    while process.poll() is None and time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    cmdline = (entry / "cmdline").read_bytes()
                except OSError:
                    continue
                if b"--multiprocessing-fork" in cmdline and b"kaizen-exchange" in cmdline:
                    seen.add(int(entry.name))
        time.sleep(0.01)
    return seen


def test_sync_of_many_feeds_uses_worker_processes(
    bundle: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one CPU: the sync parses in a thread, not in worker processes")
    with FeedServer() as server:
        schools = []
        for n in range(FEEDS):
            items = [
                Item(
                    title=f"Post {k}",
                    link=server.url(f"/s{n}/p{k}/"),
                    guid=f"s{n}-{k}",
                    published=f"Tue, 0{k + 2} Mar 2026 10:00:00 +0000",
                    content=f"<p>{n}/{k}</p>",
                )
                for k in range(1, 4)
            ]
            url = server.feed(
                f"/s{n}/feed/", rss(items, title=f"School {n}", link=server.url(f"/s{n}/"))
            )
            schools.append(
                f'[[schools]]\nid = "s{n}"\nname = "School {n}"\ncountry = "GB"\n'
                f'subdivision = "ENG"\ntimezone = "Europe/London"\nfeeds = ["{url}"]\n'
            )
        network = tmp_path / "network.toml"
        network.write_text('[network]\nname = "Big network"\n\n' + "\n".join(schools))
        data = str(tmp_path / "big")
        imported = run(bundle, clean_env, "--data-dir", data, "network", "import", str(network))
        assert imported.returncode == 0, imported.stderr
        command = [str(bundle / "kaizen-exchange"), "--data-dir", data, "sync", "--json"]
        sync = subprocess.Popen(
            [*command, "--no-media"], env=clean_env, stdout=PIPE, stderr=PIPE, text=True
        )
        workers = _watch_for_workers(sync)
        out, err = sync.communicate(timeout=180)
    assert sync.returncode == 0, out + err
    assert workers, "no parse worker process was started: the pool was not used"
    report = json.loads(out)
    assert [f["status"] for f in report["feeds"]] == ["ok"] * FEEDS
    assert sum(f["new"] for f in report["feeds"]) == 3 * FEEDS


def test_machine_network_file_is_imported_on_first_run(
    bundle: Path, clean_env: dict[str, str], tmp_path: Path
) -> None:
    machine = Path(clean_env["XDG_CONFIG_DIRS"]) / "kaizen-exchange"
    machine.mkdir(parents=True)
    demo = (ROOT / "resources" / "demo" / "network.toml").read_text()
    (machine / "network.toml").write_text(demo.replace("http://DEMO_BASE", "http://127.0.0.1:9"))
    listed = run(bundle, clean_env, "feeds", "list")
    assert listed.returncode == 0, listed.stderr
    assert "greenfield" in listed.stdout


@pytest.fixture
def screenshot_path() -> Iterator[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    yield OUT / "demo-window.png"


def test_demo_window_screenshot_not_blank(
    bundle: Path, clean_env: dict[str, str], screenshot_path: Path
) -> None:
    link = bundle / "kaizen-exchange-selfcheck"
    assert link.is_symlink(), "the self-check is the app under another name, not a copy"
    result = subprocess.run(
        [str(link), "--screenshot", str(screenshot_path)],
        env=clean_env,
        cwd=clean_env["HOME"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["frozen"] and facts["version"] == VERSION and facts["ok"]
    assert facts["resources"].startswith(str(bundle)), "resources must come from the bundle"
    assert facts["posts"] > 0
    from PySide6.QtGui import QImage

    image = QImage(str(screenshot_path))
    assert not image.isNull() and image.width() >= 600 and image.height() >= 400
    colours = {
        image.pixel(x, y) for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
    }
    assert len(colours) >= 50, f"only {len(colours)} colours: the window looks blank"


def test_cold_start_to_first_window(bundle: Path, clean_env: dict[str, str]) -> None:
    """Process start to the window's first paint, on the demo (KAIZEN_STARTUP_PROBE)."""
    env = {**clean_env, "KAIZEN_STARTUP_PROBE": "1"}
    timings = []
    for _ in range(3):  # the first run is the coldest: a fresh copy, nothing compiled yet
        started = time.time()
        result = run(bundle, env, "demo", timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        probe = json.loads(
            next(line for line in result.stdout.splitlines() if line.startswith("{"))
        )
        timings.append(round(probe["paint_epoch"] - started, 2))
    record("start_to_first_paint_s", {"first": timings[0], "runs": timings, "cpus": os.cpu_count()})
    assert timings[0] < 10, f"first paint after {timings[0]} s"
