"""``share check`` without ``--json``: the findings in words, each with its place.

A teacher on the command line cannot see a highlighted word, so each finding names
its place ("the text, line 3", "photo 2 (bridge.jpg), alt text") and quotes the few
words around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaizen_exchange.cli.common import Context
from kaizen_exchange.wording import plural

if TYPE_CHECKING:
    from kaizen_exchange.sharing.drafts import Draft, DraftFile
    from kaizen_exchange.sharing.findings import CheckReport, Finding

FIELDS = {"alt": "alt text", "caption": "caption", "file_name": "file name"}


def print_report(ctx: Context, draft: Draft, report: CheckReport) -> None:
    blocking = report.blocking
    warnings = [f for f in report.findings if f.severity == "warn"]
    overridden = [f for f in report.findings if f.severity == "block" and f not in blocking]
    if blocking:
        ctx.say(
            f"Draft {draft.id} cannot be published yet: {plural(len(blocking), 'problem')} to fix."
        )
    else:
        ctx.say(f"Draft {draft.id} can be published.")
    for finding in report.findings:
        mark = "FIX " if finding in blocking else "OK  " if finding in overridden else "NOTE"
        ctx.say(f"{mark}  {place(draft, finding)}: {finding.detail}")
    if warnings:
        ctx.say(f"({plural(len(warnings), 'note')}: worth a look, they do not stop publishing.)")
    if blocking:
        kinds = " ".join(sorted({f"--override {f.kind}" for f in blocking}))
        ctx.say(f"To publish anyway, on purpose: {kinds}")


def place(draft: Draft, finding: Finding) -> str:
    """Where a finding is, in words, with the words around it."""
    where = finding.where
    file = next((f for f in draft.files if f.id == where.get("file")), None)
    field = str(where.get("field", ""))
    if file is not None:
        label = _file_label(draft, file)
        if not field:
            return label
        stem = file.path.stem.replace("_", " ")  # as the checks read it
        text = {"alt": file.alt, "caption": file.caption}.get(field, stem)
        return f"{label}, {FIELDS.get(field, field)}{_quote(text, where)}"
    if field == "title":
        return f"the title{_quote(draft.title, where)}"
    if field == "tags":
        from kaizen_exchange.sharing.checks import tags_text

        return f"the tags{_quote(tags_text(draft), where)}"
    if field == "text":
        line = draft.text.count("\n", 0, int(where.get("start", 0))) + 1
        return f"the text, line {line}{_quote(draft.text, where)}"
    return "the post"


def _file_label(draft: Draft, file: DraftFile) -> str:
    same = [f for f in draft.files if f.kind == file.kind]
    word = {"image": "photo", "video": "video", "file": "file"}[file.kind]
    return f"{word} {same.index(file) + 1} ({file.path.name})"


def _quote(text: str, where: dict[str, object]) -> str:
    start, end = where.get("start"), where.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return ""
    before = " ".join(text[max(0, start - 20) : start].split(" ")).lstrip()
    after = text[end : end + 20].rstrip()
    before = ("…" if start > 20 else "") + " ".join(before.splitlines())
    after = " ".join(after.splitlines()) + ("…" if end + 20 < len(text) else "")
    return f": “{before}[{text[start:end]}]{after}”"


__all__ = ["place", "print_report"]
