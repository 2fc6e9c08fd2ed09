#!/usr/bin/env python3
"""Generate the bundled demo network's web sites in ``resources/demo/site/``.

The demo is five fictional partner-school blogs, served by ``kaizen_exchange.demo``
from 127.0.0.1 so that the app's real sync code reads them with no network. This
script writes every file of those sites; its outputs are committed and ship, while
the script (a build tool, like the rest of ``tools/``) does not. Rerun it after
changing the posts, the pictures or the layout::

    .venv/bin/pip install pillow        # for this script only, never a runtime need
    .venv/bin/python tools/demo/make_demo.py

What it writes, per school, shaped like a WordPress blog:

* ``<school>/index.html``: the blog's home page, with ``<link rel="alternate">``
  feed links (Karri Grove lists its comments feed first, to test discovery);
* ``<school>/feed/index.rss`` (Millbrook: ``feed/atom/index.atom``): the feed;
  Greenfield shows 6 items a page, so ``feed/index.paged-2.rss`` answers
  ``/feed/?paged=2``; Stringybark's feed is in ISO-8859-1, as old installs are;
* ``<school>/YYYY/MM/DD/<slug>/index.html``: one page per post;
* ``<school>/wp-content/uploads/YYYY/MM/...``: pictures (and 300-pixel-wide
  ``-300xNNN`` copies for Greenfield's srcset), the PDF attachments, a site icon.

Every address in these files starts with ``http://DEMO_BASE``; the demo server
swaps in its real address as it serves them. The script also checks its own
work: post dates fall in term time (per ``network.toml``), no ``]]>`` breaks a
CDATA section, and the whole demo stays under its size budget.
"""

from __future__ import annotations

import html
import random
import re
import shutil
import sys
import tomllib
import zlib
from datetime import UTC, date, datetime
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
DEMO = HERE.parents[1] / "resources" / "demo"  # what ships: network.toml and the sites
sys.dont_write_bytecode = True  # keep the checkout clean of __pycache__
sys.path.insert(0, str(HERE))

from demo_pdf import PDFS  # noqa: E402
from demo_pictures import DRAWINGS, save, site_icon, thumbnail  # noqa: E402
from demo_posts import SCHOOLS, Attachment, Picture, Post, School  # noqa: E402

BASE = "http://DEMO_BASE"
SITE = DEMO / "site"
BUDGET = 1_500_000  # bytes, the whole resources/demo folder
GENERATOR = "https://wordpress.org/?v=6.8.1"
ICON = "2026/01/cropped-site-icon-32x32.png"

RSS_NAMESPACES = (
    'xmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
    '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
    '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
    '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
    '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"'
)


# --------------------------------------------------------------------------- addresses


def blog_url(school: School) -> str:
    return f"{BASE}/{school.id}/"


def feed_url(school: School) -> str:
    return f"{BASE}/{school.id}/feed/" + ("atom/" if school.feed == "atom" else "")


def comments_feed_url(school: School) -> str:
    return f"{BASE}/{school.id}/comments/feed/"


def upload_url(school: School, file: str) -> str:
    return f"{BASE}/{school.id}/wp-content/uploads/{file}"


def published(school: School, when: str) -> datetime:
    local = datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(school.zone))
    return local.astimezone(UTC)


def permalink(school: School, post: Post) -> str:
    day = datetime.strptime(post.when, "%Y-%m-%d %H:%M")
    return f"{BASE}/{school.id}/{day:%Y/%m/%d}/{post.slug}/"


def guid(school: School, post: Post) -> str:
    return f"http://{school.guid_host}/?p={post.wp_id}"


def thumb_name(file: str, size: tuple[int, int]) -> str:
    stem, dot, ext = file.rpartition(".")
    return f"{stem}-{size[0]}x{size[1]}{dot}{ext}"


# --------------------------------------------------------------------------- media


