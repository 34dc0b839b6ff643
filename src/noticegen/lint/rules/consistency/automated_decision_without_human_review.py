from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class AutomatedDecisionWithoutHumanReview(Rule):
    """An automated decision with legal or similarly significant effects offers no human review.

    What it does:
        Flags every purpose whose `automated_decision` has `legal_or_similar_effect: true` and no
        `human_review`.

    Why it matters:
        Where a decision based solely on automated processing is allowed (contract, law or
        explicit consent), the person must at least be able to obtain human intervention,
        express their point of view and contest the decision (GDPR Art. 22(3); LGPD Art. 20).

    Example:
        ```yaml
        purposes:
          credit:
            label: Credit check
            description: ...
            data: [finance.income]
            legal_basis: contract
            automated_decision:
              logic: A score from income and payment history.
              significance: A low score means we refuse the order on credit.
              legal_or_similar_effect: true
        ```

    Fix:
        ```yaml
            automated_decision:
              logic: A score from income and payment history.
              significance: A low score means we refuse the order on credit.
              legal_or_similar_effect: true
              human_review: Reply to the refusal email and a credit officer reviews the decision.
        ```
    """

    code = "NG214"
    citation = "GDPR Art. 22(3); LGPD Art. 20"
    hint = "Say in `human_review` how the person obtains human intervention and contests it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            decision = purpose.automated_decision
            if (
                decision
                and decision.legal_or_similar_effect
                and not (decision.human_review or "").strip()
            ):
                yield Violation(
                    ("purposes", pid, "automated_decision"),
                    f"Purpose `{pid}` ({purpose.label}) makes automated decisions with legal or "
                    "similarly significant effects, but gives no way to obtain human review or "
                    "contest them.",
                )
