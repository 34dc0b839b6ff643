from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class UndefinedReference(Rule):
    """An id is referenced but never defined.

    What it does:
        Checks every reference to a data category, purpose or recipient (in purposes,
        recipients, cookies, transfers, retention rules and promises), and each cookie's
        `listed_in` document, against the ids the notice defines.

    Why it matters:
        A dangling reference means the notice names something it never explains, so the reader
        cannot learn what data or purpose is meant (GDPR Art. 12(1): information must be
        intelligible).

    Example:
        ```yaml
        purposes:
          billing: {label: Billing, description: Invoicing, data: [contact.emial]}
        ```

    Fix:
        ```yaml
        purposes:
          billing: {label: Billing, description: Invoicing, data: [contact.email]}
        ```
    """

    code = "NG101"
    citation = "GDPR Art. 12(1)"
    hint = "Define the id, or correct the reference."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        purposes, recipients = set(n.purposes), set(n.recipients)
        for rid, recipient in n.recipients.items():
            for i, p in enumerate(recipient.purposes):
                if p not in purposes:
                    yield Violation(
                        ("recipients", rid, "purposes", i),
                        f"Recipient `{rid}` refers to purpose `{p}`, which is not defined.",
                    )
        for cid, cookie in n.cookies.items():
            if cookie.purpose not in purposes:
                yield Violation(
                    ("cookies", cid, "purpose"),
                    f"Cookie `{cid}` refers to purpose `{cookie.purpose}`, which is not defined.",
                )
            if cookie.listed_in is not None and cookie.listed_in not in n.documents:
                yield Violation(
                    ("cookies", cid, "listed_in"),
                    f"Cookie `{cid}` is said to be listed in `{cookie.listed_in}`, which is not "
                    "an entry of `documents`: the reader has no link to the list.",
                )
        for tid, transfer in n.transfers.items():
            for i, r in enumerate(transfer.recipients):
                if r not in recipients:
                    yield Violation(
                        ("transfers", tid, "recipients", i),
                        f"Transfer `{tid}` refers to recipient `{r}`, which is not defined.",
                    )
