"""One function checks every web address where it enters: what it accepts, refuses, says."""

from __future__ import annotations

import pytest

from kaizen_exchange.errors import BadInput
from kaizen_exchange.feeds.discover import feed_links
from kaizen_exchange.feeds.find_feed import normalise_blog_url
from kaizen_exchange.urls import secret_in, shown_url, strip_secrets, web_address


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://greenfield.example/feed/", "https://greenfield.example/feed/"),
        ("HTTPS://Greenfield.EXAMPLE:443/Feed/", "https://greenfield.example/Feed/"),
        ("http://127.0.0.1:8080/feed", "http://127.0.0.1:8080/feed"),
        ("http://[::1]:8080/feed", "http://[::1]:8080/feed"),
        ("https://bücher.example/blog/", "https://xn--bcher-kva.example/blog/"),
        ("https://school.example/feed/?paged=2", "https://school.example/feed/?paged=2"),
    ],
)
def test_good_addresses_are_kept_and_normalised(given: str, expected: str) -> None:
    assert web_address(given) == expected


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("https://school.example/\tfeed/", "a tab"),
        ("https://school.example/ feed/", "a space"),
        ("https://school.example/\u202efeed/", "invisible"),
        ("https://school.example:99999/feed/", "port"),
        ("https://school.example:http/feed/", "port"),
        ("https://school.example:0/feed/", "port"),
        ("https://[::1/feed/", "IPv6"),
        ("https://[fe80::zz]/feed/", "IPv6"),
        ("https://school..example/", "server name"),
        ("ftp://school.example/feed/", "that is not a web address"),
        ("javascript:alert(1)", "that is not a web address"),
        ("school.example/feed/", "that is not a web address"),  # from a file: written whole
        ("https:///feed/", "that is not a web address"),
        ("https://school.example/" + "a" * 3000, "too long"),
        ("", "empty"),
    ],
)
def test_bad_addresses_are_refused_in_plain_words(given: str, said: str) -> None:
    with pytest.raises(BadInput) as caught:
        web_address(given)
    message = str(caught.value)
    assert said in message
    assert "%" not in message and "\t" not in message and "\u202e" not in message
    assert len(message) < 400


@pytest.mark.parametrize(
    "given",
    [
        "https://jo:secret@school.example/feed/",
        "https://jo@school.example/feed/",
        "https://school.example/feed/?key=abc123",
        "https://school.example/feed/?x=1&Token=abc123",
        "https://school.example/feed/?sig=abc123",
        "https://school.example/feed/?auth=abc123",
    ],
)
def test_addresses_with_secrets_are_refused_without_repeating_the_secret(given: str) -> None:
    with pytest.raises(BadInput) as caught:
        web_address(given)
    message = str(caught.value)
    assert "public feed" in message
    assert "secret" not in message.split("app does not keep")[0]  # the password is not echoed
    assert "abc123" not in message
    assert secret_in(given)
    assert secret_in(strip_secrets(given)) is None


def test_strip_secrets_keeps_the_rest_of_the_address() -> None:
    url = "https://jo:pw@school.example/feed/?cat=3&key=abc#top"
    assert strip_secrets(url) == "https://school.example/feed/?cat=3#top"
    assert shown_url("https://jo:pw@[::1/feed?key=abc") == "'https://[::1/feed?key=…'"


def test_what_a_teacher_types_gets_https_and_a_plain_refusal() -> None:
    assert normalise_blog_url("  greenfield.example/blog ") == "https://greenfield.example/blog"
    with pytest.raises(BadInput) as caught:
        normalise_blog_url("not a url")
    message = str(caught.value)
    assert "that is not a web address" in message or "is not a web address" in message
    assert "not%20a%20url" not in message and "reached" not in message


def test_discovery_ignores_advertised_links_no_sync_could_fetch() -> None:
    page = (
        '<link rel="alternate" type="application/rss+xml" href="https://a.example:99999/feed/">'
        '<link rel="alternate" type="application/rss+xml" href="https://a.example/\tbad/">'
        '<link rel="alternate" type="application/rss+xml" href="https://a.example/feed/?key=s">'
        '<link rel="alternate" type="application/rss+xml" href="/feed/">'
    )
    # A tab inside an href is dropped, as browsers do (WHATWG URL); the rest are refused.
    found = feed_links(page, "https://a.example/blog/")
    assert found == ["https://a.example/bad/", "https://a.example/feed/"]
