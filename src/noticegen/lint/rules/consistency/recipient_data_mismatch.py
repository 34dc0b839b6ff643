from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class RecipientDataMismatch(Rule):
    """A recipient is listed, but not the data it receives.

    What it does:
        Flags a recipient whose `data` list is empty and that is not marked as receiving
        unnamed "personal data" (`data_catch_all`). It does not ask that each data id a
        recipient receives be used by one of its `purposes`: GDPR Art. 13(1)(e) asks only for
        the recipients or their categories, and notices that say a recipient gets "personal
        data" for some purposes tie no data to those purposes.

    Why it matters:
        A recipient listed with no data tells the reader nothing about what leaves the company
        (GDPR Art. 5(1)(a), 13(1)(e); Cal. Civ. Code 1798.110(c)). Where a law needs the
        categories each recipient gets (CCPA), that law's rule reports the vagueness (NG404).

    Example:
        ```yaml
        recipients:
          mailer: {label: Email provider, kind: processor, purposes: [newsletter]}
        ```

    Fix:
        ```yaml
        recipients:
          mailer:
            {label: Email provider, kind: processor, data: [contact.email], purposes: [newsletter]}
        ```
    """

    code = "NG211"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(a), 13(1)(e); Cal. Civ. Code 1798.110(c)"
    hint = "List the ids of the data the recipient receives under its `data`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for rid, recipient in ctx.notice.recipients.items():
            if not recipient.data and not recipient.data_catch_all:
                yield Violation(
                    ("recipients", rid),
                    f"Recipient `{rid}` ({recipient.label}) is listed, but the notice does not "
                    "say which personal data it receives.",
                )
