from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ...i18n.checks import language_catalogs
from ..base import Rule, Violation
from ._common import at_line


class PluralFormsHeader(Rule):
    """A catalog's `Plural-Forms` header is malformed or wrong for its language.

    What it does:
        Checks the `Plural-Forms` header of each catalog: it must read
        `nplurals=N; plural=EXPRESSION;`, the expression must be valid, and N must be the
        number of plural forms the language has in the Unicode CLDR.

    Why it matters:
        A catalog copied from another language keeps that language's plural rule; translation
        tools then offer the wrong number of forms and counts read wrongly ("1 jours" in French).

    Example:
        ```po
        "Language: fr\\n"
        "Plural-Forms: nplurals=3; plural=(n != 1);\\n"
        ```

    Fix:
        ```po
        "Language: fr\\n"
        "Plural-Forms: nplurals=2; plural=(n > 1);\\n"
        ```
    """

    code = "NG705"
    hint = "Let `noticegen i18n update` write the header, or copy the expected one."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for problem in catalog.po.problems if catalog.po else []:
                if problem.kind == "plural":
                    yield at_line(catalog.file, problem.line, problem.message)