class Media:
    """Draws every picture and PDF once and remembers sizes for the HTML and enclosures."""

    def __init__(self) -> None:
        self.sizes: dict[str, tuple[int, int]] = {}
        self.thumbs: dict[str, tuple[int, int]] = {}
        self.lengths: dict[str, int] = {}

    def picture(self, school: School, picture: Picture) -> None:
        rng = random.Random(zlib.crc32(picture.file.encode()))
        img = DRAWINGS[picture.draw](rng)
        folder = SITE / school.id / "wp-content" / "uploads"
        save(img, folder / picture.file)
        self.sizes[picture.file] = img.size
        if school.srcset:
            small = thumbnail(img)
            self.thumbs[picture.file] = small.size
            save(small, folder / thumb_name(picture.file, small.size), palette=True)

    def attachment(self, school: School, attachment: Attachment) -> None:
        data = PDFS[attachment.make]()
        path = SITE / school.id / "wp-content" / "uploads" / attachment.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.lengths[attachment.file] = len(data)

    def icon(self, school: School) -> None:
        img = site_icon(school.name[0], school.colour)
        save(img, SITE / school.id / "wp-content" / "uploads" / ICON)


# --------------------------------------------------------------------------- post HTML


def figure(school: School, picture: Picture, media: Media, attachment_id: int) -> str:
    width, height = media.sizes[picture.file]
    src = upload_url(school, picture.file)
    if picture.relative:
        src = src.removeprefix(BASE)  # root-relative: resolved against xml:base / the page
    attrs = [
        'loading="lazy"',
        'decoding="async"',
        f'width="{width}"',
        f'height="{height}"',
        f'src="{src}"',
        f'alt="{html.escape(picture.alt)}"',
        f'class="wp-image-{attachment_id}"',
    ]
    if picture.file in media.thumbs:
        small = media.thumbs[picture.file]
        attrs.append(
            f'srcset="{src} {width}w, {upload_url(school, thumb_name(picture.file, small))} '
            f'{small[0]}w"'
        )
        attrs.append(f'sizes="(max-width: {width}px) 100vw, {width}px"')
    caption = (
        f'<figcaption class="wp-element-caption">{picture.caption}</figcaption>'
        if picture.caption
        else ""
    )
    return f'<figure class="wp-block-image size-large"><img {" ".join(attrs)} />{caption}</figure>'


def file_block(school: School, attachment: Attachment, attachment_id: int) -> str:
    url = upload_url(school, attachment.file)
    block_id = f"wp-block-file--media-{attachment_id}"
    return (
        f'<div class="wp-block-file"><a id="{block_id}" href="{url}">{attachment.title}</a>'
        f'<a href="{url}" class="wp-block-file__button wp-element-button" download '
        f'aria-describedby="{block_id}">Download</a></div>'
    )


def body_html(school: School, post: Post, media: Media) -> str:
    body = post.body.replace("[[base]]", BASE)
    for index, picture in enumerate(post.pictures):
        body = body.replace(
            f"[[fig{index}]]", figure(school, picture, media, post.wp_id + 1 + index)
        )
    if post.attachment:
        body = body.replace("[[file]]", file_block(school, post.attachment, post.wp_id + 9))
    if "[[" in body or "]]>" in body:
        raise SystemExit(f"{school.id}/{post.slug}: a marker was left or ']]>' breaks CDATA")
    return body


def excerpt(body: str, words: int = 55) -> str:
    plain = html.unescape(re.sub(r"<[^>]+>", " ", body))
    parts = plain.split()
    return " ".join(parts[:words]) + (" […]" if len(parts) > words else "")


def cdata(value: str) -> str:
    return f"<![CDATA[{value}]]>"


def esc(value: str) -> str:
    return html.escape(value, quote=False)


# --------------------------------------------------------------------------- feeds


def rss_item(school: School, post: Post, media: Media) -> str:
    body = body_html(school, post, media)
    lines = [
        "\t<item>",
        f"\t\t<title>{esc(post.title)}</title>",
        f"\t\t<link>{permalink(school, post)}</link>",
        f"\t\t<comments>{permalink(school, post)}#{'comments' if post.comments else 'respond'}"
        "</comments>",
        f"\t\t<dc:creator>{cdata(post.author)}</dc:creator>",
        f"\t\t<pubDate>{format_datetime(published(school, post.when))}</pubDate>",
        *(f"\t\t<category>{cdata(c)}</category>" for c in post.categories),
        f'\t\t<guid isPermaLink="false">{guid(school, post)}</guid>',
        f"\t\t<description>{cdata(excerpt(body))}</description>",
        f"\t\t<content:encoded>{cdata(body)}</content:encoded>",
    ]
    if post.attachment:
        url = upload_url(school, post.attachment.file)
        length = media.lengths[post.attachment.file]
        lines.append(f'\t\t<enclosure url="{url}" length="{length}" type="application/pdf" />')
    lines += [f"\t\t<slash:comments>{len(post.comments)}</slash:comments>", "\t</item>"]
    return "\n".join(lines)


