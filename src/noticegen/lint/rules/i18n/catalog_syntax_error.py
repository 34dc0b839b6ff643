from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class CatalogSyntaxError(Rule):
    """A translation catalog is not a valid PO file.

    What it does:
        Reads each published language's `locales/<language>.po` and reports every line that is
        not valid gettext PO syntax: an unknown keyword, an unterminated string, a msgid without
        a msgstr, a file that is not UTF-8 or whose header names another charset, or a catalog
        that links to a file outside the notice folder (which is not read).

    Why it matters:
        Translation tools and `noticegen` read the catalog entry by entry; a broken line can
        silently attach a translation to the wrong text or drop it, so the published page would
        not say what the translator wrote.

    Example:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Traitement de vos commandes
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.label"
        msgid "Processing your orders"
        msgstr "Traitement de vos commandes"
        ```
    """

    code = "NG703"
    hint = "Correct the line; a PO editor such as Poedit shows the problem too."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for problem in catalog.po.problems if catalog.po else []:
                if problem.kind in ("syntax", "charset"):
                    yield at_line(catalog.file, problem.line, problem.message)
