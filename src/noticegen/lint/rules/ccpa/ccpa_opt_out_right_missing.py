from __future__ import annotations

from collections.abc import Iterator

from ....model import Right
from ...context import LintContext
from ..base import Rule, Violation
from ._common import ccpa_rights, sold_or_shared


class CcpaOptOutRightMissing(Rule):
    """Personal information is sold or shared but the right to opt out is not offered.

    What it does:
        When a recipient is marked as a sale or as sharing, checks that the notice or a
        California supplement offers `opt_out_of_sale_or_sharing`.

    Why it matters:
        Consumers have the right to direct a business that sells or shares their personal
        information to stop (Cal. Civ. Code 1798.120(a)), and the privacy policy must explain
        that right (1798.130(a)(5)(A); 11 CCR 7011(e)(2)).

    Example:
        ```yaml
        recipients:
          ad_network: {label: Ad network, kind: controller, data: [device.ids], sharing: true}
        rights: {know: {}, delete: {}}
        ```

    Fix:
        ```yaml
        rights: {know: {}, delete: {}, opt_out_of_sale_or_sharing: {}}
        ```
    """

    code = "NG407"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.120(a), 1798.130(a)(5)(A); 11 CCR 7011(e)(2)"
    hint = "Add `opt_out_of_sale_or_sharing` under `rights` (or in the California supplement)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        sellers = sold_or_shared(ctx)
        if sellers and Right.OPT_OUT_OF_SALE_OR_SHARING not in ccpa_rights(ctx):
            rid, recipient = sellers[0]
            yield Violation(
                ("rights",) if ctx.notice.rights else ("recipients", rid),
                f"Personal information is sold or shared (e.g. to `{rid}`, {recipient.label}) "
                "but the right to opt out of sale or sharing is not offered.",
            )