def rss_channel(
    school: School,
    title: str,
    link: str,
    self_url: str,
    description: str,
    updated: datetime,
    items: list[str],
    icon: bool = True,
) -> str:
    head = [
        f'<?xml version="1.0" encoding="{school.encoding}"?><rss version="2.0"',
        f"\t{RSS_NAMESPACES}\n\t>",
        "",
        "<channel>",
        f"\t<title>{esc(title)}</title>",
        f'\t<atom:link href="{self_url}" rel="self" type="application/rss+xml" />',
        f"\t<link>{link}</link>",
        f"\t<description>{esc(description)}</description>",
        f"\t<lastBuildDate>{format_datetime(updated)}</lastBuildDate>",
        f"\t<language>{school.language}</language>",
        "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>",
        "\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>",
        f"\t<generator>{GENERATOR}</generator>",
    ]
    if icon:
        head += [
            "",
            "<image>",
            f"\t<url>{upload_url(school, ICON)}</url>",
            f"\t<title>{esc(school.name)}</title>",
            f"\t<link>{blog_url(school)}</link>",
            "\t<width>32</width>",
            "\t<height>32</height>",
            "</image> ",
        ]
    return "\n".join([*head, *items, "\t</channel>", "</rss>", ""])


def write_rss(school: School, posts: list[Post], media: Media) -> None:
    updated = published(school, posts[0].when)
    pages = [posts[i : i + school.per_page] for i in range(0, len(posts), school.per_page)]
    for number, page in enumerate(pages, 1):
        name = "index.rss" if number == 1 else f"index.paged-{number}.rss"
        text = rss_channel(
            school,
            school.name,
            blog_url(school),
            feed_url(school),
            school.tagline,
            updated,
            [rss_item(school, post, media) for post in page],
        )
        write_text(SITE / school.id / "feed" / name, text, school.encoding)


def write_comments_rss(school: School, posts: list[Post]) -> None:
    items = []
    commented = [(post, c) for post in posts for c in post.comments]
    commented.sort(key=lambda pc: published(school, pc[1].when), reverse=True)
    for post, comment in commented:
        link = f"{permalink(school, post)}#comment-{comment.wp_id}"
        items.append(
            "\n".join(
                [
                    "\t<item>",
                    f"\t\t<title>{esc(f'Comment on {post.title} by {comment.author}')}</title>",
                    f"\t\t<link>{link}</link>",
                    f"\t\t<dc:creator>{cdata(comment.author)}</dc:creator>",
                    f"\t\t<pubDate>{format_datetime(published(school, comment.when))}</pubDate>",
                    f'\t\t<guid isPermaLink="false">{guid(school, post)}#comment-'
                    f"{comment.wp_id}</guid>",
                    f"\t\t<description>{cdata(comment.text)}</description>",
                    f"\t\t<content:encoded>{cdata(f'<p>{comment.text}</p>')}</content:encoded>",
                    "\t</item>",
                ]
            )
        )
    updated = published(school, commented[0][1].when)
    text = rss_channel(
        school,
        f"Comments for {school.name}",
        blog_url(school),
        comments_feed_url(school),
        school.tagline,
        updated,
        items,
        icon=False,
    )
    write_text(SITE / school.id / "comments" / "feed" / "index.rss", text, school.encoding)


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_atom(school: School, posts: list[Post], media: Media) -> None:
    entries = []
    for post in posts:
        body = body_html(school, post, media)
        when = iso(published(school, post.when))
        lines = [
            "\t<entry>",
            "\t\t<author>",
            f"\t\t\t<name>{esc(post.author)}</name>",
            "\t\t</author>",
            f'\t\t<title type="html">{cdata(post.title)}</title>',
            f'\t\t<link rel="alternate" type="text/html" href="{permalink(school, post)}" />',
            f"\t\t<id>{guid(school, post)}</id>",
            f"\t\t<updated>{when}</updated>",
            f"\t\t<published>{when}</published>",
            *(
                f'\t\t<category scheme="{blog_url(school)}" term="{html.escape(c)}" />'
                for c in post.categories
            ),
            f'\t\t<summary type="html">{cdata(excerpt(body))}</summary>',
            f'\t\t<content type="html" xml:base="{permalink(school, post)}">{cdata(body)}'
            "</content>",
        ]
        if post.attachment:
            url = upload_url(school, post.attachment.file)
            length = media.lengths[post.attachment.file]
            lines.append(
                f'\t\t<link rel="enclosure" type="application/pdf" length="{length}" '
                f'href="{url}" />'
            )
        lines += [
            f'\t\t<link rel="replies" type="text/html" href="{permalink(school, post)}#respond" '
            f'thr:count="{len(post.comments)}" />',
            f"\t\t<thr:total>{len(post.comments)}</thr:total>",
            "\t</entry>",
        ]
        entries.append("\n".join(lines))
    head = [
        '<?xml version="1.0" encoding="UTF-8"?><feed',
        '  xmlns="http://www.w3.org/2005/Atom"',
        '  xmlns:thr="http://purl.org/syndication/thread/1.0"',
        f'  xml:lang="{school.language}"',
        f'  xml:base="{BASE}/{school.id}/wp-atom.php"',
        "  >",
        f'\t<title type="text">{esc(school.name)}</title>',
        f'\t<subtitle type="text">{esc(school.tagline)}</subtitle>',
        "",
        f"\t<updated>{iso(published(school, posts[0].when))}</updated>",
        "",
        f'\t<link rel="alternate" type="text/html" href="{blog_url(school)}" />',
        f"\t<id>{feed_url(school)}</id>",
        f'\t<link rel="self" type="application/atom+xml" href="{feed_url(school)}" />',
        "",
        '\t<generator uri="https://wordpress.org/" version="6.8.1">WordPress</generator>',
    ]
    text = "\n".join([*head, *entries, "</feed>", ""])
    write_text(SITE / school.id / "feed" / "atom" / "index.atom", text, "UTF-8")


