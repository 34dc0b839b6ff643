from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from .._text import in_link_text
from ..base import Rule, Violation

# What the text calls the document, and the words an entry of `documents` uses for it.
_DOCUMENTS = (
    (
        re.compile(r"\bcookies?\s+(?:policy|notice|statement)\b", re.IGNORECASE),
        ("cookie",),
    ),
    (
        re.compile(
            r"\b(?:terms\s+(?:of\s+(?:service|use)|and\s+conditions)|"
            r"(?:terms|conditions)\s+of\s+(?:sale|business)|user\s+agreement)\b|\bT&Cs?\b",
            re.IGNORECASE,
        ),
        ("terms", "conditions", "agreement", "tos"),
    ),
)


class DanglingDocumentReference(Rule):
    """The text names a cookie policy or terms that the notice does not link to.

    What it does:
        Flags mentions of a cookie policy or notice, terms of service or use, or terms and
        conditions, when no entry under `documents` has a matching id or label and the mention
        is not itself a link.

    Why it matters:
        A layered notice must let people reach every layer it relies on (GDPR Art. 12(1); WP29
        Guidelines on transparency (WP260 rev.01) on layered notices; 11 CCR 7003). A
        document named but never linked is information the reader is told exists and cannot
        find.

    Example:
        ```yaml
        sections:
          retention: {title: Retention, body: We keep data to enforce our terms and conditions.}
        documents: {}
        ```

    Fix:
        ```yaml
        documents:
          terms: {label: Terms and conditions, url: "https://example.com/terms"}
        ```
    """

    code = "NG604"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = "Add the document under `documents` with its URL, or remove the reference."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        known = " ".join(f"{did} {doc.label}".lower() for did, doc in ctx.notice.documents.items())
        missing = [
            (pattern, words) for pattern, words in _DOCUMENTS if not any(w in known for w in words)
        ]
        if not missing:
            return
        for file, path, text in ctx.prose:
            for pattern, _ in missing:
                for match in pattern.finditer(text):
                    if in_link_text(text, match.start()):
                        continue
                    yield Violation(
                        path,
                        f'The text refers to "{match.group(0)}", but the notice does not link '
                        "to that document.",
                        file=file,
                        quote=match.group(0),
                    )
                    break
