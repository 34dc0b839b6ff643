from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ...findings import Severity
from ..base import Rule, Violation
from ._ids import IdIndex


class RecipientDataMismatch(Rule):
    """A recipient receives no data, or data that none of its purposes uses.

    What it does:
        Flags a recipient whose `data` list is empty, and each data id a recipient receives
        that none of the recipient's `purposes` uses (hierarchy-aware: a purpose using
        `contact` covers `contact.email`). Recipients that name no purposes are checked only for
        empty data. A recipient of unnamed "personal data" (`data_catch_all`) is not checked:
        GDPR Art. 13(1)(e) asks only for the recipients, and where a law needs the categories
        each recipient gets (CCPA), that law's rule reports the vagueness once (NG404).

    Why it matters:
        The notice must say which recipients receive which data and why (GDPR Art. 13(1)(e),
        5(1)(b); Cal. Civ. Code 1798.110(c)). A recipient of data for no stated purpose is a
        disclosure the notice does not explain; one with no data tells the reader nothing.

    Example:
        ```yaml
        recipients:
          mailer:
            label: Email provider
            kind: processor
            data: [contact.email, device.ip]
            purposes: [newsletter]
        purposes:
          newsletter:
            {label: Newsletter, description: ..., data: [contact.email], legal_basis: consent}
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
    citation = "GDPR Art. 5(1)(b), 13(1)(e); Cal. Civ. Code 1798.110(c)"
    hint = "List only the data the recipient's purposes use, or add the data to those purposes."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        purposes = ctx.notice.purposes
        for rid, recipient in ctx.notice.recipients.items():
            if recipient.data_catch_all:
                continue
            if not recipient.data:
                yield Violation(
                    ("recipients", rid),
                    f"Recipient `{rid}` ({recipient.label}) is listed, but the notice does not "
                    "say which personal data it receives.",
                    hint="List the ids of the data the recipient receives under its `data`.",
                )
                continue
            known = [p for p in recipient.purposes if p in purposes]
            if not known:
                continue
            used = IdIndex(d for p in known for d in purposes[p].data)
            for i, did in enumerate(recipient.data):
                if not used.touches(did):
                    yield Violation(
                        ("recipients", rid, "data", i),
                        f"Recipient `{rid}` ({recipient.label}) receives `{did}`, but none of "
                        f"its purposes ({', '.join(known)}) uses it.",
                    )
