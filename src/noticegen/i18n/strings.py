"""Built-in strings (headings, table headers, boilerplate) and locale formatting for one language.

Interface used by the renderer; the catalogs behind it live in `i18n/locales/<lang>.po`, keyed by
the English text. `en.po` is the template: every other catalog translates exactly its entries.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

from ..model.terms import Region
from . import languages
from .pofile import read_catalog


def N_(text: str) -> str:
    """Marks a built-in string for extraction (the gettext convention); translated on use."""
    return text


BUILTIN_LOCALES = Path(__file__).parent / "locales"
TEMPLATE_LANGUAGE = "en"
# Joins the items of a list one of which holds the list's own "and" or comma ("Other users and
# the public; Courts and public authorities"): the locale's list pattern would leave the reader
# to guess where each item ends.
_SET_APART = N_("{first}; {second}")
_DURATION = re.compile(
    r"^P(?:(?P<year>\d+)Y)?(?:(?P<month>\d+)M)?(?:(?P<week>\d+)W)?(?:(?P<day>\d+)D)?"
    r"(?:T(?:(?P<hour>\d+)H)?(?:(?P<minute>\d+)M)?(?:(?P<second>\d+)S)?)?$"
)


def builtin_languages() -> list[str]:
    """Every language with a built-in catalog, the English template included."""
    return sorted(path.stem for path in BUILTIN_LOCALES.glob("*.po"))


@dataclass(frozen=True)
class BuiltinCatalog:
    """The translated, non-fuzzy entries of one built-in catalog."""

    strings: dict[str, str]
    """English text -> translation."""
    plurals: dict[str, tuple[str, ...]]
    """Both English forms of a plural entry -> the language's forms."""
    plural_index: Callable[[int], int]
    """Which form a count takes, from the catalog's Plural-Forms header."""


@functools.lru_cache(maxsize=32)
def builtin_catalog(lang: str) -> BuiltinCatalog:
    path = BUILTIN_LOCALES / f"{lang}.po"
    po = read_catalog(path, lang) if path.is_file() else None
    if po is None or po.catalog is None:
        return BuiltinCatalog({}, {}, _germanic_plural)
    strings: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for m in po.catalog:
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, str) and isinstance(m.string, str) and m.string:
            strings[m.id] = m.string
        elif isinstance(m.id, tuple) and isinstance(m.string, tuple) and all(m.string):
            for english in m.id:
                plurals[english] = tuple(m.string)
    try:
        index = gettext.c2py(po.catalog.plural_expr)
    except (ValueError, SyntaxError):
        index = _germanic_plural
    return BuiltinCatalog(strings, plurals, index)


def _regional(lang: str, country: str | None) -> list[str]:
    """The tags to format `lang` by, most specific first: `en` in GB -> [`en-GB`, `en`]."""
    tags = languages.fallbacks(lang)
    if country and "-" not in lang and len(country) == 2:
        return [f"{lang}-{country}", *tags]
    return tags


def _germanic_plural(n: int) -> int:
    return int(n != 1)


