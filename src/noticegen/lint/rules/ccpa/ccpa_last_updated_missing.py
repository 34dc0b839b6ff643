from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class CcpaLastUpdatedMissing(Rule):
    """The privacy policy does not give the date it was last updated.

    What it does:
        Flags a notice without `notice.effective`, the date of the text in force.

    Why it matters:
        The CCPA privacy policy must state the date it was last updated (11 CCR 7011(e)(4)).
        Without it no one can tell whether the yearly update (Cal. Civ. Code 1798.130(a)(5))
        was made.

    Example:
        ```yaml
        notice: {id: example, title: Privacy Notice, jurisdictions: [ccpa]}
        ```

    Fix:
        ```yaml
        notice:
          id: example
          title: Privacy Notice
          version: "1.0.0"
          effective: 2026-01-01
          jurisdictions: [ccpa]
        ```
    """

    code = "NG428"
    profiles = frozenset({"ccpa"})
    citation = "11 CCR 7011(e)(4); Cal. Civ. Code 1798.130(a)(5)"
    hint = "Set `notice.effective` to the date this text was last updated (YYYY-MM-DD)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.notice.effective is None:
            yield Violation(
                ("notice",),
                "The privacy policy does not give the date it was last updated "
                "(`notice.effective`), which the CCPA regulations require.",
            )
