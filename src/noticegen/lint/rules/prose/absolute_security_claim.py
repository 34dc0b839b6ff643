from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from .._text import sentences
from ..base import Rule, Violation

_CLAIM = re.compile(
    r"\b(?:(?:100\s?%|one hundred per\s?cent|completely|totally|fully|perfectly|absolutely|"
    r"entirely)\s+(?:secure|safe|protected|confidential|private)|"
    r"(?:never|cannot|can't|can\s+not)\s+be\s+(?:hacked|breached|compromised|stolen|lost|"
    r"leaked)|"
    r"guarantee[sd]?\s+(?:the\s+|that\s+your\s+\w+\s+(?:is|are|will\s+be)\s+)?"
    r"(?:security|safety|confidentiality|protection|secure|safe)|"
    r"unbreakable|unhackable|impenetrable|bullet-?proof|risk-?free)\b"
    r"|100\s?%\s+(?:secure|safe|protected)",
    re.IGNORECASE,
)
# A sentence that disclaims the absolute ("no system is completely secure") is the honest kind.
_DISCLAIMER = re.compile(
    r"\b(?:no|not|cannot|can't|can\s+not|unable|impossible)\b[^.]*?"
    r"(?:guarantee|promise|ensure|warrant|completely|100|fully|entirely|absolutely|perfectly)|"
    r"\bno\s+(?:method|system|transmission|measure|website|service)\b",
    re.IGNORECASE,
)


class AbsoluteSecurityClaim(Rule):
    """The notice claims perfect security.

    What it does:
        Flags sentences that promise absolute security: "100% secure", "completely safe",
        "can never be hacked", "we guarantee the security of your data". Sentences that
        disclaim such a promise ("no system is completely secure", "we cannot guarantee...")
        are left alone.

    Why it matters:
        No measure makes data perfectly secure; the law asks for security appropriate to the
        risk (GDPR Art. 32) and for fair, non-misleading information (Art. 5(1)(a), 12(1)).
        Regulators treat overstated security promises as deceptive practices (FTC Act §5, 15
        U.S.C. 45(a); Cal. Bus. & Prof. Code 17500), and the claim becomes evidence against the
        company after a breach.

    Example:
        ```yaml
        security:
          statement: Your data is 100% secure with us.
        ```

    Fix:
        ```yaml
        security:
          statement: >
            We protect your data with encryption in transit and at rest and strict access
            controls. No system is completely secure, and we will tell you of any breach that
            puts you at risk.
        ```
    """

    code = "NG605"
    severity = Severity.WARNING
    citation = "GDPR Art. 5(1)(a), 32; 15 U.S.C. 45(a)"
    hint = "Describe the measures taken instead of promising that nothing can go wrong."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for file, path, text in ctx.prose:
            for _, sentence in sentences(text):
                claim = _CLAIM.search(sentence)
                if claim and not _DISCLAIMER.search(sentence):
                    yield Violation(
                        path,
                        f'"{claim.group(0)}" promises a security no measure can deliver.',
                        file=file,
                        quote=claim.group(0),
                    )
