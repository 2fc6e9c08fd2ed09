"""What the tests learn from the site: its posts as WordPress renders them, and its requests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Post:
    """A published post as WordPress itself renders it (title decoded, GMT date)."""

    id: int
    title: str
    link: str
    guid: str
    date_gmt: str
    author: str
    categories: list[str]
    tags: list[str]
    image_url: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Post:
        return cls(
            id=int(data["id"]),
            title=str(data["title"]),
            link=str(data["link"]),
            guid=str(data["guid"]),
            date_gmt=str(data["date_gmt"]),
            author=str(data["author"]),
            categories=[str(c) for c in data["categories"]],
            tags=[str(t) for t in data["tags"]],
            image_url=str(data["image_url"]),
        )


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the router saw it."""

    t: float
    method: str
    uri: str
    status: int | None
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None
    accept_encoding: str | None
    ms: float
