from __future__ import annotations

from collections.abc import Iterator

from ....model import Notice, Source
from ....model.base import covers
from ...context import LintContext
from ..base import Rule, Violation
from ._common import GDPR_PROFILES


class DataRequirementNotStated(Rule):
    """For data people provide, the notice does not say whether they must provide it, or what
    happens if they do not.

    What it does:
        For every data category with `source: provided`, checks that `required` is set, and,
        when it is `true`, that `consequences` says what happens if the data is not given.
        Content the person chooses to give (`source: volunteered`) is not asked for, and data
        that only purposes run for another controller use (`on_behalf_of`) is that
        controller's to explain: neither is checked.

    Why it matters:
        When data is collected from the person, the notice must say whether providing it is a
        statutory or contractual requirement or needed to enter a contract, whether they are
        obliged to provide it, and the possible consequences of not doing so (GDPR Art.
        13(2)(e)).

    Example:
        ```yaml
        data:
          contact.phone: {label: Phone number, source: provided}
        ```

    Fix:
        ```yaml
        data:
          contact.phone:
            label: Phone number
            source: provided
            required: true
            consequences: Without it we cannot arrange delivery of your order.
        ```
    """

    code = "NG321"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(2)(e)"
    hint = "Set `required`, and for required data say in `consequences` what happens without it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for did, category in ctx.notice.data.items():
            if category.source is not Source.PROVIDED or _collected_for_others(ctx.notice, did):
                continue
            if category.required is None:
                yield Violation(
                    ("data", did),
                    f"The notice does not say whether people must provide `{did}` "
                    f"({category.label}).",
                    hint="Set `required: true` or `required: false`.",
                )
            elif category.required and not (category.consequences or "").strip():
                yield Violation(
                    ("data", did, "required"),
                    f"`{did}` ({category.label}) must be provided, but the notice does not say "
                    "what happens if it is not.",
                    hint="Say in `consequences` what happens if the data is not provided.",
                )


def _collected_for_others(notice: Notice, did: str) -> bool:
    """Whether every purpose that names the data is run for another controller: the company
    collects it as a processor, and the controller decides whether it must be provided."""
    users = [p for p in notice.purposes.values() if any(covers(d, did) for d in p.data)]
    return bool(users) and all(p.on_behalf_of for p in users)
