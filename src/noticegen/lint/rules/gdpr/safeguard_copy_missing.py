from __future__ import annotations

from collections.abc import Iterator

from ....model import Safeguard
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

_NEEDS_COPY = frozenset(
    {
        Safeguard.STANDARD_CONTRACTUAL_CLAUSES,
        Safeguard.BINDING_CORPORATE_RULES,
        Safeguard.UK_IDTA,
        Safeguard.UK_ADDENDUM,
    }
)


def _in_a_sentence(safeguard: Safeguard) -> str:
    """The safeguard's label inside a sentence: "standard contractual clauses", but "UK ..."."""
    label = str(safeguard.label)
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


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
            safeguard = transfer.safeguard
            stated = bool((transfer.safeguard_copy or "").strip())
            if safeguard is not None and safeguard in _NEEDS_COPY and not stated:
                yield Violation(
                    ("transfers", tid, "safeguard"),
                    f"Transfer `{tid}` relies on {_in_a_sentence(safeguard)}, but the notice does "
                    "not say how to obtain a copy or where they are available.",
                )
