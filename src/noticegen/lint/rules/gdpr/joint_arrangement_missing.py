from __future__ import annotations

from collections.abc import Iterator

from ....model.meta import ControllerRole
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class JointArrangementMissing(Rule):
    """A joint controller is named without the essence of the arrangement between them.

    What it does:
        Flags each of `other_controllers` with `role: joint` and no `arrangement`.

    Why it matters:
        Joint controllers determine their respective responsibilities in an arrangement, and
        its essence must be made available to the people whose data they process (GDPR Art.
        26(1)-(2)): who answers requests and who gives the notice. People may exercise their
        rights against each controller (Art. 26(3)).

    Example:
        ```yaml
        other_controllers:
          partner:
            name: Partner SAS
            email: privacy@partner.example
            role: joint
        ```

    Fix:
        ```yaml
        other_controllers:
          partner:
            name: Partner SAS
            email: privacy@partner.example
            role: joint
            arrangement: We answer every request about the events we run together.
        ```
    """

    code = "NG331"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 26(1)-(3)"
    hint = "Add `arrangement`: who answers requests and who gives this notice."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for other_id, other in ctx.notice.other_controllers.items():
            if other.role is ControllerRole.JOINT and not (other.arrangement or "").strip():
                yield Violation(
                    ("other_controllers", other_id),
                    f"{other.name} is a joint controller, but the notice does not give the "
                    "essence of the arrangement between the controllers.",
                )
