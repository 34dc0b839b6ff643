from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ....model.vocabulary import missing_controller_details
from ...context import LintContext
from ..base import Rule, Violation


class RopaControllerDetails(Rule):
    """The record of processing activities lacks the controller's name or contact details.

    What it does:
        Flags a `controller` without `legal_name` or `postal_address`, or with neither `email` nor
        `phone`.

    Why it matters:
        The record of processing activities in `site/exports/` starts with the name and
        contact details of the controller (GDPR Art. 30(1)(a)). It is written all the same,
        with the missing details marked for the controller to fill in; the record is not
        complete until they are.

    Example:
        ```yaml
        controller:
          name: Example
        ```

    Fix:
        ```yaml
        controller:
          name: Example
          legal_name: Example Limited
          postal_address: {street: 1 Example Street, locality: London, country: GB}
          email: privacy@example.com
          phone: "+44 20 7946 0000"
        ```
    """

    code = "NG905"
    severity = Severity.INFO
    citation = "GDPR Art. 30(1)(a)"
    hint = "Give the controller's legal name, postal address, email and telephone."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        missing = missing_controller_details(ctx.notice)
        if missing:
            yield Violation(
                ("controller",),
                "The record of processing activities is written without the controller's "
                + ", ".join(f"`{m}`" for m in missing)
                + ": those cells are marked for the controller to fill in.",
            )
