from __future__ import annotations

from collections.abc import Iterator

from ....model import Source
from ...context import LintContext
from ..base import Rule, Violation


class SourceNotNamed(Rule):
    """Data obtained from a third party or a public source does not name the source.

    What it does:
        Flags every data category whose `source` is `third_party` or `public` and that has no
        `source_name`.

    Why it matters:
        When data is not obtained from the person, the notice must say where it comes from and
        whether from publicly accessible sources (GDPR Art. 14(2)(f); LGPD Art. 9; Cal. Civ.
        Code 1798.110(a)(2), categories of sources).

    Example:
        ```yaml
        data:
          company.role: {label: Job title, source: third_party}
        ```

    Fix:
        ```yaml
        data:
          company.role:
            label: Job title
            source: third_party
            source_name: Business directories such as Kompass
        ```
    """

    code = "NG213"
    citation = "GDPR Art. 14(2)(f); Cal. Civ. Code 1798.110(a)(2)"
    hint = "Name the source (or category of sources) in `source_name`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, category in ctx.notice.data.items():
            if (
                category.source in (Source.THIRD_PARTY, Source.PUBLIC)
                and not (category.source_name or "").strip()
            ):
                third_party = category.source is Source.THIRD_PARTY
                origin = "a third party" if third_party else "a public source"
                yield Violation(
                    ("data", did, "source"),
                    f"`{did}` ({category.label}) comes from {origin}, but the notice does not say "
                    "which.",
                )
