from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._ids import IdIndex


class DataUsedButNotDeclared(Rule):
    """Data is used by a purpose, recipient, cookie, retention rule or promise but never
    declared as collected.

    What it does:
        Checks that every data id referenced anywhere in the notice, or in a supplement's
        promises, names a category declared under `data` (or a parent of declared categories,
        such as `contact` for `contact.email`).

    Why it matters:
        The notice must tell people which personal data is processed (GDPR Art. 13(1)(c),
        14(1)(d); Cal. Civ. Code 1798.100(a)(1)). Data that appears only inside a purpose is
        processing the reader was never told about.

    Example:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
        purposes:
          support: {label: Support, description: Answering requests, data: [contact.phone]}
        ```

    Fix:
        ```yaml
        data:
          contact.email: {label: Email address, source: provided}
          contact.phone: {label: Phone number, source: provided}
        purposes:
          support: {label: Support, description: Answering requests, data: [contact.phone]}
        ```
    """

    code = "NG201"
    citation = "GDPR Art. 13(1)(c), 14(1)(d); Cal. Civ. Code 1798.100(a)(1)"
    hint = "Declare the data under `data`, or correct the id."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        declared = IdIndex(ctx.notice.data)
        for ref, paths in sorted(ctx.data_references.items()):
            if not declared.names_members(ref):
                for path in paths:
                    yield Violation(
                        path,
                        f"`{ref}` is used here but is not declared among the data collected.",
                    )
        for rel, supplement in ctx.supplements:
            for pid, promise in supplement.promises.items():
                for i, ref in enumerate(promise.data):
                    if not declared.names_members(ref):
                        yield Violation(
                            ("promises", pid, "data", i),
                            f"`{ref}` is used here but is not declared among the data collected "
                            "in the main notice.",
                            file=rel,
                        )
