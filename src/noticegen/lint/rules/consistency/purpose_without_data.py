from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class PurposeWithoutData(Rule):
    """A purpose does not say which data it uses.

    What it does:
        Flags every purpose whose `data` list is empty, unless the notice says the purpose uses
        "your personal data" without naming which (`data_catch_all`): vague, but what the
        notice says, and GDPR Art. 13(1)(c) asks for the purposes, not the data of each.

    Why it matters:
        The reader must be able to tell which of their data is used for what (GDPR Art.
        13(1)(c), 14(1)(c)-(d); Cal. Civ. Code 1798.100(a)(1)). A purpose without data says
        nothing about the processing, and the data it really uses appears to have no purpose.

    Example:
        ```yaml
        purposes:
          support:
            label: Customer support
            description: Answering your requests.
            legal_basis: contract
        ```

    Fix:
        ```yaml
        purposes:
          support:
            label: Customer support
            description: Answering your requests.
            data: [contact.email, support.request]
            legal_basis: contract
        ```
    """

    code = "NG210"
    citation = "GDPR Art. 13(1)(c), 14(1)(c)-(d); Cal. Civ. Code 1798.100(a)(1)"
    hint = "List the ids of the data the purpose uses under its `data`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for pid, purpose in ctx.notice.purposes.items():
            if not purpose.data and not purpose.data_catch_all:
                yield Violation(
                    ("purposes", pid),
                    f"Purpose `{pid}` ({purpose.label}) does not say which personal data it uses.",
                )
