from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class DpoNotStated(Rule):
    """The notice neither gives a data protection officer's contact details nor says why there
    is none.

    What it does:
        Checks that `controller` has a `dpo` with at least one way to reach them (email, phone,
        postal address or web page), or a `no_dpo_reason`.

    Why it matters:
        Where a DPO is designated, the notice must give their contact details (GDPR Art.
        13(1)(b), 14(1)(b), 37(7)). Saying why none is designated (Art. 37(1) does not require
        one) answers the question a reader and a regulator will ask, and noticegen never
        invents that statement.

    Example:
        ```yaml
        controller:
          name: Example Ltd
          email: privacy@example.com
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
    hint = "Add `dpo` with their contact details, or `no_dpo_reason`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        controller = ctx.notice.controller
        dpo = controller.dpo
        if dpo is None:
            if not (controller.no_dpo_reason or "").strip():
                yield Violation(
                    ("controller",),
                    "The notice neither gives the contact details of a data protection officer "
                    "nor says why none is designated.",
                )
        elif not (dpo.email or dpo.phone or dpo.postal_address or dpo.url):
            yield Violation(
                ("controller", "dpo"),
                f"The data protection officer ({dpo.name}) is named, but no way to contact "
                "them is given.",
                hint="Add the DPO's email, phone, postal address or web form.",
            )
