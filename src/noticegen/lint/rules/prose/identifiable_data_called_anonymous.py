from __future__ import annotations

import re
from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from .._text import is_heading, listed, sentences
from ..base import Rule, Violation
from ..contradictions._statements import QUALIFIER, DataVocabulary

_CLAIM = re.compile(
    r"\b(?:anonymous(?:ly)?|non-?personal|not\s+personal(?:ly)?(?:\s+identifiable)?|"
    r"without\s+identifying|(?:does|do|will|can)\s*(?:not|n't)\s+identify|cannot\s+identify)\b",
    re.IGNORECASE,
)


class IdentifiableDataCalledAnonymous(Rule):
    """The text presents data the notice declares as personal data as anonymous or not
    identifying.

    What it does:
        Finds sentences that call data "anonymous", "non-personal" or say it is collected
        "without identifying" anyone, and that name a declared data category ("IP address"
        names `device.ip_address`). A sentence about anonymous statistics that names no
        declared category is left alone, and so is one that says the data is anonymised. A
        qualified sentence ("unless you sign in", "without giving us your email address") is
        left alone too, as is a clause after a semicolon with no such claim: both contrast the
        data with what stays anonymous rather than call it anonymous.

    Why it matters:
        Data that identifies a person directly or indirectly, including by an online
        identifier such as an IP address or a cookie ID, is personal data (GDPR Art. 4(1),
        Recital 30; CJEU C-582/14 Breyer; Cal. Civ. Code 1798.140(v)(1)(A); LGPD Art. 5(I)).
        Calling it anonymous tells readers their rights do not apply to it, while the notice
        itself lists it as personal data (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          logs:
            title: Logs
            body: We collect your IP address without identifying any other individual information.
        data:
          device.ip_address: {label: IP address, source: observed}
        ```

    Fix:
        ```yaml
        sections:
          logs:
            title: Logs
            body: We record your IP address, which is personal data, to keep our servers secure.
        ```
    """

    code = "NG608"
    severity = Severity.WARNING
    citation = "GDPR Art. 4(1), Recital 30; Cal. Civ. Code 1798.140(v)(1)(A); LGPD Art. 5(I)"
    hint = "Treat the data as personal data in the text, or stop declaring it as collected."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        vocabulary: DataVocabulary | None = None
        for file, path, text in ctx.prose:
            if is_heading(path) or not _CLAIM.search(text):
                continue
            for _, sentence in sentences(text):
                for clause in sentence.split(";"):
                    claim = _CLAIM.search(clause)
                    # "anonymous ... unless you sign in", "anonymously, without giving us your
                    # email": a qualified claim contrasts the data with what stays anonymous.
                    if claim is None or QUALIFIER.search(_CLAIM.sub(" ", clause)):
                        continue
                    vocabulary = vocabulary or DataVocabulary(ctx)
                    named = vocabulary.data_named(clause, specific_only=True)
                    if named:
                        yield Violation(
                            path,
                            f'The text says "{claim.group(0)}" in a sentence about '
                            f"{listed(named, limit=5)}, which the notice declares as personal "
                            "data.",
                            file=file,
                            quote=claim.group(0),
                        )
