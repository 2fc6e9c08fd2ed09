"""``roster import`` and ``roster set``: the class list and the families' consent.

The roster stays on this PC. What these commands print (a count, one child's first
name and consent, the posts a withdrawal affects) never includes a surname.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.errors import BadInput
from kaizen_exchange.wording import plural


def register(subparsers: Any) -> None:
    actions = command_actions(
        subparsers, "roster", "the class list and each family's consent (kept on this PC only)"
    )
    load = add_action(
        actions,
        "import",
        import_cmd,
        "import a class list: first_name,last_name[,photo_consent,name_consent]",
        file="FILE.csv",
    )
    load.add_argument("--class", dest="class_name", metavar="NAME", required=True)
    add_json(load)
    change = add_action(actions, "set", set_cmd, "record a family's consent for one child")
    change.add_argument("first_name", metavar="FIRST_NAME")
    change.add_argument("--class", dest="class_name", metavar="NAME", required=True)
    change.add_argument("--surname", metavar="NAME", help="when two children share a first name")
    change.add_argument("--photo-consent", choices=("yes", "no"))
    change.add_argument("--name-consent", choices=("yes", "no"))
    add_json(change)


def import_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.sharing.roster import import_roster, load_roster

    count = import_roster(ctx.store, args.file, args.class_name)
    roster = load_roster(ctx.store, args.class_name)
    if args.json:
        ctx.print_json({"class": args.class_name, "imported": count, "pupils": len(roster.pupils)})
        return EXIT_OK
    without = sum(1 for p in roster.pupils if not p.photo_consent)
    ctx.say(
        f"Imported {plural(count, 'child', 'children')} into {args.class_name} "
        f"({plural(len(roster.pupils), 'child', 'children')} in the class list, "
        "kept on this PC only)."
    )
    if without:
        ctx.say(
            f"{plural(without, 'child has', 'children have')} no photo consent: "
            "mark who is in each photo before sharing it."
        )
    return EXIT_OK


def set_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.operations.roster import set_consent

    if args.photo_consent is None and args.name_consent is None:
        raise BadInput("Say what the family agreed: --photo-consent yes|no, --name-consent yes|no.")
    change = set_consent(
        ctx.store,
        args.first_name,
        args.class_name,
        photo=_yes(args.photo_consent),
        name=_yes(args.name_consent),
        last_name=args.surname,
    ).result
    if args.json:
        ctx.print_json(change.to_json())
        return EXIT_OK
    pupil = change.pupil
    ctx.say(
        f"{pupil.first_name} ({pupil.class_name}): photos {_word(pupil.photo_consent)}, "
        f"name {_word(pupil.name_consent)}."
    )
    if change.withdrawn and not change.affected:
        ctx.say("No post on the school's site shows or names this child.")
    elif change.affected:
        ctx.say(
            f"{plural(len(change.affected), 'post')} on the school's site show or name this child:"
        )
        for draft in change.affected:
            why = []
            if draft.id in change.marked_files:
                why.append(plural(len(change.marked_files[draft.id]), "marked photo"))
            if draft.id in change.named_in:
                why.append("named in the text")
            ctx.say(f"  {draft.id}  {draft.title} ({', '.join(why)})  {draft.link or ''}".rstrip())
    return EXIT_OK


def _yes(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def _word(consent: bool) -> str:
    return "allowed" if consent else "not allowed"
