"""``kaizen-exchange --selfcheck``: does the installed app really work on this computer?

Shipped beside the app in every build, for IT after deploying to a new image and
for the packaging test. With no network and without touching anyone's data, it:

1. prints the version and where the bundled files are;
2. syncs the bundled demo network from a server inside the app (127.0.0.1) into a
   throw-away folder;
3. opens the real window on it (off screen unless ``--show``), waits until it has
   painted, saves a screenshot and checks that the picture is not blank.

It prints one line of JSON with what it found and exits 0 when everything worked.

    kaizen-exchange --selfcheck --screenshot C:\\Temp\\kaizen.png
    kaizen-exchange-selfcheck --screenshot /tmp/kaizen.png     (Linux: the link's name)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STARTED = time.time()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kaizen-exchange --selfcheck", description=__doc__)
    parser.add_argument("--screenshot", metavar="PNG", help="where to save the window's picture")
    parser.add_argument("--show", action="store_true", help="open the window on the screen")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for it")
    parser.add_argument("--settle", type=float, default=1.5, help="seconds drawn before the shot")
    return parser.parse_args(argv)


def colours(image: Any) -> tuple[int, float]:
    """Distinct colours on a grid over the picture, and the share of the commonest one."""
    counts: dict[int, int] = {}
    step = 5
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values()) or 1
    return len(counts), max(counts.values(), default=0) / total


def run(args: argparse.Namespace, folder: Path, facts: dict[str, Any]) -> int:
    from kaizen_exchange.demo import demo_network_text, serve_demo
    from kaizen_exchange.feeds.sync import SyncOptions, run_sync
    from kaizen_exchange.network.file import parse_network
    from kaizen_exchange.network.store import import_network
    from kaizen_exchange.reading.posts import list_posts
    from kaizen_exchange.store.db import Store

    with serve_demo() as base_url:
        store = Store(folder)
        spec = parse_network(demo_network_text(base_url), source="the bundled demo network")
        import_network(store, spec)
        report = run_sync(store.database, SyncOptions())
        facts["sync_exit_code"] = report.exit_code
        facts["posts"] = len(list_posts(store, limit=1000))
        store.close()
        facts["synced_s"] = round(time.time() - STARTED, 2)
        return show_window(args, folder, base_url, facts)


def show_window(
    args: argparse.Namespace, folder: Path, base_url: str, facts: dict[str, Any]
) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kaizen_exchange.gui.app import make_application, open_window
    from kaizen_exchange.gui.main_window import MainWindow

    app = make_application()
    deadline = time.monotonic() + args.timeout
    state: dict[str, float] = {}

    def poll() -> None:
        try:
            look()
        except Exception as exc:  # an error in a timer must end the check, not hang it
            facts["error"] = f"{type(exc).__name__}: {exc}"
            app.exit(1)

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        shown = [w for w in windows if w.isVisible()]
        if shown and "shown" not in state:
            state["shown"] = time.monotonic()
            facts["window_s"] = round(time.time() - STARTED, 2)
        if shown and time.monotonic() - state["shown"] >= args.settle:
            image = shown[0].grab().toImage()
            facts["size"] = [image.width(), image.height()]
            facts["colours"], facts["background_share"] = colours(image)
            if args.screenshot:
                facts["screenshot"] = str(Path(args.screenshot).resolve())
                # PySide6's stub asks for bytes, its runtime accepts only str
                facts["saved"] = image.save(str(args.screenshot), "PNG")  # type: ignore[call-overload]
            shown[0].close()
            app.quit()
            return
        if time.monotonic() > deadline:
            facts["error"] = "the window did not appear in time"
            app.exit(1)
            return
        QTimer.singleShot(100, poll)

    QTimer.singleShot(100, poll)
    code = open_window(folder, settings_path=folder / "window.ini", demo_base_url=base_url)
    facts["window_exit_code"] = code
    return code


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not args.show:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kaizen_exchange import __version__
    from kaizen_exchange.resources import resources_dir

    facts: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "resources": str(resources_dir()),
    }
    folder = Path(tempfile.mkdtemp(prefix="kaizen-selfcheck-"))
    try:
        code = run(args, folder, facts)
    except Exception as exc:  # report whatever broke, as one line IT can paste
        facts["error"] = f"{type(exc).__name__}: {exc}"
        code = 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    blank = facts.get("colours", 0) < 8 or facts.get("background_share", 1.0) > 0.985
    facts["ok"] = code == 0 and facts.get("posts", 0) > 0 and not blank and "error" not in facts
    print(json.dumps(facts), flush=True)
    return 0 if facts["ok"] else 1


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
