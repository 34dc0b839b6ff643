from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class StaleTranslation(Rule):
    """A translation was made for earlier source text: it is fuzzy, or the source changed.

    What it does:
        Reports a catalog entry marked `fuzzy` (which `noticegen i18n update` does when the
        source text of an entry changes), and an entry whose msgid no longer matches the
        notice's current text because the catalog was not updated.

    Why it matters:
        A stale translation tells readers in that language something the notice no longer
        says: the language versions disagree, and each is binding where it is published
        (11 CCR 7003; GDPR Art. 12(1)). A stale entry is not published; the source text is
        shown instead until it is checked.

    Example:
        ```po
        #, fuzzy
        #| msgid "We use your email address to confirm your orders."
        msgctxt "purposes.orders.description"
        msgid "We use your email address to confirm and deliver your orders."
        msgstr "Nous utilisons votre adresse e-mail pour confirmer vos commandes."
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.description"
        msgid "We use your email address to confirm and deliver your orders."
        msgstr "Nous utilisons votre adresse e-mail pour confirmer et livrer vos commandes."
        ```
    """

    code = "NG707"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = (
        "Compare the old English (`#| msgid`) with the new, correct the translation, then "
        "remove the `fuzzy` flag."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for state in catalog.states:
                if state.message is None:
                    continue
                line = state.message.lineno or 1
                context = state.entry.context
                if state.state == "fuzzy":
                    yield at_line(
                        catalog.file,
                        line,
                        f"The {catalog.lang} translation of `{context}` is fuzzy: the English "
                        "changed and the translation has not been checked since.",
                    )
                elif state.state == "stale":
                    yield at_line(
                        catalog.file,
                        line,
                        f"The {catalog.lang} entry for `{context}` translates text the notice "
                        "no longer has.",
                        "Run `noticegen i18n update`, then check the translation.",
                    )
