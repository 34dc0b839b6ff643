from __future__ import annotations

from collections.abc import Iterator

from ....model import ErasureMethod, RetentionEvent
from ...context import LintContext
from ..base import Rule, Violation


class RetentionOnlyHidesData(Rule):
    """A retention rule ends by hiding the data, not erasing it.

    What it does:
        Flags every retention rule with `erasure: hide`. It names the typical case, "kept while
        your account is active" (`after: account_closure`) next to a closure that only removes
        the data "from view".

    Why it matters:
        Data hidden from view is still stored: the stated retention period is then not the real
        one. Data must be kept no longer than necessary and erased when no longer needed or on
        request (GDPR Art. 5(1)(e), 17(1)); telling people otherwise is misleading (Art.
        5(1)(a)).

    Example:
        ```yaml
        retention:
          - {id: account_data, data: [contact], after: account_closure, erasure: hide}
        ```

    Fix:
        ```yaml
        retention:
          - id: account_data
            data: [contact]
            after: account_closure
            period: P30D
            erasure: delete
        ```
    """

    code = "NG215"
    citation = "GDPR Art. 5(1)(a), 5(1)(e), 17(1)"
    hint = "Delete or anonymise the data when the period ends (`erasure: delete`), and say when."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for i, rule in enumerate(ctx.notice.retention):
            if rule.erasure is not ErasureMethod.HIDE:
                continue
            if rule.after is RetentionEvent.ACCOUNT_CLOSURE:
                message = (
                    f"Retention rule `{rule.id}` keeps data while the account is active, but "
                    "closing the account only hides the data from view: it is still stored, so "
                    "the stated retention is not the real one."
                )
            else:
                message = (
                    f"Retention rule `{rule.id}` ends by hiding the data, not erasing it: the "
                    "data is still stored after the stated period."
                )
            yield Violation(("retention", i, "erasure"), message)
