from __future__ import annotations

from collections.abc import Iterator

from ....model import Right
from ...context import LintContext
from ..base import Rule, Violation
from ._common import lgpd_rights


class LgpdAutomatedReviewMissing(Rule):
    """An automated decision is made, but the notice gives no way to have it reviewed.

    What it does:
        For every purpose with an `automated_decision`, checks that the decision states how
        to obtain a review (`human_review`) or that the notice offers
        `not_subject_to_automated_decisions`. Unlike GDPR Art. 22, the LGPD right covers every
        decision taken solely by automated means that affects the person's interests, not only
        those with legal or similarly significant effects.

    Why it matters:
        Data subjects may request review of decisions taken solely on the basis of automated
        processing that affect their interests, including profiling, and the controller must
        give clear information on the criteria and procedures used (LGPD Art. 20, §1).

    Example:
        ```yaml
        purposes:
          pricing:
            label: Personalised prices
            description: Prices adapt to your purchase history.
            data: [commerce.purchase_history]
            legal_basis: legitimate_interests
            legitimate_interest: Adjusting offers to customers' habits.
            automated_decision:
              logic: A model weighs your last 12 months of purchases.
              significance: You may see different prices than other customers.
        ```

    Fix:
        ```yaml
        purposes:
          pricing:
            # ... as above, and:
            automated_decision:
              logic: A model weighs your last 12 months of purchases.
              significance: You may see different prices than other customers.
              human_review: Write to privacy@example.com and a person will review the price.
        ```
    """

    code = "NG507"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 20"
    hint = "Describe under `automated_decision.human_review` how to ask for a review."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if Right.NOT_SUBJECT_TO_AUTOMATED_DECISIONS in lgpd_rights(ctx):
            return
        for pid, purpose in ctx.notice.purposes.items():
            decision = purpose.automated_decision
            if decision and not (decision.human_review or "").strip():
                yield Violation(
                    ("purposes", pid, "automated_decision"),
                    f"Purpose `{pid}` ({purpose.label}) takes automated decisions, but the "
                    "notice does not say how a Brazilian data subject can have them reviewed.",
                )
