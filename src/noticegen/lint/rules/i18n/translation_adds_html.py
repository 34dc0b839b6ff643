from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs, markdown_shape
from ._common import at_line


class TranslationAddsHtml(Rule):
    """A translation contains raw HTML that the source text does not.

    What it does:
        Reports HTML tags or blocks in a translated entry that its source text does not hold.

    Why it matters:
        Raw HTML is never rendered: the page shows it as text, exactly as it would in the
        source, so the reader in that language sees stray markup. Markup in a translation is
        also the way a compromised catalog would try to inject script into the published page.

    Example:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "<b>Traitement</b> de vos commandes"
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "**Traitement** de vos commandes"
        ```
    """

    code = "NG709"
    hint = "Use Markdown instead of HTML, or plain text."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for state in catalog.states:
                if state.state != "translated" or state.message is None:
                    continue
                allowed = set(markdown_shape(state.entry.text).html)
                added = [
                    h for h in markdown_shape(str(state.message.string)).html if h not in allowed
                ]
                if added:
                    yield at_line(
                        catalog.file,
                        state.message.lineno or 1,
                        f"The {catalog.lang} translation of `{state.entry.context}` adds raw "
                        f"HTML the source does not have: {added[0][:60]}",
                    )
