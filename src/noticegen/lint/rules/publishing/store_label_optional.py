from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class StoreLabelOptional(Rule):
    """A data category does not say whether people must provide it.

    What it does:
        For a notice with `apps`, flags each data category without `required: true` or
        `required: false`. (A notice without apps has no store listing; NG321 asks the
        notice's own question, GDPR Art. 13(2)(e).)

    Why it matters:
        Google Play's Data safety form asks, for each data type, whether collecting it is
        optional; the export cannot answer it from a model that is silent. GDPR Art. 13(2)(e)
        asks the same of the notice itself.

    Example:
        ```yaml
        data:
          contact.phone: {label: Telephone number, source: provided}
        ```

    Fix:
        ```yaml
        data:
          contact.phone: {label: Telephone number, source: provided, required: false}
        ```
    """

    code = "NG902"
    severity = Severity.INFO
    citation = "Google Play Data safety policy; GDPR Art. 13(2)(e)"
    hint = "Add `required: true` or `required: false`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not ctx.notice.apps:  # no app, no store listing (NG321 asks GDPR's question)
            return
        for data_id, data in ctx.notice.data.items():
            if data.required is None:
                yield Violation(
                    ("data", data_id),
                    f"`{data_id}` ({data.label}) does not say whether providing it is optional, "
                    "which the Google Play Data safety form asks.",
                )
