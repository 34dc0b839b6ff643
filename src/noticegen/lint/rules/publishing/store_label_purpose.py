from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ....model.vocabulary import label_purpose
from ...context import LintContext
from ..base import Rule, Violation


class StoreLabelPurpose(Rule):
    """A purpose cannot be matched to a purpose on the App Store or Google Play labels.

    What it does:
        For a notice with `apps`, derives each purpose's label purpose (app functionality,
        analytics, advertising or marketing, personalisation, security and compliance, account
        management) from its `direct_marketing` flag, words in its id and label, or a
        `contract` or `legal_obligation` basis. Flags a purpose for which none of these gives
        an answer.

    Why it matters:
        The store labels list why each data type is collected. A purpose the export cannot
        place is missing from the answers, so the label understates the use of the data.

    Example:
        ```yaml
        purposes:
          insights:
            label: Understanding our audience
            description: We study who reads our pages.
            data: [contact.email]
            legal_basis: legitimate_interests
            legitimate_interest: Knowing our readers.
        ```

    Fix:
        ```yaml
        purposes:
          analytics:
            label: Audience analytics
            description: We study who reads our pages.
            data: [contact.email]
            legal_basis: legitimate_interests
            legitimate_interest: Knowing our readers.
        ```
    """

    code = "NG903"
    severity = Severity.WARNING
    citation = "Apple App Store Review Guidelines 5.1.2; Google Play Data safety policy"
    hint = "Name the purpose by what it is for (e.g. `analytics`, `marketing`, `security`)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not ctx.notice.apps:  # no app, no store listing: nothing is exported
            return
        for purpose_id, purpose in ctx.notice.purposes.items():
            if label_purpose(ctx.notice, purpose_id, purpose) is None:
                yield Violation(
                    ("purposes", purpose_id),
                    f"`{purpose_id}` ({purpose.label}) matches no purpose of the App Store / "
                    "Google Play labels.",
                )
