from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class LgpdControllerContactMissing(Rule):
    """The controller is named without any contact information.

    What it does:
        Checks that the controller has an email address, a telephone number or a postal
        address. When NG301 runs too (a GDPR profile is
        active and the configuration keeps it), NG301, which asks for more, reports it instead.

    Why it matters:
        The notice must identify the controller and give its contact information (LGPD Art.
        9(III)-(IV)); without it the data subject cannot exercise the rights of Art. 18.

    Example:
        ```yaml
        controller:
          name: Example Ltda.
        ```

    Fix:
        ```yaml
        controller:
          name: Example Ltda.
          email: privacidade@example.com
        ```
    """

    code = "NG503"
    profiles = frozenset({"lgpd"})
    citation = "LGPD Art. 9(III)-(IV)"
    hint = "Give the controller's `email`, `phone` or `postal_address`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.runs("NG301"):
            return  # NG301 asks for more (email and postal address) and reports this gap
        c = ctx.notice.controller
        if not (c.email or c.phone or c.postal_address):
            yield Violation(
                ("controller",),
                f"The controller ({c.name}) is named without any contact information.",
            )
