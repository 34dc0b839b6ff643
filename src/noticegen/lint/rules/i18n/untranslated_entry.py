from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class UntranslatedEntry(Rule):
    """Text of the notice has no translation in a language it is published in.

    What it does:
        For every translatable string of the notice (labels, descriptions, prose sections,
        titles) and of the supplements published in a language, checks that the language's
        catalog has an entry for it with a non-empty translation.

    Why it matters:
        An untranslated entry is published in the source language: part of the notice is not
        in the reader's language. A notice must be intelligible to its audience (GDPR Art.
        12(1)); California requires each language version to hold the same content (11 CCR
        7003).

    Example:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr ""
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Traitement de vos commandes"
        ```
    """

    code = "NG706"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = "Translate the entry; run `noticegen i18n update` first if it is missing."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for state in catalog.states:
                context = state.entry.context
                if state.state == "missing":
                    yield at_line(
                        catalog.file,
                        1,
                        f"No entry for `{context}` in the {catalog.lang} catalog.",
                        "Run `noticegen i18n update`, then translate the new entry.",
                    )
                elif state.state == "untranslated" and state.message is not None:
                    yield at_line(
                        catalog.file,
                        state.message.lineno or 1,
                        f"`{context}` is not translated into {catalog.lang}.",
                    )
