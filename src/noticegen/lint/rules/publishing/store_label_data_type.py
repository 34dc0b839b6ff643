from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ....model.vocabulary import label_type
from ...context import LintContext
from ..base import Rule, Violation


class StoreLabelDataType(Rule):
    """A data category cannot be placed on the App Store or Google Play privacy labels.

    What it does:
        For a notice with `apps`, derives each data category's type on Apple's App Privacy
        details and Google Play's Data safety form from words in its id and label that name
        the type beyond doubt ("email", "precise location", "device ID", ...) or, failing
        that, from a `ccpa_category` that decides it (`biometric`, `professional`,
        `education`, `inferences`; the others span several types). Flags a category for which
        neither gives a type.

    Why it matters:
        The exports in `site/exports/` answer the store forms from the same model as the
        notice. A category with no type is left out of them, and the label then says less than
        the notice does, which the stores treat as a misrepresentation.

    Example:
        ```yaml
        data:
          profile.bio: {label: About you, source: provided, required: false}
        ```

    Fix:
        ```yaml
        data:
          profile.bio:
            label: About you
            source: provided
            required: false
            ccpa_category: inferences
        ```
    """

    code = "NG901"
    severity = Severity.WARNING
    citation = "Apple App Store Review Guidelines 5.1.2; Google Play Data safety policy"
    hint = (
        "Name the type in the id or label (e.g. `Precise location`, `Device ID`, `Order "
        "history`); `ccpa_category` decides it only for biometric, professional, education "
        "and inferences."
    )

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if not ctx.notice.apps:  # no app, no store listing: nothing is exported
            return
        for data_id, data in ctx.notice.data.items():
            if label_type(data_id, data) is None:
                yield Violation(
                    ("data", data_id),
                    f"`{data_id}` ({data.label}): neither its id and label nor its "
                    "`ccpa_category` say which App Store / Google Play data type it is, so the "
                    "store-label exports leave it out.",
                )
