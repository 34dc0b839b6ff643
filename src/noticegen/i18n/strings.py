"""Built-in strings (headings, table headers, boilerplate) and locale formatting for one language.

Interface used by the renderer; the catalogs behind it live in `i18n/locales/<lang>.po`.
"""

from __future__ import annotations

import datetime


class Strings:
    """Built-in strings and formatting for one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.direction = "ltr"

    def __call__(self, msgid: str, **values: object) -> str:
        """The translation of an English built-in string, with `{name}` placeholders filled."""
        return msgid.format(**values) if values else msgid

    def date(self, value: datetime.date) -> str:
        """A date written out for the locale, e.g. "24 November 2026"."""
        return value.isoformat()
