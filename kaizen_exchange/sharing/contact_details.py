"""E-mail addresses, phone numbers and street addresses in a post: where a child can be found.

Warnings, not refusals (a school's own office number is fine to share), but each
must be seen. Phone numbers are found by Google's phonenumbers library (UK and
Australian formats, only numbers it says are valid: "2 groups", "Year 4", dates,
times and scores are not numbers anyone can ring). Postcodes and street addresses
are found by careful patterns: a UK postcode's shape ("SW1A 1AA"), an Australian
postcode only after a state ("NSW 2000", since a bare 2026 is a year), and a house
number followed by capitalised words and a street word ("12 Wattle Street",
"Flat 3, 4 High Road", "7/21 Banksia Pde").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

REGIONS = ("GB", "AU")

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")

UK_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"
    r"|\b(?i:[a-z]{1,2}\d[a-z\d]? \d[abd-hjlnp-uw-z]{2})\b"
)
AU_POSTCODE = re.compile(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas)\.?,?\s+\d{4}\b")

_STREET_WORDS = (
    "Street|Road|Avenue|Lane|Drive|Close|Crescent|Court|Place|Terrace|Way|Grove|Gardens"
    "|Parade|Highway|Boulevard|Square|Mews|Row|Walk|Rise|Circuit|Esplanade|Hill"
)
_STREET_SHORT = "St|Rd|Ave|Ln|Dr|Cres|Ct|Pl|Tce|Pde|Hwy|Blvd|Cct|Esp"
STREET = re.compile(
    r"(?:\b(?:Flat|Unit|Apartment|Apt)\.?\s+(?:\d+[A-Za-z]?,?\s+)?)?"  # "Flat 3, ", "Unit "
    r"\b\d{1,4}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?,?\s+"  # "12", "7/21", "4a"
    r"(?:[A-Z][a-z'’-]+\s+){1,3}"  # "Wattle ", "High ", "St Kilda "
    rf"(?:(?:{_STREET_WORDS})\b|(?:{_STREET_SHORT})\b\.?(?!\s+[A-Z]))"  # not "3 March St Patrick"
)

Span = tuple[int, int]


def emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield match.span()


def phones(text: str) -> Iterator[Span]:
    """Valid UK or Australian numbers, each once (a +44/+61 number is found by both)."""
    seen: set[Span] = set()
    for region in REGIONS:
        matcher = phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID
        )
        for match in matcher:
            span = (match.start, match.end)
            if span not in seen:
                seen.add(span)
                yield span


def addresses(text: str) -> Iterator[tuple[Span, str]]:
    """Street addresses and postcodes, with what each is ("street address", "postcode")."""
    for match in STREET.finditer(text):
        yield match.span(), "street address"
    for pattern in (UK_POSTCODE, AU_POSTCODE):
        for match in pattern.finditer(text):
            yield match.span(), "postcode"


__all__ = ["addresses", "emails", "phones"]
