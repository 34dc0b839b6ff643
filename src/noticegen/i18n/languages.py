"""Language tags as the notice writes them (BCP 47, `pt-BR`) and as Babel knows them (`pt_BR`)."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError


def babel_id(tag: str) -> str:
    """The Babel locale id for a BCP 47 tag: `pt-BR` -> `pt_BR`."""
    return tag.replace("-", "_")


@lru_cache(maxsize=64)
def locale_for(tag: str) -> Locale | None:
    """The Babel locale of a tag, or None when Babel does not know the language."""
    try:
        return Locale.parse(babel_id(tag))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def is_known(tag: str) -> bool:
    return locale_for(tag) is not None


def direction(tag: str) -> str:
    """`rtl` or `ltr`, the value of the page's `dir` attribute."""
    locale = locale_for(tag)
    return locale.text_direction if locale is not None else "ltr"


def autonym(tag: str) -> str:
    """The language's name in itself, for a language switcher: `fr` -> `français`."""
    locale = locale_for(tag)
    name = locale.get_display_name(locale) if locale is not None else None
    return name[:1].upper() + name[1:] if name else tag


def fallbacks(tag: str) -> list[str]:
    """The tag, then its bare language: `pt-BR` -> [`pt-BR`, `pt`]."""
    base = tag.split("-")[0]
    return [tag] if base == tag else [tag, base]
