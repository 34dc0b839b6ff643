from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class SourceNotStated(Rule):
    """A data category does not say where the data comes from.

    What it does:
        Flags every data category with no `source`.

    Why it matters:
        Data not obtained from the person calls for its source (GDPR Art. 14(2)(f); LGPD Art.
        9), and a California notice lists the categories of sources of every category it
        collects (Cal. Civ. Code 1798.110(c)(2)). A notice that never says how it obtains some
        data leaves the reader unable to tell whether it comes from them, from watching what
        they do, or from someone else. A warning: the data may well come from the person, which
        only the notice's author can confirm.

    Example:
        ```yaml
        data:
          location.general: {label: General location information}
        ```

    Fix:
        ```yaml
        data:
          location.general:
            label: General location information
            source: derived
            description: Worked out from your IP address.
        ```
    """

    code = "NG219"
    severity = Severity.WARNING
    citation = "GDPR Art. 14(2)(f); Cal. Civ. Code 1798.110(c)(2)"
    hint = "Say where the data comes from in `source` (and name a third party in `source_name`)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, category in ctx.notice.data.items():
            if category.source is None:
                yield Violation(
                    ("data", did),
                    f"`{did}` ({category.label}): the notice does not say where this data comes "
                    "from.",
                )
