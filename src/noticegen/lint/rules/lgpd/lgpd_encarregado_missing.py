from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class LgpdEncarregadoMissing(Rule):
    """The encarregado (data protection officer) is not identified with contact details.

    What it does:
        Checks that `controller.dpo` names the encarregado and gives at least one way to reach
        them (email, phone, web page or postal address). A controller that states
        `no_dpo_reason` (a small processing agent exempted by Res. CD/ANPD 2/2022, Art. 11)
        passes when it still gives a contact channel (`controller.email` or `phone`).

    Why it matters:
        The identity and contact details of the encarregado must be disclosed publicly,
        clearly and objectively, preferably on the controller's website (LGPD Art. 41 §1; Res.
        CD/ANPD 18/2024). Data subjects and the ANPD address their requests and complaints to
        that person (Art. 41 §2).

    Example:
        ```yaml
        controller:
          name: Example Ltda.
          dpo: {name: Maria Silva}
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltda.
          dpo: {name: Maria Silva, email: encarregado@example.com}
        ```
    """

    code = "NG501"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 41 §1; Res. CD/ANPD 18/2024"
    hint = "Name the encarregado under `controller.dpo` with an email or another contact."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        controller = ctx.notice.controller
        dpo = controller.dpo
        if dpo is None:
            if controller.no_dpo_reason and (controller.email or controller.phone):
                return
            yield Violation(
                ("controller",),
                "The notice does not identify the encarregado (data protection officer) that "
                "Brazilian law requires, nor a contact channel replacing one.",
            )
        elif not (dpo.email or dpo.phone or dpo.url or dpo.postal_address):
            yield Violation(
                ("controller", "dpo"),
                f"The encarregado ({dpo.name}) is named without any contact details.",
            )
