from __future__ import annotations

from collections.abc import Iterator

from ....model.meta import ControllerRole
from ...context import LintContext
from .._geo import UK, is_placeholder_country
from ..base import Rule, Violation


class UkRepresentativeMissing(Rule):
    """A controller established outside the UK names no representative in the UK.

    What it does:
        Under the `uk-gdpr` profile, when the controller's postal address is outside the United
        Kingdom, checks that `controller.uk_representative` is given, unless one of
        `other_controllers` is a `regional` controller established in the UK.

    Why it matters:
        A controller outside the UK that offers goods or services to people in the UK, or
        monitors them, must designate a representative in the UK (UK GDPR Art. 27), and the
        notice must give the representative's identity and contact details (Art. 13(1)(a)).
        An EU representative does not satisfy this.

    Example:
        ```yaml
        notice: {jurisdictions: [gdpr, uk-gdpr]}
        controller:
          name: Example SAS
          postal_address: {street: 1 rue Example, locality: Paris, country: FR}
        ```

    Fix:
        ```yaml
        controller:
          name: Example SAS
          postal_address: {street: 1 rue Example, locality: Paris, country: FR}
          uk_representative: {name: Example UK Rep Ltd, email: ukrep@example.com}
        ```
    """

    code = "NG304"
    profiles = frozenset({"uk-gdpr"})
    citation = "UK GDPR Art. 13(1)(a), 27"
    hint = "Add `controller.uk_representative` with the representative's contact details."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        controller = ctx.notice.controller
        address = controller.postal_address
        if (
            address
            and address.country not in UK
            and not is_placeholder_country(address.country)
            and controller.uk_representative is None
            and not _regional_controller_in_uk(ctx)
        ):
            yield Violation(
                ("controller", "postal_address", "country"),
                f"The controller is established in {address.country}, outside the United "
                "Kingdom, but the notice names no representative in the UK.",
            )


def _regional_controller_in_uk(ctx: LintContext) -> bool:
    """An entity established in the UK that is the controller for people there: UK GDPR Art.
    27 asks no representative for what it is responsible for."""
    return any(
        other.role is ControllerRole.REGIONAL
        and other.postal_address is not None
        and other.postal_address.country in UK
        for other in ctx.notice.other_controllers.values()
    )
