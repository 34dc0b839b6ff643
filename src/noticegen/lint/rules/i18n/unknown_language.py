from __future__ import annotations

from collections.abc import Iterator

from ....i18n.catalogs import declared_languages
from ....i18n.languages import is_known
from ...context import LintContext
from ..base import Rule, Violation


class UnknownLanguage(Rule):
    """A language code the notice is published in is not a known language.

    What it does:
        Checks every tag in `notice.languages` and in each supplement's `languages` against the
        languages known to the Unicode CLDR (through Babel).

    Why it matters:
        An unknown code cannot be given its dates, plural rules, text direction or built-in
        headings, and the page would declare a language browsers and screen readers do not
        know (WCAG 2 SC 3.1.1 Language of Page).

    Example:
        ```yaml
        notice:
          languages: [en, fr, xx]
        ```

    Fix:
        ```yaml
        notice:
          languages: [en, fr, de]
        ```
    """

    code = "NG701"
    citation = "GDPR Art. 12(1)"
    hint = "Use a BCP 47 language tag, e.g. `fr`, `de`, `pt-BR`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for declared in declared_languages(ctx.notice, ctx.supplements):
            if not is_known(declared.tag):
                yield Violation(
                    declared.path,
                    f"`{declared.tag}` is not a known language code.",
                    file=declared.file,
                )
