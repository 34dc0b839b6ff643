from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import ErasureMethod
from ....model.findings import Severity
from ...context import LintContext
from .._text import listed, sentences
from ..base import Rule, Violation

_HIDES = re.compile(
    r"\bremov\w*\s+(?:[\w'’-]+\s+){0,6}?from\s+(?:public\s+)?view"
    r"|\bno\s+longer\s+(?:be\s+)?(?:visible|displayed|shown)"
    r"|\bhid(?:e|den|ing)\s+(?:your\s+)?(?:personal\s+)?(?:data|information|details|profile)",
    re.IGNORECASE,
)
_VERBS = ((ErasureMethod.DELETE, "delete"), (ErasureMethod.ANONYMISE, "anonymise"))
_ON_ERASURE = re.compile(r"\b(?:clos\w*|delet\w*|eras\w*|request\w*|cancel\w*)", re.IGNORECASE)


class ProseHidesStructureDeletes(Rule):
    """The text says data is only hidden when an account closes, but the retention rules say
    it is deleted or anonymised.

    What it does:
        Finds sentences about closing an account or an erasure request that say the data is
        "removed from view", "hidden" or "no longer visible", and reports them when the
        retention rules that state their `erasure` all say `delete` or `anonymise`. One of the
        two is wrong: either the data is kept (and the retention rules must say so), or the
        sentence undersells a real deletion. A rule that does not write `erasure` (it defaults
        to `delete`) says nothing either way, so a notice whose rules state none is left alone.

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
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(a), 13(2)(a), 17; LGPD Art. 16"
    hint = "Make the sentence and the retention rules' `erasure` say the same thing."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        # `erasure` defaults to delete: only a rule that writes it says what erasure means.
        stated = [r for r in ctx.notice.retention if "erasure" in r.model_fields_set]
        if not stated or any(r.erasure == ErasureMethod.HIDE for r in stated):
            return
        methods = {r.erasure for r in stated}
        verbs = " or ".join(v for m, v in _VERBS if m in methods)
        if len(stated) == 1:
            says = f"retention rule {listed([stated[0].id])} {verbs}s"
        else:
            says = f"retention rules {listed([r.id for r in stated])} {verbs}"
        for file, path, text in ctx.prose:
            for _, sentence in sentences(text):
                hides = _HIDES.search(sentence)
                if hides and _ON_ERASURE.search(sentence):
                    yield Violation(
                        path,
                        f'The text says data is "{hides.group(0)}", but {says} the data.',
                        file=file,
                        quote=hides.group(0),
                    )
