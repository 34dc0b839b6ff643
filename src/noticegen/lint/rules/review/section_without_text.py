from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ...context import LintContext
from ..base import Rule, Violation


class SectionWithoutText(Rule):
    """A section of the notice or a supplement has a title but no text.

    What it does:
        Flags every entry of `sections`, in the notice or a supplement, whose `body` is empty or
        only blanks.

    Why it matters:
        A heading with nothing under it tells the reader nothing, so the page leaves such a
        section out, contents list included: what the author meant to say there is missing.

    Example:
        ```yaml
        sections:
          children:
            title: Children
            body: ""
        ```

    Fix:
        ```yaml
        sections:
          children:
            title: Children
            body: Our services are not meant for children under 16.
        ```
    """

    code = "NG806"
    severity = Severity.WARNING
    hint = "Write the section's text in `body`, or delete the section."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        documents = [(None, ctx.notice.sections), *((f, s.sections) for f, s in ctx.supplements)]
        for file, sections in documents:
            for sid, section in sections.items():
                if not section.body.strip():
                    yield Violation(
                        ("sections", sid, "body"),
                        f"The section `{sid}` ({section.title}) has no text: the page leaves "
                        "it out.",
                        file=file,
                    )
