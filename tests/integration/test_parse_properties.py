"""Malformed feeds through the parser (hypothesis): a ParsedFeed or a FeedParseError, nothing else.

Feeds are generated well-formed (RSS 2.0, RSS 1.0, Atom) with hostile field values
(impossible dates, odd encodings, entity references, control characters), then
mutated: truncated, spliced with junk, given the wrong charset. Whatever comes in,
one bad feed must never crash a sync with an unexpected exception.
"""

from __future__ import annotations

import string
import time
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

URL = "http://school.invalid/feed/"
CONTENT_TYPES = [
    "application/rss+xml",
    "application/rss+xml; charset=UTF-8",
    "application/atom+xml; charset=iso-8859-1",
    "text/xml",
    "text/xml; charset=utf-16",
    "application/xml; charset=bogus-charset",
    "text/html; charset=UTF-8",
    "application/octet-stream",
    "image/jpeg",
    "",
]
DATES = [
    "Mon, 02 Mar 2026 09:00:00 +0000",
    "Mon, 99 Foo 99999 99:99:99 +9999",
    "0000-00-00T00:00:00Z",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+14:00",
    "-1",
    "1e309",
    "Tue, 31 Feb 2026 25:61:61 GMT",
    "2026-03-02",
    "yesterday",
    "",
    "Sat, 01 Jan 10000 00:00:00 GMT",
    "Thu, 01 Jan 1970 00:00:00 -2400",
]
JUNK = [
    b"",
    b"\x00",
    b"&",
    b"&undefined;",
    b"&#0;",
    b"&#xD800;",
    b"&#99999999999;",
    b"<![CDATA[",
    b"]]>",
    b"<!DOCTYPE rss [<!ENTITY x 'y'>]>",
    b"<!DOCTYPE rss SYSTEM 'http://evil.invalid/x.dtd'>",
    b"<?xml version='1.0' encoding='utf-32'?>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xc3\x28",
    b"</channel>",
    b"<item>",
    b"<entry>",
    b"<br />\n<b>Warning</b>: headers already sent<br />",
]

xml_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
any_text = st.one_of(xml_text, st.text(max_size=20))


@st.composite
def rss2(draw: st.DrawFn) -> str:
    items = []
    for n in range(draw(st.integers(0, 4))):
        parts = [f"<title>{escape(draw(any_text))}</title>"]
        if draw(st.booleans()):
            parts.append(
                f"<link>{escape(draw(st.sampled_from([URL, 'x', '', 'http://['])))}</link>"
            )
        if draw(st.booleans()):
            parts.append(f"<guid>{escape(draw(any_text))}-{n}</guid>")
        if draw(st.booleans()):
            parts.append(f"<pubDate>{escape(draw(st.sampled_from(DATES)))}</pubDate>")
        if draw(st.booleans()):
            parts.append(f"<description>{escape(draw(any_text))}</description>")
        if draw(st.booleans()):
            parts.append(f"<content:encoded><![CDATA[{draw(any_text)}]]></content:encoded>")
        if draw(st.booleans()):
            parts.append(f"<category>{escape(draw(any_text))}</category>")
        if draw(st.booleans()):
            length = draw(st.sampled_from(["12", "-1", "x", "", "99999999999999999999"]))
            parts.append(f'<enclosure url="{URL}a.pdf" length="{length}" type="application/pdf"/>')
        items.append("<item>" + "".join(parts) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(draw(any_text))}</title><link>{URL}</link>"
        + "".join(items)
        + "</channel></rss>"
    )


@st.composite
def atom(draw: st.DrawFn) -> str:
    entries = []
    for n in range(draw(st.integers(0, 4))):
        base = draw(st.sampled_from(["", ' xml:base="posts/"', ' xml:base="javascript:x//"']))
        entries.append(
            f'<entry{base}><title type="{draw(st.sampled_from(["text", "html", "xhtml"]))}">'
            f"{escape(draw(any_text))}</title><id>urn:x:{n}</id>"
            f'<link href="{escape(draw(st.sampled_from(["a", URL, "", "//x"])))}"/>'
            f"<updated>{escape(draw(st.sampled_from(DATES)))}</updated>"
            f'<content type="html">{escape(draw(any_text))}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://school.invalid/">'
        f"<title>{escape(draw(any_text))}</title>" + "".join(entries) + "</feed>"
    )


