"""OPML import and export of the feeds: the format every feed reader speaks.

Our export adds a ``kaizen:school`` attribute to each outline, so a round trip keeps
each feed with its school; outlines from other readers are matched to a school by
the blog's host name, or put under a school made for them that the teacher can
complete later.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from kaizen_exchange import APP_NAME
from kaizen_exchange.errors import BadInput
from kaizen_exchange.network_file import check_web_url
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, NetworkInfo, School

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
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    except ET.ParseError as exc:
        raise BadInput(f"{path} is not a valid OPML file ({exc}).") from exc
    if root.tag.lower() != "opml":
        raise BadInput(f"{path} is not an OPML file (its top element is <{root.tag}>).")
    outlines = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if not url:
            continue
        check_web_url(url)
        outlines.append(
            OpmlOutline(
                url=url,
                title=node.get("title") or node.get("text") or urlsplit(url).hostname or url,
                html_url=node.get("htmlUrl"),
                school=node.get(_SCHOOL_ATTR),
            )
        )
    if not outlines:
        raise BadInput(f"{path} lists no feeds (no <outline xmlUrl=…>).")
    return outlines


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")
    return slug or "school"


def _school_for(session: Session, outline: OpmlOutline, forced: str | None) -> tuple[str, bool]:
    """Which school a feed belongs to; returns (id, created)."""
    for wanted in (forced, outline.school):
        if wanted and session.get(School, wanted):
            return wanted, False
    if forced:
        raise BadInput(f"There is no school '{forced}'; import the network file first.")
    host = urlsplit(outline.html_url or outline.url).hostname or ""
    for school in session.exec(select(School)):
        if school.blog and urlsplit(school.blog).hostname == host:
            return school.id, False
    school_id = outline.school or _slug(outline.title)
    session.add(School(id=school_id, name=outline.title, country="ZZ", timezone="UTC"))
    session.flush()
    return school_id, True


def import_opml(store: Store, path: Path, school: str | None = None) -> OpmlReport:
    outlines = read_opml(path)
    report = OpmlReport()
    with store.session() as session:
        for outline in outlines:
            if session.exec(select(Feed).where(Feed.url == outline.url)).first():
                report.already_known.append(outline.url)
                continue
            school_id, created = _school_for(session, outline, school)
            if created:
                report.schools_created.append(school_id)
            session.add(Feed(school_id=school_id, url=outline.url, title=outline.title))
            session.flush()
            report.feeds_added.append(outline.url)
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
            "xmlUrl": feed.url,
            _SCHOOL_ATTR: school.id,
        }
        if feed.site_url or school.blog:
            attributes["htmlUrl"] = feed.site_url or school.blog or ""
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return len(feeds)


__all__ = ["OpmlOutline", "OpmlReport", "export_opml", "import_opml", "read_opml"]
