"""The outbox retried: by ``outbox retry`` (everything, at once) and after each sync (only
items whose back-off has passed, and never asking for a password: a scheduled sync has
nobody to ask)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kaizen_exchange.publishing import outbox
from kaizen_exchange.publishing.account import load_account
from kaizen_exchange.publishing.credentials import Ask, password_for
from kaizen_exchange.publishing.deliver import Outcome, deliver
from kaizen_exchange.publishing.errors import SiteError

if TYPE_CHECKING:
    from kaizen_exchange.store.db import Store


@dataclass
class RetryReport:
    outcomes: list[Outcome] = field(default_factory=list)
    waiting: int = 0  # items still queued afterwards
    note: str | None = None  # why nothing could be tried, in plain words

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": [o.to_json() for o in self.outcomes if o.state in ("published", "pending")],
            "failed": [
                o.to_json() for o in self.outcomes if o.state not in ("published", "pending")
            ],
            "waiting": self.waiting,
            "note": self.note,
        }


def retry_outbox(store: Store, *, due_only: bool, ask: Ask | None = None) -> RetryReport:
    """Delivers what waits; stops at the first item the site cannot be reached for."""
    report = RetryReport()
    todo = outbox.waiting(store, due_only=due_only)
    if not todo:
        return report
    account = load_account(store)
    if account is None:
        report.note = "Posts are waiting to be sent, but no WordPress account is set up."
    else:
        try:
            password = password_for(account, ask)
        except SiteError as exc:
            report.note = str(exc)
        else:
            for item in todo:
                try:
                    outcome = deliver(store, item.id, account, password)
                except outbox.Busy:
                    report.note = "Another copy of Kaizen Exchange is sending these posts now."
                    break
                report.outcomes.append(outcome)
                if outcome.state == "queued":  # the site is down: the others would be too
                    break
    report.waiting = len(outbox.waiting(store, due_only=False))
    return report


__all__ = ["RetryReport", "retry_outbox"]
