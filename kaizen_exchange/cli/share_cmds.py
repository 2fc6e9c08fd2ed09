"""``share draft``, ``share list``, ``share mark``: posts about the class's work.

Other modules add their own ``share`` actions (publishing adds ``publish`` and
``takedown``) by appending a function to :data:`ACTIONS`; each takes the ``share``
parser's sub-parsers and adds its actions to them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaizen_exchange.cli.common import EXIT_OK, EXIT_USAGE, Context, shorten, table
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.errors import BadInput

if TYPE_CHECKING:
    from kaizen_exchange.sharing.drafts import DraftFile, FileKind


def _add_draft(actions: Any) -> None:
    draft = add_action(actions, "draft", draft_cmd, "save a new draft post (text, photos, videos)")
    draft.add_argument("--title", required=True)
    text = draft.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the post's words (**bold**, *italic*, - lists, [links](…))")
    text.add_argument("--text-file", metavar="FILE", type=Path, help="… read from a UTF-8 file")
    draft.add_argument(
        "--image", metavar="PATH[=ALT]", action="append", default=[], help="a photo, = its alt text"
    )
    draft.add_argument("--video", metavar="PATH", action="append", default=[], type=Path)
    draft.add_argument("--file", metavar="PATH", action="append", default=[], type=Path)
    draft.add_argument("--tag", metavar="TAG", action="append", default=[])
    draft.add_argument("--class", dest="class_name", metavar="NAME", default="")
    add_json(draft)


def _add_list(actions: Any) -> None:
    add_json(add_action(actions, "list", list_cmd, "drafts, queued, waiting and published posts"))


def _add_mark(actions: Any) -> None:
    mark = add_action(actions, "mark", mark_cmd, "say who is in a photo (kept on this PC)")
    mark.add_argument("draft_id", metavar="DRAFT_ID", type=int)
    which = mark.add_mutually_exclusive_group(required=True)
    which.add_argument("--photo", metavar="N", type=int, help="1 for the first photo")
    which.add_argument("--video", metavar="N", type=int, help="1 for the first video")
    who = mark.add_mutually_exclusive_group(required=True)
    who.add_argument("--pupil", metavar="FIRST_NAME", action="append", default=None)
    who.add_argument("--nobody", action="store_true", help="no child can be recognised")
    add_json(mark)


def _add_check(actions: Any) -> None:
    check = add_action(actions, "check", check_cmd, "the safeguarding checks of a draft")
    check.add_argument("draft_id", metavar="DRAFT_ID", type=int)
    check.add_argument(
        "--override", metavar="KIND", action="append", default=[], help="let a finding through"
    )
    add_json(check)


def _add_settings(actions: Any) -> None:
    settings = add_action(actions, "settings", settings_cmd, "the school's sharing settings")
    settings.add_argument("--video-limit", metavar="MB", type=int, help="largest video, in MB")
    add_json(settings)


#: Every ``share`` action; another module adds its own by appending to this list.
ACTIONS: list[Callable[[Any], None]] = [
    _add_draft,
    _add_list,
    _add_mark,
    _add_check,
    _add_settings,
]


def register(subparsers: Any) -> None:
    from kaizen_exchange.cli import publish_cmds  # noqa: F401 - adds publish, pending, takedown…

    actions = command_actions(subparsers, "share", "share the class's work on the school's blog")
    for add in ACTIONS:
        add(actions)


def draft_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.sharing.drafts import create_draft

    text = args.text if args.text_file is None else _read_text(args.text_file)
    files = [_image(value) for value in args.image]
    files += [_file("video", path) for path in args.video]
    files += [_file("file", path) for path in args.file]
    draft = create_draft(
        ctx.store,
        title=args.title,
        text=text,
        class_name=args.class_name,
        tags=args.tag,
        files=files,
    )
    if args.json:
        ctx.print_json(draft.to_json())
    else:
        ctx.say(f"Saved draft {draft.id}: {draft.title}")
        ctx.say(f"Check it before publishing: kaizen-exchange share check {draft.id}")
    return EXIT_OK


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.sharing.drafts import describe_state, list_drafts

    drafts = list_drafts(ctx.store)
    if args.json:
        ctx.print_json([d.to_json() for d in drafts])
        return EXIT_OK
    if not drafts:
        ctx.say("No drafts yet: kaizen-exchange share draft --title … --text …")
        return EXIT_OK
    rows = [[str(d.id), shorten(d.title, 40), describe_state(d), d.link or ""] for d in drafts]
    ctx.say(table(rows, ["#", "Title", "State", "Link"]))
    return EXIT_OK


def mark_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.sharing.drafts import load_draft, save_draft

    draft = load_draft(ctx.store, args.draft_id)
    kind, number = ("image", args.photo) if args.photo is not None else ("video", args.video)
    word = "photos" if kind == "image" else "videos"
    photos = [f for f in draft.files if f.kind == kind]
    if not 1 <= number <= len(photos):
        raise BadInput(
            f"Draft {draft.id} has {len(photos)} {word}; give a number from 1 to {len(photos)}."
            if photos
            else f"Draft {draft.id} has no {word} to mark."
        )
    photo = photos[number - 1]
    photo.pupils = [] if args.nobody else list(args.pupil)
    photo.pupils_confirmed = True
    draft = save_draft(ctx.store, draft)
    if args.json:
        ctx.print_json(draft.to_json())
    else:
        who = ", ".join(photo.pupils) or "nobody recognisable"
        ctx.say(f"{word[:-1].capitalize()} {number} of draft {draft.id}: {who}.")
    return EXIT_OK


def check_cmd(args: argparse.Namespace, ctx: Context) -> int:
    """Exit 2 while a blocking finding is neither fixed nor overridden."""
    from kaizen_exchange.cli.share_report import print_report
    from kaizen_exchange.sharing.checks import check_draft
    from kaizen_exchange.sharing.drafts import load_draft

    draft = load_draft(ctx.store, args.draft_id)
    report = check_draft(ctx.store, draft, args.override)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        print_report(ctx, draft, report)
    return EXIT_OK if report.ok else EXIT_USAGE


def settings_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.sharing.settings import set_video_limit_mb, video_limit_mb

    if args.video_limit is not None:
        set_video_limit_mb(ctx.store, args.video_limit)
    limit = video_limit_mb(ctx.store)
    if args.json:
        ctx.print_json({"video_limit_mb": limit})
    else:
        ctx.say(f"Largest video: {limit} MB")
    return EXIT_OK


def _read_text(path: Path) -> str:
    from kaizen_exchange.import_checks import MB, decode_text, read_capped

    return decode_text(read_capped(path, MB, "a text file"), path, "The post's text")


def _image(value: str) -> DraftFile:
    """``PATH[=ALT]``: the first ``=`` after which the path names a file splits the two."""
    path, alt = Path(value), ""
    if not path.is_file():
        for index, char in enumerate(value):
            if char == "=" and Path(value[:index]).is_file():
                path, alt = Path(value[:index]), value[index + 1 :]
                break
    return _file("image", path, alt)


def _file(kind: FileKind, path: Path, alt: str = "") -> DraftFile:
    from kaizen_exchange.sharing.drafts import new_file

    words = {"image": "photo", "video": "video", "file": "file"}[kind]
    if not path.is_file():
        raise BadInput(f"The {words} {path} was not found; check the name and the folder.")
    return new_file(kind, path.resolve(), alt.strip())
