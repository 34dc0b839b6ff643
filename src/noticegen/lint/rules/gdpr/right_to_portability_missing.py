from __future__ import annotations

from ....model import LegalBasis, Right
from ...context import LintContext
from ._common import basis_reason
from ._rights import RightMissing


class RightToPortabilityMissing(RightMissing):
    """The notice does not mention the right to data portability, though a purpose rests on
    consent or contract.

    What it does:
        When at least one purpose has `legal_basis: consent` or `contract`, or states no legal
        basis (so the right cannot be ruled out), checks that `rights` (or a GDPR supplement's
        `rights`) offers `portability`. Notices whose purposes all rest on other bases are not
        flagged: the right does not apply to them.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        Where processing rests on consent or contract and is carried out by automated means,
        people may receive their data in a structured, machine-readable format and have it
        sent to another controller (GDPR Art. 20(1)). The notice must tell them so (Art.
        13(2)(b), 14(2)(c)).

    Example:
        ```yaml
        purposes:
          account:
            {label: Your account, description: ..., data: [contact.email], legal_basis: contract}
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, portability: {}}
        ```
    """

    code = "NG315"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 20"
    hint = "Add `portability` under `rights`."
    right = Right.PORTABILITY
    described = "the right to data portability"
    article = "Art. 20"

    def applies_because(self, ctx: LintContext) -> str | None:
        return basis_reason(ctx, (LegalBasis.CONSENT, LegalBasis.CONTRACT), "consent or contract")
