from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from .._text import sentences
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
            # an optional clause or an alternative sentence left in its brackets
            # (the lookahead bounds the work per bracket; word and space classes do not overlap)
            r"\[(?:[A-Z]|,\s*|(?:and|or|if|where|including|unless)\s)(?=[^\]\n]{0,300}\])"
            r"(?:[^\]\s]*\s+){3}[^\]\n]*\]" + _NOT_A_LINK,
            # the vendor's instructions or licence note
            r"(?i:\b(?:note|instructions?|drafting\s+note)\s+(?:to|for)\s+(?:the\s+)?"
            r"(?:drafter|editor|user|author)s?\b)",
            r"(?i:\b(?:delete|remove|replace|edit|customi[sz]e|adapt)\s+(?:this|the\s+following)"
            r"\s+(?:section|paragraph|sentence|text|note|clause|template)\b)",
            r"(?i:\b(?:this|the)\s+(?:privacy\s+(?:policy|notice)\s+)?template\s+(?:is|was|may)\b)",
            r"(?i:\b(?:generated|created)\s+(?:by|with|using)\s+(?:the\s+)?[\w.-]+(?:\s+[\w.-]+)?"
            r"\s+(?:privacy\s+)?(?:policy\s+)?(?:generator|template)\b)",
        ]
    )
)
# A sentence this long said twice is a paste, not an emphasis.
_REPEATED_WORDS = 8
_WORDS = re.compile(r"\w+")


class TemplateLeftover(Rule):
    """Template text was left in the notice.

    What it does:
        Finds leftovers of a template or a draft in any text of the notice and its
        supplements: `TODO`, `TBD`, `FIXME`, `XXX`, "lorem ipsum", placeholders in brackets
        (`[Company Name]`, `[DATE]`, `[insert address]`), bracketed alternatives (`[he/she]`,
        `[our/the]`) and bracketed sentences or optional clauses ("[IP addresses are tied to
        your account.]", "[, and with our partners]"), `<insert ...>`, `{{ ... }}`, a template
        vendor's instructions or licence note ("delete this paragraph", "created with the X
        policy generator"), and a sentence of eight words or more said twice in one text.
        Markdown links are not flagged.

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
                    quote=leftover.splitlines()[0],
                )
            # Within one text only: structured fields repeat a sentence on purpose (the same
            # consequence for two kinds of data, the same safeguard for two transfers).
            seen: set[tuple[str, ...]] = set()
            for _, sentence in sentences(text):
                words = tuple(w.casefold() for w in _WORDS.findall(sentence))
                if len(words) < _REPEATED_WORDS:
                    continue
                if words in seen:
                    quote = sentence.strip().splitlines()[0][:60].strip()
                    yield Violation(
                        path,
                        f'The sentence "{quote}" is said twice.',
                        file=file,
                        quote=quote,
                    )
                seen.add(words)
