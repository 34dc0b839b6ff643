from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Controller, ParentTopic
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES

_LEGAL_FORM = re.compile(
    r"\b(ltd|limited|plc|llp|llc|inc|corp|corporation|co|gmbh|ag|kg|ug|sas|sasu|sarl|sca|snc|"
    r"eurl|srl|s\.?p\.?a|b\.?v|n\.?v|s\.?a|s\.?l|ab|as|asa|aps|a/s|oy|oyj|sp\. z o\.o|ltda|"
    r"eireli|pty|kft|zrt|s\.?r\.?o|d\.?o\.?o|ehf|se|bvba|cvba)\.?\s*$",
    re.IGNORECASE,
)
"""A company name ending in a legal form is already the full legal name."""


class ControllerIdentityIncomplete(Rule):
    """The controller's identity or contact details are incomplete.

    What it does:
        Checks that `controller`, and each of `other_controllers`, gives the full legal name of
        the entity, a postal address and an email address. The legal name is `legal_name`, or
        `name` itself when it already ends in a legal form (Ltd, SAS, GmbH, B.V., Inc. and the
        like).
        A layered notice whose parent notice covers `controller` (`notice.parent.covers`)
        is not checked.

    Why it matters:
        The notice must give the identity and the contact details of the controller (GDPR Art.
        13(1)(a), 14(1)(a)). A trading name alone does not tell the reader which legal entity is
        responsible and against whom to exercise their rights; a postal address and an email
        address let them reach it.

    Example:
        ```yaml
        controller:
          name: IMS Consulting
        ```

    Fix:
        ```yaml
        controller:
          name: IMS Consulting
          legal_name: IMS Consulting SAS
          postal_address: {street: 1 rue Example, locality: Paris, country: FR}
          email: privacy@example.com
        ```
    """

    code = "NG301"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(a), 14(1)(a)"
    hint = "Add the controller's `legal_name`, `postal_address` and `email`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.notice.left_to_parent(ParentTopic.CONTROLLER):
            return
        yield from _incomplete(ctx.notice.controller, ("controller",))
        for other_id, other in ctx.notice.other_controllers.items():
            yield from _incomplete(other, ("other_controllers", other_id))


def _incomplete(controller: Controller, path: tuple[str, ...]) -> Iterator[Violation]:
    missing = [
        label
        for label, present in (
            (
                "its full legal name (`legal_name`)",
                controller.legal_name or _LEGAL_FORM.search(controller.name),
            ),
            ("a postal address (`postal_address`)", controller.postal_address),
            ("an email address (`email`)", controller.email),
        )
        if not present
    ]
    if missing:
        yield Violation(
            path,
            f"The notice does not fully identify the controller {controller.name}: it lacks "
            f"{_and(missing)}.",
        )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
