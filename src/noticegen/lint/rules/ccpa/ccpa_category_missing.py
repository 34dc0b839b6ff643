from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class CcpaCategoryMissing(Rule):
    """Data collected in the last 12 months has no CCPA category.

    What it does:
        Flags every data category collected in the preceding 12 months that does not name the
        category of personal information it falls under (`ccpa_category`).

    Why it matters:
        A privacy policy for Californians must list the categories of personal information
        collected in the preceding 12 months by reference to the categories the statute
        enumerates (Cal. Civ. Code 1798.110(c)(1), 1798.130(a)(5)(B), 1798.140(v)(1); 11 CCR
        7011(e)(1)(A)). Without the category the published list is incomplete.

    Example:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
        ```

    Fix:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided, ccpa_category: identifiers}
        ```
    """

    code = "NG401"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.110(c)(1), 1798.130(a)(5)(B); 11 CCR 7011(e)(1)(A)"
    hint = "Set `ccpa_category` to the 1798.140(v)(1) category that best describes the data."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, data in ctx.notice.data.items():
            if data.collected_in_last_12_months and data.ccpa_category is None:
                yield Violation(
                    ("data", did),
                    f"`{did}` ({data.label}) has no CCPA category, so the list of categories of "
                    "personal information collected in the last 12 months is incomplete.",
                )
