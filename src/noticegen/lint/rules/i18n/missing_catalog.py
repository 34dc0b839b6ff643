from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import language_catalogs


class MissingCatalog(Rule):
    """A language is listed as published but has no translation catalog.

    What it does:
        For every language the notice or a supplement is published in, other than the source
        language, checks that `locales/<language>.po` exists in the notice folder.

    Why it matters:
        Without a catalog the page in that language would show the company's own text in the
        source language: the reader is told in a language they may not read how their data is
        used. A notice must be intelligible to its audience (GDPR Art. 12(1)), and California
        requires every language version to carry the same content (11 CCR 7003).

    Example:
        ```yaml
        notice:
          languages: [en, fr]   # and no locales/fr.po
        ```

    Fix:
        ```yaml
        notice:
          languages: [en, fr]   # run `noticegen i18n update`, then translate locales/fr.po
        ```
    """

    code = "NG702"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = "Run `noticegen i18n update` to create the catalog, then translate it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            if catalog.po is None and catalog.declared is not None:
                yield Violation(
                    catalog.declared.path,
                    f"The notice is published in `{catalog.lang}` but there is no {catalog.file}.",
                    file=catalog.declared.file,
                )