# --------------------------------------------------------------------------- web pages

STYLE = (
    "body{font-family:Verdana,sans-serif;max-width:860px;margin:0 auto;padding:0 16px;"
    "color:#222;line-height:1.55}header{border-bottom:6px solid %s;margin-bottom:24px}"
    "h1 a{color:%s;text-decoration:none}article{margin-bottom:40px}img{max-width:100%%;"
    "height:auto}figcaption{font-size:.9em;color:#555}.meta{color:#666;font-size:.9em}"
    "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}"
)


def page_html(school: School, title: str, content: str) -> str:
    colour = "#{:02x}{:02x}{:02x}".format(*school.colour)
    feed_type = "application/atom+xml" if school.feed == "atom" else "application/rss+xml"
    feed_title = "Atom Feed" if school.feed == "atom" else "Feed"
    links = [
        f'<link rel="alternate" type="{feed_type}" title="{esc(school.name)} &raquo; '
        f'{feed_title}" href="{feed_url(school)}" />'
    ]
    if school.comments_feed:
        # Listed first on purpose: feed discovery must pick the posts feed, not this one.
        links.insert(
            0,
            f'<link rel="alternate" type="application/rss+xml" title="{esc(school.name)} '
            f'&raquo; Comments Feed" href="{comments_feed_url(school)}" />',
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{school.language}">',
            "<head>",
            f'<meta charset="{school.encoding}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>",
            *links,
            f'<link rel="icon" href="{upload_url(school, ICON)}" sizes="32x32" />',
            '<meta name="generator" content="WordPress 6.8.1" />',
            f"<style>{STYLE % (colour, colour)}</style>",
            "</head>",
            '<body class="home blog">',
            f'<header><h1><a href="{blog_url(school)}">{esc(school.name)}</a></h1>'
            f"<p>{esc(school.tagline)}</p></header>",
            "<main>",
            content,
            "</main>",
            '<footer><p class="meta">A Kaizen Network partner school · '
            "resilient · resourceful · reflective · risk-taking</p></footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def meta_line(school: School, post: Post) -> str:
    day = datetime.strptime(post.when, "%Y-%m-%d %H:%M")
    tags = ", ".join(post.categories)
    return f'<p class="meta">{day.day} {day:%B %Y} · {esc(post.author)} · {esc(tags)}</p>'


def write_pages(school: School, posts: list[Post], media: Media) -> None:
    cards = []
    for post in posts:
        body = body_html(school, post, media)
        article = (
            f'<article id="post-{post.wp_id}"><h2>{esc(post.title)}</h2>'
            f"{meta_line(school, post)}\n{body}</article>"
        )
        comments = "".join(
            f'<div id="comment-{c.wp_id}" class="comment"><p><strong>{esc(c.author)}</strong>'
            f"</p><p>{c.text}</p></div>"
            for c in post.comments
        )
        if comments:
            article += f'<section id="comments"><h3>Comments</h3>{comments}</section>'
        path = SITE / school.id / permalink(school, post).removeprefix(f"{BASE}/{school.id}/")
        write_text(path / "index.html", page_html(school, post.title, article), school.encoding)
        cards.append(
            f'<article id="post-{post.wp_id}"><h2><a href="{permalink(school, post)}">'
            f"{esc(post.title)}</a></h2>{meta_line(school, post)}"
            f"<p>{esc(excerpt(body, 40))}</p></article>"
        )
    write_text(
        SITE / school.id / "index.html",
        page_html(school, f"{school.name} – {school.tagline}", "\n".join(cards)),
        school.encoding,
    )


def write_front_door() -> None:
    items = "\n".join(
        f'<li><a href="{blog_url(s)}">{esc(s.name)}</a> – {esc(s.tagline)}</li>' for s in SCHOOLS
    )
    text = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="UTF-8">\n'
        "<title>Kaizen Network demo blogs</title>\n</head>\n<body>\n"
        "<h1>Kaizen Network demo blogs</h1>\n"
        "<p>Five fictional partner-school blogs, served by Kaizen Exchange's demo "
        "server on this computer.</p>\n"
        f"<ul>\n{items}\n</ul>\n</body>\n</html>\n"
    )
    write_text(SITE / "index.html", text, "UTF-8")


