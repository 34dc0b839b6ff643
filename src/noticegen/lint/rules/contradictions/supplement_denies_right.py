from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Right
from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation

_DENIED = re.compile(
    r"\bright\s+(?:to|of)\s+(?P<a>[\w\s-]{2,40}?)\s+(?:does|do|will|shall)\s+not\s+apply"
    r"|\bright\s+(?:to|of)\s+(?P<b>[\w\s-]{2,40}?)\s+(?:is|are)\s+not\s+(?:available|offered)"
    r"|\b(?:you|residents|consumers|users|data\s+subjects)\s+(?:do|does|will)\s+not\s+have\s+"
    r"(?:a|the|any)\s+right\s+(?:to|of)\s+(?P<c>[\w\s-]{2,40})",
    re.IGNORECASE,
)
_RIGHTS = (
    (re.compile(r"\baccess", re.I), (Right.ACCESS, Right.KNOW)),
    (re.compile(r"\b(?:eras|delet)", re.I), (Right.ERASURE, Right.DELETE)),
    (re.compile(r"\b(?:rectif|correct)", re.I), (Right.RECTIFICATION, Right.CORRECT)),
    (re.compile(r"\brestrict", re.I), (Right.RESTRICTION,)),
    (re.compile(r"\bportab", re.I), (Right.PORTABILITY,)),
    (re.compile(r"\bobject", re.I), (Right.OBJECTION, Right.OBJECT_TO_DIRECT_MARKETING)),
    (re.compile(r"\bwithdraw", re.I), (Right.WITHDRAW_CONSENT,)),
    (re.compile(r"\bopt[\s-]?out", re.I), (Right.OPT_OUT_OF_SALE_OR_SHARING,)),
    (re.compile(r"\b(?:complain|lodge)", re.I), (Right.COMPLAINT,)),
)


class SupplementDeniesRight(Rule):
    """A supplement says a right does not apply that the main notice offers.

    What it does:
        Looks in each supplement's prose for sentences such as "the right to erasure does not
        apply", "the right to object is not available" or "you do not have the right to
        portability", and reports them when the main notice offers that right.

    Why it matters:
        A supplement adds what one jurisdiction requires; it cannot silently take back what
        the notice promises everyone. Two contradictory statements about a right leave the
        reader unable to rely on either (GDPR Art. 12(1); 11 CCR 7003), and withholding a
        right the company offers breaches its own notice (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        # supplements/california.yaml, while notice.yaml offers `portability`
        sections:
          rights: {title: Your rights, body: The right to portability does not apply to you.}
        ```

    Fix:
        ```yaml
        sections:
          rights:
            title: Your rights
            body: Besides the rights in our main notice, you have the right to opt out of sale.
        ```
    """

    code = "NG656"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(a), 12(1); 11 CCR 7003"
    hint = "Remove the sentence, or restrict the right in the main notice with its reason."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        offered = set(ctx.notice.rights)
        if not offered:
            return
        for file, supplement in ctx.supplements:
            for sid, section in supplement.sections.items():
                for match in _DENIED.finditer(section.body):
                    what = match.group("a") or match.group("b") or match.group("c") or ""
                    rights = next((r for p, r in _RIGHTS if p.search(what)), ())
                    taken = [r for r in rights if r in offered]
                    if taken:
                        yield Violation(
                            ("sections", sid, "body"),
                            f'The supplement says "{match.group(0).strip()}", but the main '
                            f"notice offers `{taken[0]}`.",
                            file=file,
                            quote=match.group(0).splitlines()[0].strip(),
                        )
