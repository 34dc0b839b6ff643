from __future__ import annotations

from collections.abc import Iterator

from ....model import Jurisdiction, LegalBasis, Right
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, purposes_on, purposes_without_basis

_CONDITIONS = {
    Right.PORTABILITY: (
        (LegalBasis.CONSENT, LegalBasis.CONTRACT),
        "portability applies only to data processed on consent or contract (Art. 20(1))",
    ),
    Right.OBJECTION: (
        (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK),
        "the general right to object applies only to processing on legitimate interests or a "
        "public task (Art. 21(1)); objection to direct marketing is `object_to_direct_marketing`",
    ),
}


class RightThatDoesNotApply(Rule):
    """The notice offers a GDPR right that none of its legal bases gives.

    What it does:
        Flags `portability` when no purpose rests on consent or contract, and `objection` when
        no purpose rests on legitimate interests or a public task. Rights of other laws (such as
        the CCPA's `know`) and rights that always apply are never flagged, nor is anything while
        a purpose states no legal basis.

    Why it matters:
        Which rights people have depends on the legal basis (GDPR Art. 20(1), 21(1)). Promising
        a right that does not apply misleads people about their position and about the basis
        really relied on (Art. 5(1)(a), 12(1)); it often means a legal basis is wrong.

    Example:
        ```yaml
        purposes:
          payroll:
            {label: Payroll, description: ..., data: [hr.salary], legal_basis: legal_obligation}
        rights: {access: {}, portability: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}}
        ```
    """

    code = "NG317"
    severity = Severity.WARNING
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 5(1)(a), 20(1), 21(1)"
    hint = "Remove the right, or correct the legal bases of the purposes it is meant for."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not ctx.notice.purposes or purposes_without_basis(ctx):
            return  # with a basis unknown, no right can be ruled out
        places: list[tuple[str | None, set[Right]]] = [(None, set(ctx.notice.rights))]
        places += [
            (rel, set(s.rights))
            for rel, s in ctx.supplements
            if s.supplement.jurisdiction in (Jurisdiction.GDPR, Jurisdiction.UK_GDPR)
        ]
        for right, (bases, why) in _CONDITIONS.items():
            if purposes_on(ctx, *bases):
                continue
            for file, rights in places:
                if right in rights:
                    yield Violation(
                        ("rights", str(right)),
                        f"The notice offers `{right}`, but no purpose rests on "
                        f"{' or '.join(b.replace('_', ' ') for b in bases)}: {why}.",
                        file=file,
                    )
