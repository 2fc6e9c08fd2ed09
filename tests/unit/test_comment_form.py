"""WordPress's answers to its comment form, read into what a teacher is told.

The bodies are WordPress 6.1's own ``wp_die`` pages (wp-comments-post.php), with the
messages of wp-includes/comment.php; the real-WordPress tier covers the answers the
test site gives (held, published, closed, too quickly, duplicate, down).
"""

from __future__ import annotations

import httpx
import pytest

from kaizen_exchange.conversations import comment_form
from kaizen_exchange.conversations.comment_form import ReplyError, Sent, read_answer

SCHOOL = "Wattle Creek"
POST = "https://wattle.example/2026/03/winter/"


def _die(status: int, message: str) -> httpx.Response:
    page = (
        "<!DOCTYPE html><html><head><title>Comment Submission Failure</title></head>"
        f'<body id="error-page"><div class="wp-die-message"><p>{message}</p></div>'
        "<p><a href='javascript:history.back()'>&laquo; Back</a></p></body></html>"
    )
    return httpx.Response(status, text=page, headers={"content-type": "text/html"})


def _redirect(location: str) -> httpx.Response:
    return httpx.Response(302, headers={"location": location})


def _refused(response: httpx.Response) -> ReplyError:
    with pytest.raises(ReplyError) as caught:
        read_answer(response, SCHOOL)
    message = str(caught.value)
    assert "<" not in message and "--" not in message and "HTTP 4" not in message, message
    return caught.value


def test_a_redirect_says_whether_the_comment_is_held_or_published() -> None:
    held = f"{POST}?unapproved=12&moderation-hash=0f3a#comment-12"
    assert read_answer(_redirect(held), SCHOOL) == Sent(12, True, held)
    assert read_answer(_redirect(f"{POST}#comment-13"), SCHOOL) == Sent(13, False, shown_at=POST)


@pytest.mark.parametrize(
    ("response", "code", "says", "later"),
    [
        (
            _die(403, "Sorry, comments are closed for this item."),
            comment_form.CLOSED,
            "Comments are closed on this post on Wattle Creek's blog",
            False,
        ),
        (
            _die(403, "Sorry, you must be logged in to comment."),
            comment_form.LOGIN_REQUIRED,
            "Ask Wattle Creek to let visitors comment (Settings → Discussion",
            False,
        ),
        (
            _redirect("https://wattle.example/wp-login.php?redirect_to=x"),
            comment_form.LOGIN_REQUIRED,
            "only from people logged in",
            False,
        ),
        (
            _die(403, "Your comment was rejected as spam."),
            comment_form.SPAM,
            "rejected the reply as spam. Ask Wattle Creek",
            False,
        ),
        (
            _die(429, "You are posting comments too quickly. Slow down."),
            comment_form.TOO_FAST,
            "too quickly from here. The reply is queued",
            True,
        ),
        (
            _die(
                409,
                "Duplicate comment detected; it looks as though you&#8217;ve already said that!",
            ),
            comment_form.DUPLICATE,
            "already has this reply",
            False,
        ),
        (
            _die(200, "<strong>Error:</strong> Please fill the required fields."),
            comment_form.REFUSED,
            'It said: "Please fill the required fields."',
            False,
        ),
        (httpx.Response(200, text=""), comment_form.NO_POST, "no longer has this post", False),
        (
            _die(503, "Error establishing a database connection"),
            comment_form.SERVER_ERROR,
            "queued",
            True,
        ),
    ],
)
def test_each_refusal_is_a_plain_sentence_that_says_what_next(
    response: httpx.Response, code: str, says: str, later: bool
) -> None:
    refused = _refused(response)
    assert refused.code == code
    assert says in str(refused), str(refused)
    assert refused.retry_later is later


def test_no_network_queues_the_reply() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with (
        httpx.Client(transport=httpx.MockTransport(down)) as http,
        pytest.raises(ReplyError) as caught,
    ):
        comment_form.post_comment(http, "https://wattle.example", {"comment": "Hi"}, SCHOOL)
    assert caught.value.code == comment_form.NO_NETWORK and caught.value.retry_later
    assert str(caught.value).startswith("Wattle Creek's blog cannot be reached")
