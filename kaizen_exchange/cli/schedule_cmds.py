"""``slots``, ``sessions …`` and ``terms import``: the video-call planner on the command line.

Handlers only parse, call the core (:mod:`kaizen_exchange.schedule`) and print; every
rule lives in the core so the window behaves the same. Problems the teacher must
see (guessed calendars, a repeated hour) go to stderr, so ``--json`` output stays
clean for scripts.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, EXIT_USAGE, Context
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.schedule import (
    NewSession,
    SessionReport,
    add_session,
    cancel_session,
    check_session,
    export_sessions,
    import_sessions,
    import_terms,
    list_sessions,
    search_slots,
)
from kaizen_exchange.schedule.ical import METHODS
from kaizen_exchange.schedule.localtime import parse_date
from kaizen_exchange.schedule.report import (
    next_calls_table,
    session_text,
    sessions_table,
    slots_text,
)
from kaizen_exchange.schedule.sessions import session_json
from kaizen_exchange.schedule.terms_import import KINDS
from kaizen_exchange.schedule.upcoming import next_calls


def register(subparsers: Any) -> None:
    """Add the planner's commands to the ``kaizen-exchange`` parser."""
    _register_slots(subparsers)
    _register_sessions(subparsers)
    _register_terms(subparsers)


def _register_slots(subparsers: Any) -> None:
    slots = subparsers.add_parser(
        "slots",
        help="find times when schools can meet",
        description="Every common window in which all the schools can take a call, "
        "on school days on both sides. Dates are on the first school's calendar.",
    )
    slots.add_argument("--school", action="append", required=True, metavar="ID")
    slots.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD")
    slots.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD")
    slots.add_argument("--minutes", type=int, default=30, help="shortest window (default 30)")
    add_json(slots, "print JSON for scripts")
    slots.set_defaults(func=cmd_slots)


def _register_sessions(subparsers: Any) -> None:
    sub = command_actions(
        subparsers, "sessions", "book, check and export video calls", dest="sessions_command"
    )
    add = add_action(sub, "add", cmd_add, "book a call or a weekly series")
    add.add_argument("--school", action="append", required=True, metavar="ID")
    add.add_argument("--start", required=True, metavar='"YYYY-MM-DD HH:MM"')
    add.add_argument(
        "--zone", required=True, metavar="SCHOOL|ZONE", help="whose clock --start is on"
    )
    add.add_argument("--minutes", type=int, default=30)
    add.add_argument("--title", required=True)
    add.add_argument("--link", metavar="URL", help="https link of the Teams/Zoom/Meet/Jitsi call")
    add.add_argument("--weekly-until", metavar="YYYY-MM-DD")
    add.add_argument(
        "--fold", type=int, choices=(0, 1), help="in a repeated hour: 0 first, 1 second"
    )
    add.add_argument("--force", action="store_true", help="book even outside a school's window")
    add_json(add)
    add_json(add_action(sub, "list", cmd_list, "list booked and cancelled sessions"))
    upcoming = add_action(sub, "next", cmd_next, "the next calls, in each school's own time")
    upcoming.add_argument("--limit", type=int, default=5, metavar="N")
    add_json(upcoming)
    check = add_action(sub, "check", cmd_check, "check every occurrence against both calendars")
    check.add_argument("id", type=int)
    add_json(check)
    cancel = add_action(
        sub, "cancel", cmd_cancel, "cancel a session (export it again to tell partners)"
    )
    cancel.add_argument("id", type=int)
    export = add_action(
        sub, "export", cmd_export, "write sessions as an .ics invitation", file="FILE.ics"
    )
    export.add_argument("--id", type=int)
    export.add_argument("--method", choices=METHODS, default="publish")
    imp = add_action(
        sub, "import", cmd_import, "read an .ics invitation from a partner", file="FILE.ics"
    )
    imp.add_argument(
        "--school",
        action="append",
        default=[],
        metavar="ID",
        help="the schools taking part, when the file does not say",
    )
    add_json(imp)


def _register_terms(subparsers: Any) -> None:
    sub = command_actions(
        subparsers, "terms", "term dates and closures of a school", dest="terms_command"
    )
    imp = add_action(
        sub, "import", cmd_terms_import, "import terms and closures from .ics or .csv", file="FILE"
    )
    imp.add_argument("--school", required=True, metavar="ID")
    imp.add_argument("--kind", choices=KINDS, help="treat every entry as this kind")
    add_json(imp)


