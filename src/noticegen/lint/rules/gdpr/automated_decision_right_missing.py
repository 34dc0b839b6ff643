from __future__ import annotations

from ....model import Right
from ...context import LintContext
from ._common import listed
from ._rights import RightMissing


class AutomatedDecisionRightMissing(RightMissing):
    """Decisions with legal or similar effects are automated, but the notice does not mention the
    right not to be subject to them.

    What it does:
        When a purpose's `automated_decision` has `legal_or_similar_effect: true`, checks that
        `rights` offers `not_subject_to_automated_decisions`.
        A layered notice whose parent notice covers `rights` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        People have the right not to be subject to a decision based solely on automated
        processing, including profiling, that produces legal or similarly significant effects,
        save in the cases of GDPR Art. 22(2), and then with safeguards (Art. 22(3)). The
        notice must tell them of such decision-making (Art. 13(2)(f), 14(2)(g)).

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
              human_review: Reply to the refusal email and a credit officer reviews it.
        rights: {access: {}}
        ```

    Fix:
        ```yaml
        rights: {access: {}, not_subject_to_automated_decisions: {}}
        ```
    """

    code = "NG322"
    citation = "GDPR Art. 13(2)(f), 14(2)(g), 22"
    hint = "Add `not_subject_to_automated_decisions` under `rights`."
    right = Right.NOT_SUBJECT_TO_AUTOMATED_DECISIONS
    described = "the right not to be subject to solely automated decisions"
    article = "Art. 22"

    def applies_because(self, ctx: LintContext) -> str | None:
        pids = [
            pid
            for pid, p in ctx.notice.purposes.items()
            if p.automated_decision and p.automated_decision.legal_or_similar_effect
        ]
        return f", though {listed(pids)} makes such decisions" if pids else None
