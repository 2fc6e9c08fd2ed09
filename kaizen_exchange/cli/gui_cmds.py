"""``window`` and ``demo``: open the desktop window (``kaizen-exchange`` alone does too).

PySide6 is imported only inside these handlers, so every other command stays
Qt-free and quick to start on a server with no display. Before Qt starts, the
display check refuses (exit 2, one plain sentence) what Qt would answer with an abort.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_USAGE, Context
from kaizen_exchange.paths import DATA_DIR_ENV


def register(subparsers: Any) -> None:
    window = subparsers.add_parser(
        "window",
        help="open the window on your data (the same as no command)",
        description="Open the Kaizen Exchange window on the data folder.",
    )
    window.set_defaults(func=window_cmd)
    demo = subparsers.add_parser(
        "demo",
        help="open the window on the bundled demo network (no internet needed)",
        description="Open the window on five fictional partner schools, synced from a "
        "server inside the app. Without --data-dir it uses a new throw-away folder, "
        "removed when the window closes, so your own data and settings are never touched.",
    )
    demo.set_defaults(func=demo_cmd)


def _no_display_hint(exc: Exception) -> int:
    print(
        f"kaizen-exchange: the window could not open ({exc}). On a computer without a "
        "screen, use the commands instead: kaizen-exchange --help",
        file=sys.stderr,
    )
    return EXIT_FAILED


def _cannot_open(ctx: Context) -> bool:
    """Say why the window cannot open on this computer (before Qt aborts), if it cannot."""
    from kaizen_exchange.gui.display_check import window_problem  # imports no Qt

    problem = window_problem()
    if problem:
        ctx.warn(f"kaizen-exchange: {problem}")
    return problem is not None


def window_cmd(args: argparse.Namespace, ctx: Context) -> int:
    """Open the window; the data folder comes from --data-dir, the environment or Settings."""
    if _cannot_open(ctx):
        return EXIT_USAGE
    folder = ctx.folder if (ctx.data_dir_arg or os.environ.get(DATA_DIR_ENV)) else None
    try:
        from kaizen_exchange.gui.app import open_window
        from kaizen_exchange.gui.settings import AppSettings
    except ImportError as exc:
        return _no_display_hint(exc)
    if folder is None:
        from kaizen_exchange.paths import data_dir

        chosen = AppSettings.stored_data_folder()
        folder = data_dir(chosen)
    ctx.close()
    from kaizen_exchange.demo_folder import sweep_abandoned

    sweep_abandoned()  # a demo killed earlier leaves nothing, even if the demo is not run again
    return open_window(folder)


def demo_cmd(args: argparse.Namespace, ctx: Context) -> int:
    """The window on the demo network; its throw-away folder goes when the window closes."""
    if _cannot_open(ctx):
        return EXIT_USAGE
    try:
        import kaizen_exchange.gui.app  # noqa: F401  (a broken Qt install is said now)
    except ImportError as exc:
        return _no_display_hint(exc)
    with ExitStack() as stack:
        if ctx.data_dir_arg is None and not os.environ.get(DATA_DIR_ENV):
            from kaizen_exchange.demo_folder import throwaway_folder

            ctx.data_dir_arg = str(stack.enter_context(throwaway_folder()))
        return _run_demo(ctx)


def _run_demo(ctx: Context) -> int:
    from kaizen_exchange.demo import demo_network_text, serve_demo
    from kaizen_exchange.gui.app import open_window
    from kaizen_exchange.network.file import parse_network
    from kaizen_exchange.network.store import import_network

    folder = Path(ctx.folder)
    with serve_demo() as base_url:
        spec = parse_network(demo_network_text(base_url), source="the bundled demo network")
        import_network(ctx.store, spec)
        ctx.close()
        ctx.say(f"Demo network: {len(spec.schools)} partner schools, data in {folder}")
        return open_window(folder, settings_path=folder / "window.ini", demo_base_url=base_url)


__all__ = ["demo_cmd", "register", "window_cmd"]
