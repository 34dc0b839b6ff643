from __future__ import annotations

from ....model import LegalBasis, Right
from ...context import LintContext
from ._common import basis_reason
from ._rights import RightMissing


class RightToObjectMissing(RightMissing):
    """The notice does not mention the right to object, though a purpose rests on legitimate
    interests or a public task.

    What it does:
        When at least one purpose has `legal_basis: legitimate_interests` or `public_task`, or
        states no legal basis (so the right cannot be ruled out), checks that `rights` (or a
        GDPR supplement's `rights`) offers `objection`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People may object at any time, on grounds relating to their situation, to processing
        based on legitimate interests or a public task (GDPR Art. 21(1)). The right must be
        explicitly brought to their attention, clearly and separately from other information
        (Art. 21(4), 13(2)(b), 14(2)(c)).

    Example:
        ```yaml
        purposes:
          fraud:
            label: Preventing fraud
            description: ...
            data: [device.ip]
            legal_basis: legitimate_interests
            legitimate_interest: Protecting our customers against payment fraud.
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, objection: {}}
        ```
    """

    code = "NG316"
    citation = "GDPR Art. 13(2)(b), 14(2)(c), 21(1), 21(4)"
    hint = "Add `objection` under `rights`."
    right = Right.OBJECTION
    described = "the right to object"
    article = "Art. 21(1)"

    def applies_because(self, ctx: LintContext) -> str | None:
        return basis_reason(
            ctx,
            (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK),
            "legitimate interests or public task",
        )
