"""``account set|check|forget``: the WordPress account the class's posts are published with.

The application password is read from stdin (a script) or a hidden prompt (a person),
never from the command line, where other users of the computer could see it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_OK, Context
from kaizen_exchange.errors import BadInput
from kaizen_exchange.publishing import password as keyring_store
from kaizen_exchange.publishing.account import (
    Account,
    delete_account,
    require_account,
    site_address,
    user_name,
)
from kaizen_exchange.publishing.check import Report, check_account
from kaizen_exchange.publishing.credentials import password_for


def register(subparsers: Any) -> None:
    account = subparsers.add_parser(
        "account", help="the school blog's WordPress account used to publish"
    )
    actions = account.add_subparsers(dest="action", metavar="ACTION", required=True)
    set_ = actions.add_parser(
        "set",
        help="set the blog and user; the application password is read from stdin or asked for",
    )
    set_.add_argument("--site", required=True, metavar="URL", help="the blog's address")
    set_.add_argument("--user", required=True, metavar="NAME", help="the WordPress user name")
    set_.add_argument("--json", action="store_true")
    set_.set_defaults(func=set_cmd)
    check = actions.add_parser("check", help="check the account and say what its role allows")
    check.add_argument("--json", action="store_true")
    check.set_defaults(func=check_cmd)
    forget = actions.add_parser("forget", help="forget the account and its password")
    forget.set_defaults(func=forget_cmd)


def ask_password(prompt: str) -> str | None:
    """A hidden prompt on a terminal; otherwise the first line of stdin (a script's pipe)."""
    if sys.stdin is None:
        return None
    if sys.stdin.isatty():
        return getpass.getpass(prompt, stream=sys.stderr)
    line = sys.stdin.readline()
    return line.strip() or None


def set_cmd(args: argparse.Namespace, ctx: Context) -> int:
    """Kept first, then checked: a school offline today still sets up its account, and
    the check's answer says what to change (a wrong password: run ``account set`` again)."""
    from kaizen_exchange.operations.account import NO_PASSWORD_GIVEN, set_account

    account = Account(site_address(args.site), user_name(args.user))
    password = ask_password(f"Application password for {account.user} at {account.site}: ")
    if not password:
        raise BadInput(NO_PASSWORD_GIVEN + " Or pipe it in.")
    kept = set_account(ctx.store, account.site, account.user, password).result
    if not kept.kept:
        ctx.warn(keyring_store.NO_KEYRING)
    return _show(ctx, check_account(kept.account, password.strip()), args.json)


def check_cmd(args: argparse.Namespace, ctx: Context) -> int:
    account = require_account(ctx.store)
    return _show(ctx, check_account(account, password_for(account, ask_password)), args.json)


def forget_cmd(args: argparse.Namespace, ctx: Context) -> int:
    account = delete_account(ctx.store)
    if account is None:
        ctx.say("No WordPress account was set up; nothing to forget.")
        return EXIT_OK
    keyring_store.forget(keyring_store.find_keyring(), account.site, account.user)
    ctx.say(
        f"Forgot the account {account.user} at {account.site} and its application password. "
        "To stop it working everywhere, revoke the password in WordPress too "
        "(Users → Profile → Application Passwords)."
    )
    return EXIT_OK


def _show(ctx: Context, report: Report, as_json: bool) -> int:
    if as_json:
        ctx.print_json(report.to_json())
    else:
        who = f"{report.user} ({report.name})" if report.name else report.user
        ctx.say(f"Blog: {report.site}")
        ctx.say(f"User: {who}")
        ctx.say(report.message)
        if report.comments_note:
            ctx.say(report.comments_note)
    return EXIT_OK if report.ok else EXIT_FAILED


__all__ = ["ask_password", "register"]
