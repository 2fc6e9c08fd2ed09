"""What the safeguarding checks report: findings that point at a place, and the verdict.

A finding says what is wrong in plain words and *where* (a span of a field of the
text, or a file), so the editor can highlight the very word or outline the picture.
``block`` findings stop publishing until fixed, or overridden by kind on purpose;
``warn`` findings are shown and never stop anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["block", "warn"]

#: Every kind of finding, blocking first (the order of the report).
KINDS: tuple[str, ...] = (
    "surname",
    "no_photo_consent",
    "no_name_consent",
    "name_with_photo",
    "missing_alt",
    "too_large",
    "unreadable",
    "missing_file",
    "location_metadata",
    "file_not_cleaned",
    "email",
    "phone",
    "address",
    "no_class_list",
)


@dataclass(frozen=True)
class Finding:
    """One problem: ``where`` is {"field", "start", "end"} (a span of the title, text,
    alt text or caption; with "file" too for a file's alt text or caption) or {"file"}."""

    kind: str
    severity: Severity
    where: dict[str, Any]
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "where": dict(self.where),
            "detail": self.detail,
        }


@dataclass
class CheckReport:
    """Every finding of one draft, and whether it may be published as it is."""

    draft: int
    findings: list[Finding]
    overrides: frozenset[str] = field(default_factory=frozenset)

    @property
    def blocking(self) -> list[Finding]:
        """The blocking findings the teacher has not overridden."""
        return [f for f in self.findings if f.severity == "block" and f.kind not in self.overrides]

    @property
    def ok(self) -> bool:
        return not self.blocking

    def to_json(self) -> dict[str, Any]:
        return {
            "draft": self.draft,
            "ok": self.ok,
            "findings": [f.to_json() for f in self.findings],
        }


def ordered(findings: list[Finding]) -> list[Finding]:
    """Blocking first, then in reading order: the title, the text, then each file."""
    fields = ("title", "text", "tags", "class_name")

    def key(f: Finding) -> tuple[bool, int, int, int]:
        file = f.where.get("file")
        field = f.where.get("field")
        place = fields.index(field) if file is None and field in fields else len(fields)
        return (f.severity != "block", place, int(file or 0), int(f.where.get("start", 0)))

    return sorted(findings, key=key)


__all__ = ["KINDS", "CheckReport", "Finding", "Severity", "ordered"]
