from __future__ import annotations

import difflib
from collections.abc import Iterator
from urllib.parse import unquote

from ...context import LintContext
from ..base import Rule, Violation
from ._markdown import notice_anchors, prose_links


class BrokenAnchor(Rule):
    """A link in the prose points to a place in the notice that does not exist.

    What it does:
        Checks every in-page Markdown link (`[text](#id)`) in the notice's and supplements'
        prose against the anchors the published page will have: the fixed section anchors
        (`controller`, `scope`, `data`, `purposes`, `recipients`, `retention`, `rights`,
        `cookies`, `transfers`, `children`, `security`, `changes`, `contact`) and the id of every
        data category, purpose, recipient, cookie, transfer, promise, section, document and
        retention rule. A supplement may also link to its own sections and promises.

    Why it matters:
        A reader who follows "see [how to contact us](#contcat)" lands nowhere and misses
        the information the sentence promised. Information must be easily accessible and
        intelligible (GDPR Art. 12(1)).

    Example:
        ```yaml
        purposes:
          support:
            label: Support
            description: Write to us (see [our contact details](#contcat)).
        ```

    Fix:
        ```yaml
        purposes:
          support:
            label: Support
            description: Write to us (see [our contact details](#contact)).
        ```
    """

    code = "NG102"
    name = "broken-anchor"
    family = "references"
    citation = "GDPR Art. 12(1)"
    hint = "Point the link at an existing id or section anchor, or remove the link."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        anchors = notice_anchors(ctx)
        supplement_anchors = {
            rel: anchors | set(s.sections) | set(s.promises) for rel, s in ctx.supplements
        }
        for link in prose_links(ctx):
            if link.image or not link.href.startswith("#"):
                continue
            target = unquote(link.href[1:])
            known = anchors if link.file is None else supplement_anchors[link.file]
            if target not in known:
                yield Violation(
                    link.path,
                    f"The link to `#{target}` points to nothing: the notice has no section or "
                    "entry with that id, so the reader following it lands nowhere.",
                    hint=_suggestion(target, known),
                    file=link.file,
                    quote=link.href,
                )


def _suggestion(target: str, known: set[str]) -> str:
    close = difflib.get_close_matches(target, sorted(known), n=1)
    if close:
        return f"Did you mean `#{close[0]}`? Otherwise point the link at an existing id."
    return BrokenAnchor.hint
