"""Links and images in the notice's prose, as markdown-it-py sees them, and the anchors the
published pages will have.

The anchors come from the renderer's own assignment (`render.view`, a light module that imports
neither Jinja2 nor WeasyPrint), so lint and the published page cannot disagree about them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ....model import Supplement
from ....model.sections import RESERVED_ANCHORS, assign_anchors, entries
from ...context import PathT

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ...context import LintContext


class ProseLink(NamedTuple):
    file: str | None
    path: PathT
    href: str
    image: bool


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # Imported here so that loading the rule registry stays cheap.
    from markdown_it import MarkdownIt

    class SeeEveryLink(MarkdownIt):
        # The default validator silently turns `javascript:` links into text; lint must see
        # every link the author wrote, so accept all and let the rules judge them.
        def validateLink(self, url: str) -> bool:
            return True

    return SeeEveryLink("commonmark", {"html": False})


def prose_links(ctx: LintContext) -> Iterator[ProseLink]:
    """Every link and image written in a prose value of the notice or a supplement."""
    for file, path, text in ctx.prose:
        if "](" not in text and "]:" not in text and "<" not in text:
            continue  # no inline, reference or autolink syntax: nothing to parse
        for block in _parser().parse(text):
            for token in block.children or ():
                if token.type == "link_open":
                    yield ProseLink(file, path, str(token.attrGet("href") or ""), image=False)
                elif token.type == "image":
                    yield ProseLink(file, path, str(token.attrGet("src") or ""), image=True)


def entity_ids(ctx: LintContext) -> Iterator[tuple[str, str, PathT]]:
    """Every id the published notice turns into an anchor, as (kind, id, where it is defined),
    in the order the renderer assigns anchors: an id already taken is published as
    `<kind>-<id>`."""
    for entry_kind, key, path in entries(ctx.notice):
        yield entry_kind.kind, key, path


def notice_anchors(ctx: LintContext) -> set[str]:
    """Anchors of the main notice's page."""
    return set(RESERVED_ANCHORS) | set(assign_anchors(ctx.notice).values())


def supplement_anchors(supplement: Supplement) -> set[str]:
    """Anchors of a supplement's own page (the main notice's entries are on another page)."""

    def own(prefix: str, key: str) -> str:
        return f"{prefix}-{key}" if key in RESERVED_ANCHORS else key

    return (
        set(RESERVED_ANCHORS)
        | {own("section", key) for key in supplement.sections}
        | {own("promise", key) for key in supplement.promises}
        | {str(right) for right in supplement.rights}
    )
