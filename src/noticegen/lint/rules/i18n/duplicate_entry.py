from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class DuplicateEntry(Rule):
    """A translation catalog holds the same entry twice.

    What it does:
        Reports an entry whose msgctxt and msgid repeat an earlier entry of the same catalog.

    Why it matters:
        Only one of the two translations can be published, and which one depends on the tool:
        a translator who corrects the other one changes nothing on the page.

    Example:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Traitement de vos commandes"

        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Gestion des commandes"
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Traitement de vos commandes"
        ```
    """

    code = "NG704"
    hint = "Keep one of the two entries."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for problem in catalog.po.problems if catalog.po else []:
                if problem.kind == "duplicate":
                    yield at_line(catalog.file, problem.line, problem.message)
