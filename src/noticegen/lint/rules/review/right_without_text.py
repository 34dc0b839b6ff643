from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class RightWithoutText(Rule):
    """A right is listed by its name alone, as `noticegen init` writes it (`{}`).

    What it does:
        Flags every right, in the notice or a supplement, with no `description`, `how` or
        `limit_reason`, or with only blanks in them.

    Why it matters:
        The page then lists the right by its name under "Your rights", with no heading of its
        own and no word on what it lets the reader do. That meets the duty to state that the
        right exists (GDPR Art. 13(2)(b)), but a reader learns what to expect from a request
        only when the notice says in a sentence what the right means for them.

    Example:
        ```yaml
        rights:
          access: {}
        ```

    Fix:
        ```yaml
        rights:
          access:
            description: You can ask for a copy of the personal data we hold about you.
        ```
    """

    code = "NG807"
    severity = Severity.INFO
    citation = "GDPR Art. 13(2)(b)"
    hint = "Say in `description` what the right lets the reader do, or leave it listed by name."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        documents = [(None, ctx.notice.rights), *((f, s.rights) for f, s in ctx.supplements)]
        for file, rights in documents:
            for right, detail in rights.items():
                said = (detail.description, detail.how, detail.limit_reason)
                if not any(text and text.strip() for text in said):
                    yield Violation(
                        ("rights", str(right)),
                        f"The right `{right}` is listed by its name alone: the page says "
                        "nothing about what it lets the reader do.",
                        file=file,
                    )
