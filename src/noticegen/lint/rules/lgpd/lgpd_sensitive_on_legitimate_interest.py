from __future__ import annotations

from collections.abc import Iterator

from ....model import Jurisdiction, LegalBasis
from ...context import LintContext
from ..base import Rule, Violation
from ..consistency._ids import IdIndex


class LgpdSensitiveOnLegitimateInterest(Rule):
    """Sensitive data is processed on the basis of legitimate interests, which the LGPD does
    not allow for it.

    What it does:
        Flags purposes whose legal basis is `legitimate_interests` and that use
        special-category data (`special_category: true`: racial or ethnic origin, religion,
        political opinion, union membership, health, sex life, genetic or biometric data,
        the sensitive data of LGPD Art. 5(II)).

    Why it matters:
        Sensitive personal data may be processed only with the data subject's specific consent
        or in the cases listed in LGPD Art. 11(II); legitimate interest (Art. 7(IX)) is not
        among them. Under the GDPR the same purpose may stand with an Art. 9(2) condition, so
        a notice serving both needs a Brazilian basis for it. The notice records one basis, in
        GDPR terms: base the purpose on consent, or, when it rests on a case of Art. 11(II)
        (fraud prevention, 11(II)(g), say), keep the basis and suppress this finding with
        that case as the reason, so that the reviewer sees the Brazilian ground:
        `# noticegen: ignore[NG509] LGPD Art. 11(II)(g): fraud prevention`.

    Example:
        ```yaml
        purposes:
          wellbeing:
            label: Wellbeing programme
            description: We adapt the programme to your health conditions.
            data: [health.conditions]          # special_category: true
            legal_basis: legitimate_interests
            legitimate_interest: Offering relevant programmes.
            special_category_condition: explicit_consent
        ```

    Fix:
        ```yaml
        purposes:
          wellbeing:
            label: Wellbeing programme
            description: We adapt the programme to your health conditions.
            data: [health.conditions]
            legal_basis: consent
            special_category_condition: explicit_consent
        ```
    """

    code = "NG509"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 11, 7(IX)"
    hint = (
        "Base the purpose on specific consent, or suppress this finding naming the case of "
        "LGPD Art. 11(II) it rests on."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        sensitive = IdIndex(d for d, c in ctx.notice.data.items() if c.special_category)
        if not sensitive.ids:
            return
        for pid, purpose in ctx.notice.purposes.items():
            if not purpose.relies_on(LegalBasis.LEGITIMATE_INTERESTS, Jurisdiction.LGPD):
                continue
            used = [d for d in purpose.data if sensitive.touches(d)]
            if used:
                yield Violation(
                    ("purposes", pid, "legal_basis"),
                    f"Purpose `{pid}` ({purpose.label}) uses sensitive data "
                    f"({', '.join(f'`{d}`' for d in used)}) on the basis of legitimate "
                    "interests, which LGPD Art. 11 does not allow for sensitive data.",
                )