def write_text(path: Path, text: str, encoding: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding, errors="xmlcharrefreplace"))


# --------------------------------------------------------------------------- checks


def check_against_network_file() -> None:
    """Every school is in network.toml, and each post was written on a school day."""
    network = tomllib.loads((DEMO / "network.toml").read_text("utf-8"))
    declared = {s["id"]: s for s in network["schools"]}
    problems = []
    if set(declared) != {s.id for s in SCHOOLS}:
        problems.append(f"network.toml schools {sorted(declared)} differ from demo_posts.py")
    for school in SCHOOLS:
        spec = declared.get(school.id, {})
        if spec.get("timezone") != school.zone:
            problems.append(f"{school.id}: zone differs from network.toml")
        for post in school.posts:
            day = date.fromisoformat(post.when[:10])
            in_term = any(t["start"] <= day <= t["end"] for t in spec.get("terms", []))
            closed = any(c["start"] <= day <= c["end"] for c in spec.get("closures", []))
            if not in_term or closed or day.weekday() > 4:
                problems.append(f"{school.id}/{post.slug}: {day} is not a school day")
    if problems:
        raise SystemExit("\n".join(problems))


def report() -> None:
    total = sum(
        p.stat().st_size
        for p in DEMO.rglob("*")
        if p.is_file() and not any(part.startswith((".", "__")) for part in p.parts)
    )
    for school in SCHOOLS:
        files = [p for p in (SITE / school.id).rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(
            f"{school.id:14} {len(school.posts):2} posts {len(files):3} files {size / 1024:7.1f} KB"
        )
    print(f"{'resources/demo':14} total {total / 1024:.1f} KB (budget {BUDGET / 1024:.0f} KB)")
    if total > BUDGET:
        raise SystemExit("The demo is over its size budget: make the pictures smaller.")


def main() -> None:
    check_against_network_file()
    if SITE.exists():
        shutil.rmtree(SITE)
    media = Media()
    for school in SCHOOLS:
        posts = sorted(school.posts, key=lambda p: published(school, p.when), reverse=True)
        media.icon(school)
        for post in posts:
            for picture in post.pictures:
                media.picture(school, picture)
            if post.attachment:
                media.attachment(school, post.attachment)
        if school.feed == "atom":
            write_atom(school, posts, media)
        else:
            write_rss(school, posts, media)
        if school.comments_feed:
            write_comments_rss(school, posts)
        write_pages(school, posts, media)
    write_front_door()
    report()


if __name__ == "__main__":
    main()
