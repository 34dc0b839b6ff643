from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ...findings import Severity
from ...model import ErasureMethod
from .._text import sentences
from ..base import Rule, Violation

_HIDES = re.compile(
    r"\bremov\w*\s+(?:[\w'’-]+\s+){0,6}?from\s+(?:public\s+)?view"
    r"|\bno\s+longer\s+(?:be\s+)?(?:visible|displayed|shown)"
    r"|\bhid(?:e|den|ing)\s+(?:your\s+)?(?:personal\s+)?(?:data|information|details|profile)",
    re.IGNORECASE,
)
_ON_ERASURE = re.compile(r"\b(?:clos\w*|delet\w*|eras\w*|request\w*|cancel\w*)", re.IGNORECASE)


class ProseHidesStructureDeletes(Rule):
    """The text says data is only hidden when an account closes, but every retention rule
    says it is deleted or anonymised.

    What it does:
        Finds sentences about closing an account or an erasure request that say the data is
        "removed from view", "hidden" or "no longer visible", and reports them when no
        retention rule has `erasure: hide`. One of the two is wrong: either the data is kept
        (and the retention rules must say so), or the sentence undersells a real deletion.

    Why it matters:
        How long data is kept, and what erasure means, must be stated truthfully (GDPR Art.
        5(1)(a), 13(2)(a), 17; Cal. Civ. Code 1798.105; LGPD Art. 16). Readers will believe
        the sentence.

    Example:
        ```yaml
        sections:
          erasure:
            title: Erasure
            body: We will close your account and remove your data from view.
        retention:
          - {id: account, data: [contact.email], after: account_closure, erasure: delete}
        ```

    Fix:
        ```yaml
        sections:
          erasure:
            title: Erasure
            body: We will close your account and delete your data within 30 days.
        ```
    """

    code = "NG650"
    name = "prose-hides-structure-deletes"
    family = "contradictions"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(a), 13(2)(a), 17; LGPD Art. 16"
    hint = "Make the sentence and the retention rules' `erasure` say the same thing."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        retention = ctx.notice.retention
        if not retention or any(r.erasure == ErasureMethod.HIDE for r in retention):
            return
        for file, path, text in ctx.prose:
            for _, sentence in sentences(text):
                hides = _HIDES.search(sentence)
                if hides and _ON_ERASURE.search(sentence):
                    yield Violation(
                        path,
                        f'The text says data is "{hides.group(0)}", but every retention rule '
                        "deletes or anonymises the data.",
                        file=file,
                        quote=hides.group(0),
                    )
