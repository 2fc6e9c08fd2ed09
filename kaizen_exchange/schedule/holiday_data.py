"""Public holidays and Australian school holidays, from the ``holidays`` package.

Looking a year up builds a holidays object, which takes tens of milliseconds for
Australia, so every (country, subdivision, year, category) is cached. We ask the
package what it supports instead of assuming: its Australian ``school`` category
(holidays 0.109) covers every state and territory, but only from 2026 and for as
many years as each department has published, so a year with no entries means
"not known", and the calendar says so rather than guessing.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import holidays

#: Codes people write that the package spells differently.
_COUNTRY_ALIASES = {"UK": "GB", "EN": "GB"}


def country_code(country: str) -> str:
    """The ISO code the ``holidays`` package knows a school's country by."""
    upper = country.strip().upper()
    return _COUNTRY_ALIASES.get(upper, upper)


@lru_cache(maxsize=64)
def _country_class(country: str) -> Any | None:
    try:
        return type(holidays.country_holidays(country))
    except NotImplementedError:
        return None


def supports_country(country: str) -> bool:
    """Whether the package has public holidays for this country at all."""
    return _country_class(country_code(country)) is not None


@lru_cache(maxsize=256)
def subdivision_code(country: str, subdivision: str | None) -> str | None:
    """The package's own spelling of a subdivision (``ENGLAND`` → ``ENG``, ``nsw`` → ``NSW``).

    Returns None when the subdivision is missing or unknown to the package.
    """
    cls = _country_class(country_code(country))
    if cls is None or not subdivision:
        return None
    wanted = subdivision.strip().casefold()
    for code in cls.subdivisions:
        if code.casefold() == wanted:
            return str(code)
    for alias, code in getattr(cls, "subdivisions_aliases", {}).items():
        if alias.casefold() == wanted:
            return str(code)
    return None


def supports_school_category(country: str) -> bool:
    """Whether the package publishes school holidays for this country."""
    cls = _country_class(country_code(country))
    return cls is not None and "school" in getattr(cls, "supported_categories", ())


@lru_cache(maxsize=512)
def _holidays(country: str, subdiv: str | None, year: int, category: str) -> dict[date, str]:
    found = holidays.country_holidays(country, subdiv=subdiv, years=year, categories=(category,))
    return {day: str(name) for day, name in found.items()}


def public_holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """Public holidays of one year; empty when the country is not in the package."""
    code = country_code(country)
    if not supports_country(code):
        return {}
    return _holidays(code, subdivision_code(code, subdivision), year, "public")


def school_holidays(country: str, subdivision: str | None, year: int) -> dict[date, str] | None:
    """School holidays of one year, or None where the package has no data for it."""
    code = country_code(country)
    subdiv = subdivision_code(code, subdivision)
    if subdiv is None or not supports_school_category(code):
        return None
    found = _holidays(code, subdiv, year, "school")
    return found or None


__all__ = [
    "country_code",
    "public_holidays",
    "school_holidays",
    "subdivision_code",
    "supports_country",
    "supports_school_category",
]
