from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs
from ._common import at_line


class PluralFormsHeader(Rule):
    """A catalog's `Plural-Forms` header is malformed or is not a rule any tool uses for its
    language.

    What it does:
        Checks the `Plural-Forms` header of each catalog: it must read
        `nplurals=N; plural=EXPRESSION;` with at most 10 forms, the expression must be a valid
        C expression of at most 600 characters that gives one of the N forms for every count,
        and the rule must mean what gettext's `msginit`, Weblate or the Unicode CLDR (in any
        Babel version) writes for the language: the same number of forms, and the same form
        for each count. `nplurals=2; plural=(n > 1);` (msginit) and CLDR's three forms are
        both French.

    Why it matters:
        A catalog copied from another language keeps that language's plural rule; translation
        tools then offer the wrong number of forms and counts read wrongly ("1 jours" in
        French). A header no tool can read leaves them guessing.

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
    hint = "Run `noticegen i18n update`: it writes a rule the tools use for the language."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for problem in catalog.po.problems if catalog.po else []:
                if problem.kind == "plural":
                    yield at_line(catalog.file, problem.line, problem.message)
