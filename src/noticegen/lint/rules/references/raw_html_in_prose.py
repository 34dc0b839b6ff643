from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ..i18n._catalogs import markdown_shape


class RawHtmlInProse(Rule):
    """Prose contains raw HTML.

    What it does:
        Reports HTML tags or blocks (`<b>`, `<a href=...>`, `<script>`) written in any prose
        value of the notice or its supplements.

    Why it matters:
        noticegen never renders raw HTML: the published page would show the tags as text, so
        readers see stray markup where the notice should be intelligible (GDPR Art. 12(1)).
        Markup in prose is also how injected script or a `javascript:` link would try to reach
        the page.

    Example:
        ```yaml
        sections:
          contact:
            title: Contact
            body: Write to <a href="mailto:privacy@example.com">our privacy team</a>.
        ```

    Fix:
        ```yaml
        sections:
          contact:
            title: Contact
            body: Write to [our privacy team](mailto:privacy@example.com).
        ```
    """

    code = "NG105"
    citation = "GDPR Art. 12(1)"
    hint = "Write Markdown instead of HTML: **bold**, [text](https://...), lists with '-'."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for file, path, text in ctx.prose:
            if "<" not in text:
                continue
            html = markdown_shape(text).html
            if html:
                yield Violation(
                    path,
                    f"Raw HTML `{html[0][:60]}` would be published as text, not markup.",
                    file=file,
                    quote=html[0].splitlines()[0],
                )
