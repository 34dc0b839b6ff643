"""The reader's vocabulary, kept as data in `lexicon.csv` and compiled into patterns once."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

KINDS = ("action", "noun", "data", "purpose", "recipient")
ACTIONS = (
    "collect",
    "use",
    "share",
    "sell",
    "advertise",
    "send",
    "keep",
    "link",
    "transfer",
    "profile",
)


class Lexicon(NamedTuple):
    entries: dict[str, dict[str, str]]
    """For each kind, each phrase (lower case) and what it names."""


@cache
def pattern(kind: str) -> re.Pattern[str]:
    """A pattern matching any phrase of `kind` as whole words, longest first; compiled when
    first asked for, as a lint that reads no such window need not pay for it."""
    ordered = sorted(lexicon().entries[kind], key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def lexicon() -> Lexicon:
    entries: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    # a plain path: importlib.resources costs a lint tens of milliseconds on first use
    text = Path(__file__).with_name("lexicon.csv").read_text(encoding="utf-8")
    rows = (line for line in text.splitlines() if line and not line.startswith("#"))
    for kind, phrase, value in csv.reader(rows):
        entries[kind][phrase.lower()] = value
    return Lexicon(entries)


def normal(phrase: str) -> str:
    """A matched phrase as the lexicon spells it: "E-Mail  address" is "e-mail address"."""
    return re.sub(r"\s+", " ", phrase.lower())


def lookup(kind: str, phrase: str) -> str | None:
    table = lexicon().entries[kind]
    found = normal(phrase)
    return table.get(found) or table.get(found.replace("-", " "))
