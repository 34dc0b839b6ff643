from __future__ import annotations

from collections.abc import Iterator

from ....model import RecipientKind
from ...context import LintContext
from ..base import Rule, Violation


class CcpaDisclosedCategoriesMissing(Rule):
    """A recipient is named but the notice does not say which personal information it gets.

    What it does:
        Flags every recipient (other than a public authority) whose `data` list is empty, and
        once every recipient said to receive "personal data" with no category named
        (`data_catch_all`): vague wording the law does not accept here.

    Why it matters:
        The privacy policy must identify, separately, the categories of personal information
        sold or shared and those disclosed for a business purpose, each with the categories of
        third parties that receive them (Cal. Civ. Code 1798.115(c), 1798.130(a)(5)(C); 11 CCR
        7011(e)(1)(D)-(E), (H)-(I)). A recipient without data makes both lists incomplete.

    Example:
        ```yaml
        recipients:
          ad_network: {label: Advertising network, kind: controller, sharing: true}
        ```

    Fix:
        ```yaml
        recipients:
          ad_network:
            label: Advertising network
            kind: controller
            sharing: true
            data: [device.cookie_id]
        ```
    """

    code = "NG404"
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.115(c), 1798.130(a)(5)(C); 11 CCR 7011(e)(1)(D)-(I)"
    hint = "List under `data` the ids of the data categories the recipient receives."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for rid, recipient in ctx.notice.recipients.items():
            # Authorities receive whatever a lawful order names; no fixed category exists.
            if recipient.kind == RecipientKind.PUBLIC_AUTHORITY:
                continue
            flow = (
                "sold or shared"
                if recipient.sale or recipient.sharing
                else "disclosed for a business purpose"
            )
            if recipient.data_catch_all:
                yield Violation(
                    ("recipients", rid, "data_catch_all"),
                    f"The notice says only that `{rid}` ({recipient.label}) receives personal "
                    f"data: it does not say which categories of personal information are {flow} "
                    "to it.",
                )
                continue
            if recipient.data:
                continue
            yield Violation(
                ("recipients", rid),
                f"The notice does not say which categories of personal information are {flow} "
                f"to `{rid}` ({recipient.label}).",
            )