def cmd_slots(args: argparse.Namespace, ctx: Context) -> int:
    first = parse_date(args.first, "--from")
    last = parse_date(args.last, "--to")
    answer = search_slots(ctx.store, args.school, first, last, args.minutes)
    for warning in answer.search.warnings:
        ctx.warn(f"note: {warning}")
    if args.json:
        ctx.print_json([slot.to_json() for slot in answer.search.slots])
        if not answer.search.slots:
            ctx.warn(slots_text(answer))
    else:
        ctx.say(slots_text(answer))
    return EXIT_OK


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    new = NewSession(
        schools=args.school,
        start=args.start,
        zone=args.zone,
        minutes=args.minutes,
        title=args.title,
        link=args.link,
        weekly_until=parse_date(args.weekly_until, "--weekly-until") if args.weekly_until else None,
        fold=args.fold,
        force=args.force,
    )
    report = add_session(ctx.store, new)
    _print_report(report, args.json, ctx)
    return EXIT_OK


def _print_report(report: SessionReport, as_json: bool, ctx: Context) -> None:
    for note in report.notes:
        ctx.warn(f"note: {note}")
    if as_json:
        ctx.print_json(report.to_json())
    else:
        ctx.say(session_text(report.session, report.schools, report.reports))


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    items = list_sessions(ctx.store)
    if args.json:
        ctx.print_json([session_json(row, schools) for row, schools in items])
    elif not items:
        ctx.say("No sessions yet. Find a time with 'kaizen-exchange slots', then 'sessions add'.")
    else:
        ctx.say(sessions_table(items))
    return EXIT_OK


def cmd_next(args: argparse.Namespace, ctx: Context) -> int:
    calls = next_calls(ctx.store, limit=max(args.limit, 0))
    if args.json:
        ctx.print_json([call.to_json() for call in calls])
    elif not calls:
        ctx.say("No calls coming. Find a time with 'kaizen-exchange slots', then 'sessions add'.")
    else:
        ctx.say(next_calls_table(calls))
    return EXIT_OK


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    _print_report(check_session(ctx.store, args.id), args.json, ctx)
    return EXIT_OK


def cmd_cancel(args: argparse.Namespace, ctx: Context) -> int:
    row, changed = cancel_session(ctx.store, args.id)
    if changed:
        ctx.say(
            f"Cancelled session {row.id} ({row.title}). Tell the partners: "
            f"kaizen-exchange sessions export cancel-{row.id}.ics --id {row.id}"
        )
    else:
        ctx.say(f"Session {row.id} was already cancelled.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    if args.file.suffix.lower() != ".ics":
        ctx.warn(f"kaizen-exchange: {args.file} should end in .ics so calendars recognise it.")
        return EXIT_USAGE
    written = export_sessions(ctx.store, args.file, args.id, args.method)
    for note in written.notes:
        ctx.warn(f"note: {note}")
    ctx.say(
        f"Wrote {len(written.sessions)} session(s) to {written.path} (METHOD:{written.method})."
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    result = import_sessions(ctx.store, args.file, args.school)
    for note in result.notes:
        ctx.warn(f"note: {note}")
    if args.json:
        ctx.print_json(result.to_json())
    else:
        ctx.say(
            f"Added {len(result.added)}, updated {len(result.updated)}, cancelled "
            f"{len(result.cancelled)}, already here {len(result.unchanged)}."
        )
    return EXIT_OK


def cmd_terms_import(args: argparse.Namespace, ctx: Context) -> int:
    result = import_terms(ctx.store, args.file, args.school, args.kind)
    if args.json:
        ctx.print_json(result.to_json())
        return EXIT_OK
    for item in result.added:
        ctx.say(f"  {item['kind']:<8} {item['start']} – {item['end']}  {item['name']}")
    ctx.say(f"Added {len(result.added)} for {result.school}; {result.already} already known.")
    for skipped in result.skipped:
        ctx.warn(f"note: not a term or a closure by its name, skipped: {skipped} (use --kind)")
    return EXIT_OK


__all__ = ["register"]
