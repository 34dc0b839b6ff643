from __future__ import annotations

from collections.abc import Iterator

from ....model import LegalBasis
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class MarketingOnContract(Rule):
    """Direct marketing is said to rest on the contract.

    What it does:
        Flags every purpose marked `direct_marketing: true` whose `legal_basis` is `contract`.

    Why it matters:
        Art. 6(1)(b) covers only processing objectively necessary to perform the contract with
        the person. Marketing and personalised advertising are not, even when the contract
        mentions them (EDPB Guidelines 2/2019 on Art. 6(1)(b), on online behavioural
        advertising; CJEU C-252/21 Meta Platforms v Bundeskartellamt, 2023). A marketing
        purpose on that basis has no valid legal basis, and the reader is misled about their
        right to object.

    Example:
        ```yaml
        purposes:
          offers:
            label: Offers
            description: ...
            data: [contact.email]
            legal_basis: contract
            direct_marketing: true
        ```

    Fix:
        ```yaml
        purposes:
          offers:
            label: Offers
            description: ...
            data: [contact.email]
            legal_basis: consent
            direct_marketing: true
        ```
    """

    code = "NG329"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 6(1)(b); EDPB Guidelines 2/2019; CJEU C-252/21"
    hint = "Rest marketing on consent, or on legitimate interests with the right to object."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            if purpose.direct_marketing and purpose.relies_on(LegalBasis.CONTRACT):
                yield Violation(
                    ("purposes", pid, "legal_basis"),
                    f"Purpose `{pid}` ({purpose.label}) is direct marketing, which is not "
                    "necessary to perform a contract, so Art. 6(1)(b) cannot be its legal basis.",
                )
