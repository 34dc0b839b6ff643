from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis, Right
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, offered_rights


class DirectMarketingObjectionNotSeparate(Rule):
    """Direct marketing is done, but the right to object to it is not presented on its own.

    What it does:
        When a purpose is marked `direct_marketing: true`, checks that `rights` offers
        `object_to_direct_marketing`. (When the notice offers no way at all to object or opt
        out, NG209 reports that instead.)

    Why it matters:
        The right to object to direct marketing is absolute: it applies whatever the legal
        basis, and the company must then stop (GDPR Art. 21(2)-(3)). It must be brought to the
        person's attention explicitly, clearly and separately from any other information (Art.
        21(4)); a general right to object, or withdrawing consent, does not meet that.

    Example:
        ```yaml
        purposes:
          offers:
            label: Offers
            description: ...
            data: [contact.email]
            legal_basis: consent
            direct_marketing: true
        rights: {withdraw_consent: {}, objection: {}}
        ```

    Fix:
        ```yaml
        rights:
          withdraw_consent: {}
          objection: {}
          object_to_direct_marketing:
            how: Click "unsubscribe" in any of our emails, at any time and free of charge.
        ```
    """

    code = "NG318"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 21(2)-(4)"
    hint = "Add `object_to_direct_marketing` under `rights`, saying how to opt out."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        offered = offered_rights(ctx)
        if Right.OBJECT_TO_DIRECT_MARKETING in offered:
            return
        can_withdraw = n.consent_withdrawal is not None or Right.WITHDRAW_CONSENT in offered
        for pid, purpose in n.purposes.items():
            if not purpose.direct_marketing:
                continue
            # With no way at all to object or opt out, NG209 already reports the purpose.
            some_way = Right.OBJECTION in offered or (
                purpose.relies_only_on(LegalBasis.CONSENT) and can_withdraw
            )
            if some_way:
                yield Violation(
                    ("purposes", pid, "direct_marketing"),
                    f"Purpose `{pid}` ({purpose.label}) is direct marketing, but the right to "
                    "object to direct marketing is not presented on its own, as Art. 21(4) "
                    "requires.",
                )
