from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import ErasureMethod
from ...context import LintContext
from ..base import Rule, Violation

_WHILE_ACTIVE = re.compile(
    r"\b(?:while|as\s+long\s+as|for\s+as\s+long\s+as|until)\s+(?:you\s+(?:have|hold|keep)\s+"
    r"(?:an?\s+)?(?:active\s+|open\s+)?account|your\s+account\s+(?:is|remains)\s+(?:active|open)"
    r"|you\s+(?:close|delete)\s+your\s+account)",
    re.IGNORECASE,
)


class AccountActiveButHidden(Rule):
    """The text says data is kept while the account is active, but closing the account only
    hides it.

    What it does:
        Finds phrases such as "while your account is active", "for as long as you have an
        active account" or "until you close your account" in the retention criteria and other
        prose, and reports them when a retention rule ends with `erasure: hide` (in the same
        retention rule when the phrase is in one). NG215 flags the retention rule itself; this
        rule points at the sentence that tells readers something else.

    Why it matters:
        The notice must state how long data is stored (GDPR Art. 13(2)(a); Cal. Civ. Code
        1798.100(a)(3); LGPD Art. 9(II), 16). Hiding data "from view" when an account closes
        keeps it stored, so a retention period tied to the account's life is not the real
        one, and readers are told their data goes when it stays.

    Example:
        ```yaml
        retention:
          - id: account
            data: [contact.email]
            after: account_closure
            criteria: We keep your data while your account is active.
            erasure: hide
        ```

    Fix:
        ```yaml
        retention:
          - id: account
            data: [contact.email]
            after: account_closure
            period: P30D
            criteria: We delete your data 30 days after you close your account.
            erasure: delete
        ```
    """

    code = "NG657"
    citation = "GDPR Art. 5(1)(a), 13(2)(a); Cal. Civ. Code 1798.100(a)(3); LGPD Art. 16"
    hint = "Say what really happens (data hidden, kept until ...), or delete the data."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        retention = ctx.notice.retention
        hiding = [i for i, rule in enumerate(retention) if rule.erasure == ErasureMethod.HIDE]
        if not hiding:
            return
        for file, path, text in ctx.prose:
            match = _WHILE_ACTIVE.search(text)
            if match is None:
                continue
            index = path[1] if file is None and path[0] == "retention" else None
            if isinstance(index, int) and index not in hiding:
                continue  # this retention rule really deletes
            rule = retention[index if isinstance(index, int) else hiding[0]]
            yield Violation(
                path,
                f'The text says data is kept "{match.group(0)}", but retention rule '
                f"`{rule.id}` only hides the data afterwards: it stays stored.",
                file=file,
                quote=match.group(0),
            )
