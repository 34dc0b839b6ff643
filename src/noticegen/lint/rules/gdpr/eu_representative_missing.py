from __future__ import annotations

from collections.abc import Iterator

from ....model.meta import ControllerRole
from ...context import LintContext
from .._geo import is_placeholder_country, outside_eea
from ..base import Rule, Violation


class EuRepresentativeMissing(Rule):
    """A controller established outside the EEA names no representative in the EU.

    What it does:
        When the controller's postal address is outside the EEA, checks that
        `controller.eu_representative` is given, unless one of `other_controllers` is a
        `regional` controller established in the EEA (the entity responsible there). The
        placeholder country `XX` that `noticegen init` writes is no country: NG804 reports it,
        this rule waits for the real one.

    Why it matters:
        A controller not established in the Union that offers goods or services to people in
        the EU, or monitors them, must designate a representative there (GDPR Art. 27), and the
        notice must give the representative's identity and contact details (Art. 13(1)(a),
        14(1)(a)).

    Example:
        ```yaml
        controller:
          name: Example Inc.
          postal_address: {street: 1 Main St, locality: Springfield, region: IL, country: US}
        ```

    Fix:
        ```yaml
        controller:
          name: Example Inc.
          postal_address: {street: 1 Main St, locality: Springfield, region: IL, country: US}
          eu_representative: {name: Example EU Rep GmbH, email: eurep@example.com}
        ```
    """

    code = "NG303"
    profiles = frozenset({"gdpr"})
    citation = "GDPR Art. 13(1)(a), 27"
    hint = "Add `controller.eu_representative` with the representative's contact details."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        controller = ctx.notice.controller
        address = controller.postal_address
        if (
            address
            and not is_placeholder_country(address.country)
            and outside_eea(address.country)
            and controller.eu_representative is None
            and not _regional_controller_in_eea(ctx)
        ):
            yield Violation(
                ("controller", "postal_address", "country"),
                f"The controller is established in {address.country}, outside the EEA, but the "
                "notice names no representative in the EU.",
            )


def _regional_controller_in_eea(ctx: LintContext) -> bool:
    """An entity established in the EEA that is the controller for people there ("X Inc. or X
    B.V."): Art. 27 asks no representative for what it is responsible for."""
    return any(
        other.role is ControllerRole.REGIONAL
        and other.postal_address is not None
        and not outside_eea(other.postal_address.country)
        for other in ctx.notice.other_controllers.values()
    )
