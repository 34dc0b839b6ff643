from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class DpoNotStated(Rule):
    """A data protection officer is named without a way to contact them.

    What it does:
        Checks that a `controller.dpo` has at least one way to reach them (email, phone, postal
        address or web page). A notice that names no DPO is not flagged, with or without a
        `no_dpo_reason`: the law asks for no reason.

    Why it matters:
        Where a DPO is designated, the notice must give their contact details (GDPR Art.
        13(1)(b), 14(1)(b), 37(7)). Art. 13(1)(b) applies only "where applicable": a notice
        need not say why there is no DPO, and noticegen never invents that statement.

    Example:
        ```yaml
        controller:
          name: Example Ltd
          email: privacy@example.com
          dpo: {name: Data Protection Officer}
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltd
          email: privacy@example.com
          dpo: {name: Data Protection Officer, email: dpo@example.com}
        ```
    """

    code = "NG302"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(b), 14(1)(b), 37(7)"
    hint = "Add the DPO's email, phone, postal address or web form."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        dpo = ctx.notice.controller.dpo
        if dpo is not None and not (dpo.email or dpo.phone or dpo.postal_address or dpo.url):
            yield Violation(
                ("controller", "dpo"),
                f"The data protection officer ({dpo.name}) is named, but no way to contact "
                "them is given.",
            )
