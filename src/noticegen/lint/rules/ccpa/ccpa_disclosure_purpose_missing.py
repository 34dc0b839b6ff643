from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class CcpaDisclosurePurposeMissing(Rule):
    """A recipient receives personal information for no stated purpose.

    What it does:
        Flags every recipient that receives data but lists no purpose for the disclosure.

    Why it matters:
        The privacy policy must state the business or commercial purpose for selling, sharing
        or disclosing personal information (Cal. Civ. Code 1798.110(c)(3); 11 CCR
        7011(e)(1)(F) and (J)).

    Example:
        ```yaml
        recipients:
          crm: {label: CRM provider, kind: processor, data: [contact.email]}
        ```

    Fix:
        ```yaml
        recipients:
          crm: {label: CRM provider, kind: processor, data: [contact.email], purposes: [account]}
        ```
    """

    code = "NG403"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.110(c)(3); 11 CCR 7011(e)(1)(F), (J)"
    hint = "List under `purposes` the ids of the purposes for which the recipient gets the data."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for rid, recipient in ctx.notice.recipients.items():
            if recipient.data and not recipient.purposes:
                flow = "sold or shared" if recipient.sale or recipient.sharing else "disclosed"
                yield Violation(
                    ("recipients", rid),
                    f"Personal information is {flow} to `{rid}` ({recipient.label}) but the "
                    "notice does not say for what purpose.",
                )
