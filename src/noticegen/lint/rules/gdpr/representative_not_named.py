from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_REPRESENTATIVES = (
    ("eu_representative", "the EU", "GDPR"),
    ("uk_representative", "the UK", "UK GDPR"),
)


class RepresentativeNotNamed(Rule):
    """A representative is given a way to be reached, but not a name.

    What it does:
        Flags `controller.eu_representative` and `controller.uk_representative` when they have
        contact details but no `name`.

    Why it matters:
        The notice must give the identity, not only the contact details, of the controller's
        representative (GDPR and UK GDPR Art. 13(1)(a), 14(1)(a)). "Our representative, reachable
        at privacy@example.com" does not tell people who the representative is, nor let them
        check that one was designated under Art. 27.

    Example:
        ```yaml
        controller:
          eu_representative: {email: privacy@example.com}
        ```

    Fix:
        ```yaml
        controller:
          eu_representative: {name: Example EU Rep GmbH, email: eurep@example.com}
        ```
    """

    code = "NG332"
    citation = "GDPR Art. 13(1)(a), 14(1)(a); UK GDPR Art. 13(1)(a)"
    hint = "Name the representative (the person or company designated under Art. 27)."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        controller = ctx.notice.controller
        for field, where, law in _REPRESENTATIVES:
            representative = getattr(controller, field)
            if representative is not None and representative.name is None:
                yield Violation(
                    ("controller", field),
                    f"The representative in {where} is not named: the {law} asks for the "
                    "representative's identity, not only a way to reach them.",
                )
