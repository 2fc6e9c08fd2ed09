"""What is sent to WordPress, as text: the post's slug, a photo cut out of a post, a note."""

from __future__ import annotations

from kaizen_exchange.publishing.approval import _NOTE_BLOCK, NOTE_CLASS
from kaizen_exchange.publishing.remote import post_slug
from kaizen_exchange.publishing.takedown import cut_media


def test_the_slug_is_plain_ascii_and_ends_with_the_token() -> None:
    assert post_slug("Our Bean Towers!", "kx0123456789ab") == "our-bean-towers-kx0123456789ab"
    assert post_slug("Zoë's café – Année 4", "kxab") == "zoe-s-cafe-annee-4-kxab"
    assert post_slug("日本語", "kxab") == "kxab"
    assert len(post_slug("word " * 100, "kxab")) <= 65


BLOCKS = (
    "<p>We played.</p>\n"
    '<!-- wp:image {"id":11} -->\n<figure class="wp-block-image"><img src="https://b/u/a.jpg" '
    'alt="A" class="wp-image-11"/><figcaption>First</figcaption></figure>\n<!-- /wp:image -->\n'
    '<figure><img src="https://b/u/b.jpg" alt="B"/></figure>\n'
    '<video controls src="https://b/u/c.mp4"></video>\n<p>The end.</p>'
)


def test_cutting_one_photo_leaves_the_rest() -> None:
    cut = cut_media(BLOCKS, "https://b/u/a.jpg", 11)
    assert "a.jpg" not in cut and "First" not in cut and "wp:image" not in cut
    assert "b.jpg" in cut and "c.mp4" in cut and "We played." in cut and "The end." in cut
    cut_b = cut_media(BLOCKS, "https://b/u/b.jpg", 0)
    assert "b.jpg" not in cut_b and "a.jpg" in cut_b and "<figure><img" not in cut_b
    cut_c = cut_media(BLOCKS, "https://b/u/c.mp4", 0)
    assert "c.mp4" not in cut_c and "<video" not in cut_c and "a.jpg" in cut_c
    assert cut_media(BLOCKS, "https://b/u/none.jpg", 99) == BLOCKS


def test_a_return_note_is_found_for_removal() -> None:
    note = (
        f'<!-- wp:paragraph {{"className":"{NOTE_CLASS}"}} -->\n<p class="{NOTE_CLASS}">'
        "Fix it</p>\n<!-- /wp:paragraph -->\n\n"
    )
    assert _NOTE_BLOCK.sub("", note + "<p>Body</p>") == "<p>Body</p>"
