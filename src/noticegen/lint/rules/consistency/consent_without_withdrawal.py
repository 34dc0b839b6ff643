from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis, Right, SpecialCategoryCondition
from ...context import LintContext
from ..base import Rule, Violation


class ConsentWithoutWithdrawal(Rule):
    """Consent is a legal basis, but the notice gives no way to withdraw it.

    What it does:
        When a purpose relies on consent (or on explicit consent for special-category data),
        checks that the notice says how consent is withdrawn: a `consent_withdrawal` section or
        the `withdraw_consent` right (in the notice or a supplement).

    Why it matters:
        People must be told, before they consent, that they can withdraw consent at any time,
        and withdrawing must be as easy as giving it (GDPR Art. 7(3), 13(2)(c), 14(2)(d);
        LGPD Art. 8(5), 18(IX)).

    Example:
        ```yaml
        purposes:
          newsletter:
            {label: Newsletter, description: ..., data: [contact.email], legal_basis: consent}
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, withdraw_consent: {}}
        consent_withdrawal:
          how: Use the unsubscribe link in every email, or your account settings.
        ```
    """

    code = "NG206"
    citation = "GDPR Art. 7(3), 13(2)(c), 14(2)(d); LGPD Art. 8(5)"
    hint = "Add `consent_withdrawal` saying how to withdraw, and the `withdraw_consent` right."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        if n.consent_withdrawal is not None or Right.WITHDRAW_CONSENT in n.rights:
            return
        if any(Right.WITHDRAW_CONSENT in s.rights for _, s in ctx.supplements):
            return
        for pid, purpose in n.purposes.items():
            if purpose.relies_on(LegalBasis.CONSENT):
                field = "legal_basis"
            elif purpose.special_category_condition is SpecialCategoryCondition.EXPLICIT_CONSENT:
                field = "special_category_condition"
            else:
                continue
            yield Violation(
                ("purposes", pid, field),
                f"Purpose `{pid}` ({purpose.label}) relies on consent, but the notice does not "
                "say that, or how, consent can be withdrawn.",
            )
