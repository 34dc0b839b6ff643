from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis, Right
from ...context import LintContext
from ..base import Rule, Violation

_OBJECTION_RIGHTS = {Right.OBJECTION, Right.OBJECT_TO_DIRECT_MARKETING}


class DirectMarketingWithoutObjection(Rule):
    """Data is used for direct marketing, but the notice gives no way to object or opt out.

    What it does:
        For each purpose marked `direct_marketing: true`, checks that the notice offers the
        `object_to_direct_marketing` or `objection` right (in the notice or a supplement), or,
        when the purpose rests on consent or states no basis, a way to withdraw consent (an
        unsubscribe held as `withdraw_consent` is the opt-out). A purpose run for another
        controller (`on_behalf_of`) is not checked: that controller owes the objection.

    Why it matters:
        Everyone may object at any time to the use of their data for direct marketing, and the
        objection must be honoured without exception (GDPR Art. 21(2)-(3)); electronic marketing
        must offer an easy opt-out in every message (ePrivacy Directive Art. 13(2)); California
        residents may opt out of sale and sharing (Cal. Civ. Code 1798.120).

    Example:
        ```yaml
        purposes:
          offers:
            label: Offers
            description: Emails about our new services.
            data: [contact.email]
            legal_basis: legitimate_interests
            legitimate_interest: Promoting our services to existing customers.
            direct_marketing: true
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights:
          access: {}
          object_to_direct_marketing:
            how: Click "unsubscribe" in any email, or write to privacy@example.com.
        ```
    """

    code = "NG209"
    citation = "GDPR Art. 21(2)-(4); ePrivacy Directive Art. 13(2)"
    hint = "Offer the `object_to_direct_marketing` right and say how to opt out."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        offered = set(n.rights).union(*(s.rights for _, s in ctx.supplements))
        if offered & _OBJECTION_RIGHTS:
            return
        can_withdraw = n.consent_withdrawal is not None or Right.WITHDRAW_CONSENT in offered
        for pid, purpose in n.purposes.items():
            if not purpose.direct_marketing or purpose.on_behalf_of:
                continue
            # With no basis stated (NG305 reports that), a way to withdraw is read as the way
            # to stop it: the notice says nothing that makes the withdrawal about another purpose.
            stoppable = purpose.relies_only_on(LegalBasis.CONSENT) or not purpose.legal_basis
            if stoppable and can_withdraw:
                continue
            yield Violation(
                ("purposes", pid, "direct_marketing"),
                f"Purpose `{pid}` ({purpose.label}) is direct marketing, but the notice offers "
                "no right to object to it and no way to opt out.",
            )
