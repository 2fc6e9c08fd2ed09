"""OPML import and export of the feeds: the format every feed reader speaks.

Our export adds a ``kaizen:school`` attribute to each outline, so a round trip keeps
each feed with its school; outlines from other readers are matched to a school by
the blog's site, as :mod:`kaizen_exchange.network.same_blog` compares them, or put under a
school made for them that the teacher can complete later. Every address and
``kaizen:school`` id is checked as the network file's are, and a file with a bad one
is refused whole, naming every bad feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Container
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from kaizen_exchange import APP_NAME
from kaizen_exchange.errors import BadInput
from kaizen_exchange.import_checks import OPML_FILE_CAP, all_problems, plain_name, read_capped
from kaizen_exchange.network.file import check_school_id
from kaizen_exchange.network.same_blog import SiteIndex
from kaizen_exchange.network.store import insert_rows
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, NetworkInfo, School
from kaizen_exchange.urls import strip_secrets, web_address

KAIZEN_NS = "https://kaizen-exchange.example/opml"
ET.register_namespace("kaizen", KAIZEN_NS)
_SCHOOL_ATTR = f"{{{KAIZEN_NS}}}school"


@dataclass
class OpmlOutline:
    url: str
    title: str
    html_url: str | None
    school: str | None


@dataclass
class OpmlReport:
    feeds_added: list[str] = field(default_factory=list)
    already_known: list[str] = field(default_factory=list)
    schools_created: list[str] = field(default_factory=list)


def read_opml(path: Path) -> list[OpmlOutline]:
    """The feeds an OPML file lists, checked; a bad file is refused with every problem."""
    data = read_capped(path, OPML_FILE_CAP, "an OPML file")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line, _column = exc.position
        raise BadInput(
            f"{path}, line {line}: this is not a valid OPML file ({_xml_problem(exc)}); "
            "export it again from the feed reader."
        ) from None
    except LookupError:  # expat knows no such encoding: <?xml … encoding="U6F-8"?>
        raise BadInput(
            f"{path}, line 1: this OPML file names a text encoding that does not exist; "
            "export it again from the feed reader (as UTF-8)."
        ) from None
    if root.tag.lower() != "opml":
        raise BadInput(f"{path} is not an OPML file (its top element is <{root.tag[:40]}>).")
    outlines: list[OpmlOutline] = []
    problems: list[str] = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl") or node.get("XMLURL")
        if not url:  # a folder, or a plain link: not a feed
            continue
        try:
            outlines.append(_outline(node, url))
        except BadInput as exc:
            title = node.get("title") or node.get("text") or ""
            place = f"the feed '{title[:60]}'" if title else f"feed number {len(outlines) + 1}"
            problems.append(f"{path}, {place}: {exc}")
    if problems:
        raise all_problems(str(path), problems)
    if not outlines:
        raise BadInput(f"{path} lists no feeds (no <outline xmlUrl=…>).")
    return outlines


def _xml_problem(exc: ET.ParseError) -> str:
    """expat's message without its position (we say the line ourselves)."""
    return str(exc).split(":", 1)[0]


def _outline(node: ET.Element, url: str) -> OpmlOutline:
    feed = web_address(url)
    html = node.get("htmlUrl") or node.get("htmlurl")
    school = node.get(_SCHOOL_ATTR)
    title = node.get("title") or node.get("text") or ""
    return OpmlOutline(
        url=feed,
        title=plain_name(title, "the feed's title") or urlsplit(feed).hostname or feed,
        html_url=_site(html),
        school=check_school_id(school) if school is not None else None,
    )


def _site(html: str | None) -> str | None:
    """The blog's address; readers write odd ones (empty, relative), which mean nothing."""
    if not html:
        return None
    try:
        return web_address(html)
    except BadInput:
        return None  # only used to match a school by its host: no match is the safe answer


def _slug(text: str, taken: Container[str]) -> str:
    """A new school id from a title (or a host name), not among ``taken``.

    Two feeds with the same title, or titles with no Latin letters, would otherwise
    make the same id twice (the second import crashed on it).
    """
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "school"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


@dataclass
class _Matcher:
    """Which school a feed belongs to, from what the store holds (read once)."""

    schools: set[str]
    sites: SiteIndex
    created: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> _Matcher:
        return cls(set(session.exec(select(School.id)).all()), SiteIndex.of(session))

    def school_for(self, outline: OpmlOutline, forced: str | None) -> tuple[str, bool]:
        """The school's id, and whether it was made for this feed."""
        for wanted in (forced, outline.school):
            if wanted and wanted in self.schools:
                return wanted, False
        urls = [outline.html_url, outline.url]
        owner = self.sites.owner(urls)
        if owner is not None:
            return owner, False
        host = urlsplit(outline.html_url or outline.url).hostname or ""
        school_id = outline.school or _slug(
            outline.title if re.search("[A-Za-z0-9]", outline.title) else host, self.schools
        )
        self.created.append(
            {
                "id": school_id,
                "name": outline.title,
                "country": "ZZ",
                "timezone": "UTC",
                "blog": outline.html_url,
                "home": False,
            }
        )
        self.schools.add(school_id)
        self.sites.add(school_id, outline.title, urls)
        return school_id, True


def import_opml(store: Store, path: Path, school: str | None = None) -> OpmlReport:
    """Add the feeds of an OPML file, in one transaction; a bad file stores nothing."""
    outlines = read_opml(path)
    report = OpmlReport()
    with store.session() as session:
        matcher = _Matcher.load(session)
        if school is not None and school not in matcher.schools:
            raise BadInput(f"There is no school '{school}'; import the network file first.")
        known = set(session.exec(select(Feed.url)).all())
        feeds = []
        for outline in outlines:
            if outline.url in known:
                report.already_known.append(outline.url)
                continue
            school_id, created = matcher.school_for(outline, school)
            if created:
                report.schools_created.append(school_id)
            known.add(outline.url)
            feeds.append({"school_id": school_id, "url": outline.url, "title": outline.title})
            report.feeds_added.append(outline.url)
        insert_rows(session, School, matcher.created)  # the new schools before their feeds
        insert_rows(session, Feed, feeds)
    return report


def export_opml(store: Store, path: Path) -> int:
    with store.session() as session:
        info = session.get(NetworkInfo, "name")
        schools = {s.id: s for s in session.exec(select(School))}
        feeds = session.exec(select(Feed).where(Feed.status != "gone").order_by(col(Feed.id))).all()
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = info.value if info else APP_NAME
    body = ET.SubElement(root, "body")
    for feed in feeds:
        school = schools[feed.school_id]
        attributes = {
            "type": "rss",
            "text": feed.title or school.name,
            "title": feed.title or school.name,
            "xmlUrl": strip_secrets(feed.url),
            _SCHOOL_ATTR: school.id,
        }
        if feed.site_url or school.blog:
            attributes["htmlUrl"] = strip_secrets(feed.site_url or school.blog or "")
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return len(feeds)


__all__ = ["OpmlOutline", "OpmlReport", "export_opml", "import_opml", "read_opml"]
