from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class NewlineMismatch(Rule):
    """A translation begins or ends with a line break where its source text does not, or the
    other way round.

    What it does:
        Compares each translated entry that is not fuzzy with its msgid, as `msgfmt -c` does:
        both must begin with a line break (`\\n`) or neither, and both must end with one or
        neither. The finding is at the msgstr, where msgfmt reports it.

    Why it matters:
        `msgfmt -c`, which translation platforms and packagers run on every catalog, rejects
        the whole file for one such entry: the translations cannot be compiled or imported.
        Catalogs written before noticegen dropped the line break that ends a YAML `|` block
        have a msgid ending in `\\n` and translations without it.

    Example:
        ```po
        msgctxt "purposes.orders.description"
        msgid ""
        "We process and deliver the orders you place.\\n"
        msgstr "Nous traitons et livrons vos commandes."
        ```

    Fix:
        ```po
        msgctxt "purposes.orders.description"
        msgid "We process and deliver the orders you place."
        msgstr "Nous traitons et livrons vos commandes."
        ```
    """

    code = "NG710"
    hint = (
        "Run `noticegen i18n update`: msgids lose the line breaks at their ends, and so do "
        "translations."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for problem in catalog.po.problems if catalog.po else []:
                if problem.kind == "newline":
                    yield at_line(catalog.file, problem.line, problem.message)
