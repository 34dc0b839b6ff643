from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ._catalogs import describe_blocks, language_catalogs, markdown_shape
from ._common import at_line


class MarkdownMismatch(Rule):
    """A translation's links or Markdown structure differ from the source text.

    What it does:
        Compares each translated entry with its source text as Markdown: the link and image
        targets must be the same, and so must the headings, lists, list items, quotes and code
        blocks.

    Why it matters:
        A dropped link hides from readers in that language where to object, withdraw consent
        or read a policy the notice points to; a changed target sends them elsewhere. Every
        language version must carry the same content (11 CCR 7003; GDPR Art. 12(1)).

    Example:
        ```po
        msgctxt "consent_withdrawal.how"
        msgid "Write to [our privacy team](mailto:privacy@example.com)."
        msgstr "Écrivez à notre équipe chargée de la protection des données."
        ```

    Fix:
        ```po
        msgctxt "consent_withdrawal.how"
        msgid "Write to [our privacy team](mailto:privacy@example.com)."
        msgstr "Écrivez à [notre équipe](mailto:privacy@example.com)."
        ```
    """

    code = "NG708"
    citation = "GDPR Art. 12(1); 11 CCR 7003"
    hint = "Keep every link target and the list and heading structure of the source text."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for catalog in language_catalogs(ctx):
            for state in catalog.states:
                if state.state != "translated" or state.message is None:
                    continue
                source = markdown_shape(state.entry.text)
                translation = markdown_shape(str(state.message.string))
                line = state.message.lineno or 1
                context = state.entry.context
                if source.links != translation.links:
                    missing = sorted((source.links - translation.links).elements())
                    added = sorted((translation.links - source.links).elements())
                    detail = "; ".join(
                        part
                        for part in (
                            f"drops {', '.join(missing)}" if missing else "",
                            f"adds {', '.join(added)}" if added else "",
                        )
                        if part
                    )
                    yield at_line(
                        catalog.file,
                        line,
                        f"The {catalog.lang} translation of `{context}` has other links than "
                        f"the source: it {detail}.",
                    )
                if source.blocks != translation.blocks:
                    yield at_line(
                        catalog.file,
                        line,
                        f"The {catalog.lang} translation of `{context}` has other Markdown "
                        f"structure than the source ({describe_blocks(translation.blocks)} "
                        f"instead of {describe_blocks(source.blocks)}).",
                    )