@st.composite
def rss1(draw: st.DrawFn) -> str:
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{URL}"><title>{escape(draw(any_text))}</title></channel>'
        f'<item rdf:about="{URL}1"><title>{escape(draw(any_text))}</title>'
        f"<dc:date>{escape(draw(st.sampled_from(DATES)))}</dc:date></item></rdf:RDF>"
    )


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    document = draw(st.one_of(rss2(), atom(), rss1()))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"]))
    body = document.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        cut = draw(st.integers(0, len(body)))
        action = draw(st.sampled_from(["truncate", "insert", "delete", "flip"]))
        if action == "truncate":
            body = body[:cut]
        elif action == "insert":
            body = (
                body[:cut]
                + draw(st.one_of(st.sampled_from(JUNK), st.binary(max_size=8)))
                + body[cut:]
            )
        elif action == "delete":
            body = body[:cut] + body[cut + draw(st.integers(1, 20)) :]
        elif body:
            index = min(cut, len(body) - 1)
            body = (
                body[:index] + bytes([body[index] ^ draw(st.integers(1, 255))]) + body[index + 1 :]
            )
    return body


headers = st.one_of(
    st.fixed_dictionaries({"content-type": st.sampled_from(CONTENT_TYPES)}),
    st.dictionaries(
        st.sampled_from(["Content-Type", "content-location", "etag"]), st.text(max_size=30)
    ),
)


def check(body: bytes, headers: dict[str, str]) -> None:
    from kaizen_exchange.feeds.parse import FeedParseError, ParsedFeed, parse_feed

    try:
        parsed = parse_feed(body, URL, headers)
    except FeedParseError as exc:
        assert str(exc).strip(), "a FeedParseError without a message"
        return
    assert isinstance(parsed, ParsedFeed)
    for entry in parsed.entries:
        assert isinstance(entry.title, str)
        assert isinstance(entry.html, str)
        # undated entries are None here; the store gives them the time first seen
        assert entry.published is None or entry.published.tzinfo is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=mutated(), headers=headers)
@example(body=b"", headers={})
@example(body=b"\xff\xfe\x00\x00", headers={"content-type": "text/xml; charset=utf-32"})
@example(body=b"<rss><channel><item><pubDate>1e309</pubDate></item>", headers={})
def test_malformed_feeds_give_a_parse_error_or_a_feed(body: bytes, headers: dict[str, str]) -> None:
    check(body, headers)


@settings(max_examples=150, deadline=None)
@given(body=st.binary(max_size=3000), content_type=st.sampled_from(CONTENT_TYPES))
def test_random_bytes_give_a_parse_error_or_a_feed(body: bytes, content_type: str) -> None:
    check(body, {"content-type": content_type})


@settings(max_examples=100, deadline=None)
@given(
    guids=st.lists(
        st.text(string.ascii_letters + string.digits, min_size=1, max_size=12),
        max_size=6,
        unique=True,
    ),
    title=st.text(string.ascii_letters + " ", max_size=20),
)
def test_well_formed_rss_keeps_every_item(guids: list[str], title: str) -> None:
    from kaizen_exchange.feeds.parse import parse_feed

    items = "".join(
        f'<item><title>{title} {n}</title><guid isPermaLink="false">{guid}</guid>'
        f"<link>http://school.invalid/{guid}/</link>"
        "<pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate></item>"
        for n, guid in enumerate(guids)
    )
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
    parsed = parse_feed(body.encode(), URL, {"content-type": "application/rss+xml"})
    assert sorted(str(e.guid) for e in parsed.entries) == sorted(guids)


def test_entity_bombs_are_refused_quickly() -> None:
    from kaizen_exchange.feeds.parse import FeedParseError, parse_feed
    from tests.servers.feeds import billion_laughs, quadratic_blowup

    for body in (billion_laughs(), quadratic_blowup()):
        start = time.monotonic()
        try:
            parse_feed(body.encode(), URL, {"content-type": "application/rss+xml"})
        except FeedParseError:
            pass
        else:
            raise AssertionError("an entity bomb was parsed as a feed")
        assert time.monotonic() - start < 2
