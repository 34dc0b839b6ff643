from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class LgpdSharingPurposeMissing(Rule):
    """Data is shared with a recipient for no stated purpose.

    What it does:
        Flags every recipient that receives data but lists no purpose. When NG403 runs too
        (the `ccpa` profile is active and the configuration keeps it), it reports the gap and
        this rule stays silent.

    Why it matters:
        The notice must inform data subjects about the shared use of their data by the
        controller and its purpose (LGPD Art. 9(V)); the purpose of sharing is what lets them
        judge whether it is compatible with what they were told (Art. 6(I)).

    Example:
        ```yaml
        recipients:
          partners: {label: Business partners, kind: controller, data: [contact.email]}
        ```

    Fix:
        ```yaml
        recipients:
          partners:
            label: Business partners
            kind: controller
            data: [contact.email]
            purposes: [joint_events]
        ```
    """

    code = "NG504"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 9(V)"
    hint = "List under `purposes` the ids of the purposes for which the data is shared."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.runs("NG403"):
            return  # NG403 reports the same gap under the CCPA; one finding is enough
        for rid, recipient in ctx.notice.recipients.items():
            if recipient.data and not recipient.purposes:
                yield Violation(
                    ("recipients", rid),
                    f"Data is shared with `{rid}` ({recipient.label}) but the notice does not "
                    "say for what purpose.",
                )
