from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import sold_or_shared


class CcpaMinorsStatementMissing(Rule):
    """Personal information is sold or shared but the notice says nothing about consumers
    under 16.

    What it does:
        When a recipient is marked as a sale or as sharing, checks that the notice has a
        `children` section, whose `sells_or_shares_under_16` records whether the business
        knowingly sells or shares the personal information of consumers under 16.

    Why it matters:
        The privacy policy must state whether the business has actual knowledge that it sells
        or shares the personal information of consumers under 16 (11 CCR 7011(e)(1); Cal. Civ.
        Code 1798.120(c)-(d)).

    Example:
        ```yaml
        recipients:
          ad_network: {label: Ad network, kind: controller, data: [device.ids], sharing: true}
        ```

    Fix:
        ```yaml
        children:
          minimum_age: 16
          statement: We do not knowingly sell or share the personal information of anyone under 16.
          sells_or_shares_under_16: false
        ```
    """

    code = "NG420"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.120(c)-(d); 11 CCR 7011(e)(1)"
    hint = "Add a `children` section stating whether data of consumers under 16 is sold or shared."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        sellers = sold_or_shared(ctx)
        if sellers and ctx.notice.children is None:
            rid, recipient = sellers[0]
            yield Violation(
                ("recipients", rid),
                f"Personal information is sold or shared (e.g. to `{rid}`, {recipient.label}) "
                "but the notice does not say whether this includes consumers under 16.",
            )
