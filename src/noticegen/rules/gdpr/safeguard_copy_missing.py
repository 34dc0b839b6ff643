from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ...model import Safeguard
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

_NEEDS_COPY = {
    Safeguard.STANDARD_CONTRACTUAL_CLAUSES: "standard contractual clauses",
    Safeguard.BINDING_CORPORATE_RULES: "binding corporate rules",
    Safeguard.UK_IDTA: "UK International Data Transfer Agreement",
    Safeguard.UK_ADDENDUM: "UK Addendum to the standard contractual clauses",
}


class SafeguardCopyMissing(Rule):
    """A transfer relies on contractual clauses or binding corporate rules but does not say how
    to obtain a copy.

    What it does:
        For transfers whose `safeguard` is standard contractual clauses, binding corporate
        rules, the UK IDTA or the UK Addendum, checks that `safeguard_copy` says how to obtain a
        copy or where it is made available. Adequacy decisions, the Data Privacy Framework and
        derogations need no copy.

    Why it matters:
        For transfers under Art. 46 or 47, the notice must refer to the safeguard and give "the
        means by which to obtain a copy of them or where they have been made available" (GDPR
        Art. 13(1)(f), 14(1)(f)).

    Example:
        ```yaml
        transfers:
          us_support:
            {destination: US, recipients: [helpdesk], safeguard: standard_contractual_clauses}
        ```

    Fix:
        ```yaml
        transfers:
          us_support:
            destination: US
            recipients: [helpdesk]
            safeguard: standard_contractual_clauses
            safeguard_copy: Write to privacy@example.com for a copy of the clauses.
        ```
    """

    code = "NG308"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(f), 14(1)(f), 46, 47"
    hint = "Say in `safeguard_copy` how to obtain a copy of the safeguard, or where it is."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for tid, transfer in ctx.notice.transfers.items():
            kind = _NEEDS_COPY.get(transfer.safeguard) if transfer.safeguard else None
            if kind and not (transfer.safeguard_copy or "").strip():
                yield Violation(
                    ("transfers", tid, "safeguard"),
                    f"Transfer `{tid}` relies on {kind}, but the notice does not say how to "
                    "obtain a copy or where they are available.",
                )