class Strings:
    """Built-in strings and formatting for one language."""

    def __init__(self, lang: str, country: str | None = None) -> None:
        """`country` is where the publisher is established (the controller's country): a
        language tag without a region (`en`) is then written by that region's conventions
        (en-GB's "5 December 2026" for a company in GB) where the language has them; a tag
        with a region (`en-US`) keeps its own."""
        self.lang = lang
        self.direction = languages.direction(lang)
        self.locale = next(
            (loc for tag in _regional(lang, country) if (loc := languages.locale_for(tag))),
            languages.locale_for(TEMPLATE_LANGUAGE),
        )
        # `pt-BR` uses its own catalog, else the one of `pt`; English where neither has the text.
        self._catalogs = [builtin_catalog(tag) for tag in languages.fallbacks(lang)]

    def __call__(self, msgid: str, **values: object) -> str:
        """The translation of an English built-in string, with `{name}` placeholders filled.

        With a `count` value, a plural entry gives the form the language uses for that count
        ("{count} year"/"{count} years" -> Polish "rok", "lata" or "lat")."""
        text = self._lookup(msgid, values.get("count"))
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            # A broken translation must not break the page: the test suite catches it.
            return msgid.format(**values)

    def _lookup(self, msgid: str, count: object) -> str:
        for catalog in self._catalogs:
            if isinstance(count, int) and msgid in catalog.plurals:
                forms = catalog.plurals[msgid]
                index = catalog.plural_index(abs(count))
                return forms[index] if index < len(forms) else forms[-1]
            if msgid in catalog.strings:
                return catalog.strings[msgid]
        return msgid

    def date(self, value: datetime.date) -> str:
        """A date written out for the locale, e.g. "24 November 2026", "24. November 2026"."""
        return format_date(value, "long", locale=self.locale)

    def number(self, value: float) -> str:
        """A number with the locale's separators: 1,234.5 / 1 234,5 / 1.234,5."""
        return format_decimal(value, locale=self.locale)

    def list(self, items: Sequence[str], *, like: Sequence[str] | None = None) -> str:
        """Items joined for the locale: "a, b and c", "a, b et c"; set apart ("a and b; c")
        when an item holds the language's own "and" or list comma. `like` is the text the
        items show, when `items` are placeholders for it."""
        if not items:
            return ""
        if self.sets_apart(like if like is not None else items):
            return functools.reduce(lambda a, b: self(_SET_APART, first=a, second=b), items)
        return format_list(list(items), locale=self.locale)

    def separators(self, items: Sequence[str]) -> tuple[str, ...]:
        """What the language writes after each of `items` when listing them (", ", then
        " and ", then nothing), for a list a template builds item by item."""
        slots = [f"\x00{i}\x00" for i in range(len(items))]
        listed = self.list(slots, like=items)
        return tuple(
            listed.partition(slot)[2].partition(following)[0] if following else ""
            for slot, following in zip(slots, [*slots[1:], ""], strict=True)
        )

    def sets_apart(self, items: Sequence[str]) -> bool:
        """Whether listing `items` the usual way would blur where one ends: one of them holds
        the word the language joins the last two with, or the comma it joins the others with."""
        return len(items) > 1 and any(self._list_marks.search(item) for item in items)

    @functools.cached_property
    def _list_marks(self) -> re.Pattern[str]:
        two = format_list(["\x00", "\x01"], locale=self.locale)
        three = format_list(["\x00", "\x01", "\x02"], locale=self.locale)
        conjunction = two.split("\x00")[1].split("\x01")[0].strip(" ,،\u00a0")
        comma = "".join(c for c in three.split("\x00")[1].split("\x01")[0] if c in ",،")
        marks = [rf"(?<!\w){re.escape(conjunction)}(?!\w)"] if conjunction else []
        marks += [re.escape(c) for c in comma]
        return re.compile("|".join(marks) or r"(?!)", re.IGNORECASE)

    def duration(self, iso: str) -> str:
        """An ISO 8601 duration in words: `P3Y` -> "3 years", `P1Y6M` -> "1 an et 6 mois"."""
        match = _DURATION.match(iso)
        if not match:
            return iso
        parts = [
            self._unit(int(amount), f"duration-{unit}")
            for unit, amount in match.groupdict().items()
            if amount and int(amount)
        ]
        return self.list(parts) if parts else iso

    def _unit(self, amount: int, unit: str) -> str:
        text = format_unit(amount, unit, length="long", locale=self.locale)
        # Some locales (pt) lack long unit patterns and Babel then prints the unit's id.
        if unit in text:
            text = format_unit(amount, unit, length="short", locale=self.locale)
        return text

    def country(self, code: str) -> str:
        """A country's name in the locale, from an ISO 3166-1 code (`US` -> "États-Unis");
        a region code (`EEA`) by its `Region` record's label."""
        if code in Region._value2member_map_:
            return self(Region.of(code).label or code)
        territories = self.locale.territories if self.locale is not None else {}
        return str(territories.get(code, code))

    def language_name(self, tag: str) -> str:
        """A language's own name, for a language switcher: `de` -> "Deutsch"."""
        return languages.autonym(tag)
