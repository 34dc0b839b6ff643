from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis, ParentTopic
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, purposes_on, purposes_without_basis


class ChildrenNotAddressed(Rule):
    """The notice relies on consent but says nothing about children.

    What it does:
        When a purpose rests on consent (or states no legal basis, so consent cannot be ruled
        out) and the notice has no `children` section, reports it once. Notices that rest only
        on contract, legal obligation or legitimate interests are not flagged.
        A layered notice whose parent notice covers `children` is not checked.

    Why it matters:
        Where online services are offered directly to a child on the basis of consent, consent
        is valid only from 16 (13 to 16 depending on the member state; 13 in the UK) or with
        parental authorisation, which the controller must make reasonable efforts to verify
        (GDPR Art. 8). Children merit specific protection and information addressed to them
        must be in language they understand (Art. 12(1), Recitals 38 and 58). Readers and
        parents need to know the minimum age and what happens to a child's data.

    Example:
        ```yaml
        purposes:
          newsletter:
            {label: Newsletter, description: ..., data: [contact.email], legal_basis: consent}
        ```

    Fix:
        ```yaml
        children:
          minimum_age: 16
          statement: |
            Our services are not directed to children and you must be 16 to open an account. If
            you think a child has given us data, contact us and we will delete it.
        ```
    """

    code = "NG326"
    severity = Severity.WARNING
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 8, 12(1); Recitals 38, 58"
    hint = "Add a `children` section with the minimum age and how children's data is handled."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.children is not None or ctx.notice.notice.left_to_parent(
            ParentTopic.CHILDREN
        ):
            return
        consent = purposes_on(ctx, LegalBasis.CONSENT) or purposes_without_basis(ctx)
        if consent:
            yield Violation(
                ("purposes", consent[0]),
                "The notice may rely on consent but says nothing about children: not the "
                "minimum age, nor how a child's data or a parent's consent is handled.",
            )
