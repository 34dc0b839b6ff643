from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation


class RightLimitedWithoutReason(Rule):
    """A right is said to be limited, but the notice does not say why.

    What it does:
        Flags every right, in the notice or a supplement, marked `limited: true` without a
        `limit_reason`.

    Why it matters:
        A right may be refused or narrowed only on grounds the law allows (GDPR Art. 17(3),
        23; Cal. Civ. Code 1798.105(d); Cal. Bus. & Prof. Code 22581(b) for minors' postings
        that others copied). The reader can check and contest a limit only if they are told
        what it is and why, and a request refused on an unstated limit needs its reason given
        anyway (GDPR Art. 12(4)).

    Example:
        ```yaml
        rights:
          erasure: {limited: true}
        ```

    Fix:
        ```yaml
        rights:
          erasure:
            limited: true
            limit_reason: Content you posted publicly and others copied cannot be erased.
        ```
    """

    code = "NG226"
    citation = "GDPR Art. 12(4), 17(3); Cal. Civ. Code 1798.105(d)"
    hint = "Say why and where the right is limited in `limit_reason`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        documents = [(None, ctx.notice.rights), *((f, s.rights) for f, s in ctx.supplements)]
        for file, rights in documents:
            for right, detail in rights.items():
                if detail.limited and not (detail.limit_reason or "").strip():
                    yield Violation(
                        ("rights", str(right), "limited"),
                        f"The right `{right}` is limited, but the notice does not say why.",
                        file=file,
                    )
