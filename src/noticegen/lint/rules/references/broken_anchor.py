from __future__ import annotations

import difflib
from collections.abc import Iterator
from urllib.parse import unquote

from ...context import LintContext
from ..base import Rule, Violation
from ._markdown import notice_anchors, prose_links, supplement_anchors


class BrokenAnchor(Rule):
    """A link in the prose points to a place in the notice that does not exist.

    What it does:
        Checks every in-page Markdown link (`[text](#id)`) in the prose against the anchors the
        published page will have. On the main notice's page: its section anchors
        (`controller`, `contact`, `data`, `purposes`, `recipients`, `retention`, `rights`,
        `cookies`, `transfers`, `children`, `security`, `changes`, ...) and every entry's id
        (data, purposes, recipients, transfers, retention rules, rights, cookies, promises,
        sections, documents; an id that is taken is published as `<kind>-<id>`, e.g.
        `purpose-security`). A supplement is a page of its own: its prose may link to its own
        sections, promises and rights, and to the main notice only by its full address.

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
    citation = "GDPR Art. 12(1)"
    hint = "Point the link at an existing id or section anchor, or remove the link."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        notice_url = ctx.notice.notice.url or "https://<address of the notice>"
        anchors: dict[str | None, set[str]] = {None: notice_anchors(ctx)}
        anchors.update((rel, supplement_anchors(s)) for rel, s in ctx.supplements)
        for link in prose_links(ctx):
            if link.image or not link.href.startswith("#"):
                continue
            target = unquote(link.href[1:])
            known = anchors[link.file]
            if target in known:
                continue
            if link.file is not None and target in anchors[None]:
                yield Violation(
                    link.path,
                    f"The link to `#{target}` points into the main notice, but a supplement is "
                    "published as a page of its own, where that anchor does not exist.",
                    hint=f"Link to the main notice with its full address: `{notice_url}#{target}`.",
                    file=link.file,
                    quote=link.href,
                )
            else:
                yield Violation(
                    link.path,
                    f"The link to `#{target}` points to nothing: the page has no section or "
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
