from __future__ import annotations

from collections.abc import Iterator

from ....model import RecipientKind
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class CcpaAdvertisingDisclosureNotMarked(Rule):
    """A third party receives personal information for marketing or profiling, yet the
    disclosure is marked neither as a sale nor as sharing.

    What it does:
        Flags recipients of kind `controller` (independent third parties) that receive data for
        a purpose marked `direct_marketing` or `profiling`, when neither `sale` nor `sharing`
        is set; and such recipients whose `kind` the notice does not state, since only a
        service provider's role keeps the disclosure from being a sale or sharing.

    Why it matters:
        Making personal information available to a third party for monetary or other valuable
        consideration is a sale (Cal. Civ. Code 1798.140(ad)); making it available for
        cross-context behavioural advertising is sharing, paid or not (1798.140(ah)). A partner
        that uses customers' contact details to market its own offers is the typical case. If
        the disclosure is a sale or sharing, the opt-out, the "Do Not Sell or Share" link and
        honest "we do not sell" statements all depend on marking it; if it is not (for
        example, because the consumer directs the disclosure, 1798.140(ad)(2)(A)), say so with
        a suppression and its reason.

    Example:
        ```yaml
        recipients:
          partners:
            label: Business partners
            kind: controller
            data: [contact.email]
            purposes: [newsletter]        # newsletter has direct_marketing: true
        ```

    Fix:
        ```yaml
        recipients:
          partners:
            label: Business partners
            kind: controller
            data: [contact.email]
            purposes: [newsletter]
            sale: true
        ```
    """

    code = "NG402"
    severity = Severity.WARNING
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.140(ad), (ah)"
    hint = (
        "Mark the disclosure `sale: true` or `sharing: true`, state the recipient's `kind`, or "
        "suppress with the reason."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        for rid, recipient in ctx.notice.recipients.items():
            if recipient.kind not in (RecipientKind.CONTROLLER, None):
                continue
            if recipient.sale or recipient.sharing:
                continue
            marketing = [
                pid
                for pid in recipient.purposes
                if pid in purposes and (purposes[pid].direct_marketing or purposes[pid].profiling)
            ]
            if recipient.data and marketing and recipient.kind is None:
                # Not guessed either way: the role decides, and the notice does not give it.
                yield Violation(
                    ("recipients", rid),
                    f"`{rid}` ({recipient.label}) receives personal information for marketing "
                    f"or profiling (`{marketing[0]}`) and the notice does not say whether it is "
                    "a service provider: unless it is, that is likely a sale or sharing under "
                    "the CCPA, yet it is marked as neither.",
                )
            elif recipient.data and marketing:
                yield Violation(
                    ("recipients", rid),
                    f"`{rid}` ({recipient.label}) is a third party that receives personal "
                    f"information for marketing or profiling (`{marketing[0]}`), which is "
                    "likely a sale or sharing under the CCPA, yet it is marked as neither.",
                )
