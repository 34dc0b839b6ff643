from __future__ import annotations

from collections.abc import Iterator

from ....model import RetentionEvent
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

_STARTS_ONLY = {
    RetentionEvent.COLLECTION: "collection",
    RetentionEvent.LAST_ACTIVITY: "the person's last activity",
}


class RetentionWithoutPeriod(Rule):
    """A retention rule names the moment a period starts but no period.

    What it does:
        Flags retention rules whose only statement is `after: collection` or
        `after: last_activity`, with no `period` and no `criteria`. Events that end the
        retention by themselves ("until the account is closed") are not flagged.

    Why it matters:
        The notice must state how long data is kept or, where that is impossible, the
        criteria used to decide (GDPR Art. 13(2)(a), 14(2)(a)). "From collection" or "after your
        last activity" with no duration tells the reader nothing.

    Example:
        ```yaml
        retention:
          - {id: logs, data: [device.ip], after: collection}
        ```

    Fix:
        ```yaml
        retention:
          - {id: logs, data: [device.ip], after: collection, period: P90D}
        ```
    """

    code = "NG310"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 5(1)(e), 13(2)(a), 14(2)(a)"
    hint = "Add the `period` (an ISO 8601 duration such as `P2Y`) or the `criteria`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for i, rule in enumerate(ctx.notice.retention):
            start = _STARTS_ONLY.get(rule.after) if rule.after else None
            if start and rule.period is None and not (rule.criteria or "").strip():
                yield Violation(
                    ("retention", i, "after"),
                    f"Retention rule `{rule.id}` says the data is kept from {start}, but not for "
                    "how long.",
                )
