from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_NOT_A_LINK = r"(?![(\[:])"
LEFTOVERS = re.compile(
    "|".join(
        [
            r"\b(?:TODO(?!\(noticegen\))|TBD|TBC|FIXME)\b",  # NG804 owns `TODO(noticegen)`
            r"\bX{3,}\b",
            r"\[[Xx]{2,}\]",
            r"(?i:\blorem ipsum\b)",
            r"\[[A-Z][A-Z0-9 _-]{2,}\]" + _NOT_A_LINK,
            r"(?i:\[(?:company|business|organi[sz]ation|client|your|insert|enter|name|date|"
            r"address|email|e-mail|phone|country|state|website|url|contact|controller)"
            r"\b[^\]\n]{0,40}\])" + _NOT_A_LINK,
            r"\[[^\]\n/]{1,30}(?:/[^\]\n/]{1,30})+\]" + _NOT_A_LINK,
            r"(?i:<\s*(?:insert|enter|add|company|name|date)\b[^>\n]*>)",
            r"\{\{[^}\n]*\}\}",
        ]
    )
)


class TemplateLeftover(Rule):
    """Template text was left in the notice.

    What it does:
        Finds leftovers of a template or a draft in any text of the notice and its
        supplements: `TODO`, `TBD`, `FIXME`, `XXX`, "lorem ipsum", placeholders in brackets
        (`[Company Name]`, `[DATE]`, `[insert address]`), bracketed alternatives (`[he/she]`,
        `[our/the]`), `<insert ...>` and `{{ ... }}`. Markdown links are not flagged.

    Why it matters:
        Information must be given in a concise, transparent and intelligible form (GDPR Art.
        12(1); 11 CCR 7003(a)-(b)). A placeholder is a sentence
        that says nothing, or says it about nobody, and shows readers the notice was never
        finished.

    Example:
        ```yaml
        sections:
          intro: {title: About us, body: "[Company Name] is responsible for your data."}
        ```

    Fix:
        ```yaml
        sections:
          intro: {title: About us, body: "Example Ltd is responsible for your data."}
        ```
    """

    code = "NG601"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = "Replace the placeholder with the real text, or choose one of the alternatives."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for file, path, text in ctx.prose:
            for leftover in dict.fromkeys(m.group(0) for m in LEFTOVERS.finditer(text)):
                yield Violation(
                    path,
                    f'Template text left in the notice: "{leftover}".',
                    file=file,
                    quote=leftover,
                )
