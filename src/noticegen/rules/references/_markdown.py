"""Links and images in the notice's prose, as markdown-it-py sees them, and the anchors the
published pages will have.

The anchors come from the renderer's own assignment (`render.view`, a light module that imports
neither Jinja2 nor WeasyPrint), so lint and the published page cannot disagree about them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...context import _NOT_PROSE, PathT
from ...model import Supplement
from ...render.view import RESERVED_ANCHORS, assign_anchors

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ...context import LintContext


@dataclass(frozen=True)
class ProseLink:
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
    texts: list[tuple[str | None, PathT, str]] = [
        (None, path, text) for path, text in _strings(ctx.notice, ())
    ]
    for rel, supplement in ctx.supplements:
        texts += [(rel, path, text) for path, text in _strings(supplement, ())]
    for file, path, text in texts:
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
    n = ctx.notice
    for key in n.data:
        yield "data", key, ("data", key)
    for kind, field in (("purpose", "purposes"), ("recipient", "recipients"),
                        ("transfer", "transfers")):  # fmt: skip
        for key in getattr(n, field):
            yield kind, key, (field, key)
    for i, rule in enumerate(n.retention):
        yield "retention", rule.id, ("retention", i, "id")
    for right in n.rights:
        yield "right", str(right), ("rights", str(right))
    for kind, field in (("cookie", "cookies"), ("promise", "promises"), ("section", "sections"),
                        ("document", "documents")):  # fmt: skip
        for key in getattr(n, field):
            yield kind, key, (field, key)


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


def _strings(node: Any, path: PathT) -> Iterator[tuple[PathT, str]]:
    """Every string value under `node` except ids, addresses and other non-prose fields.

    `LintContext.prose()` skips fields by name, which also skips the `data` and `purposes`
    mappings of the notice itself; here a field is skipped only when it holds plain values.
    """
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name in _NOT_PROSE and not isinstance(value, dict):
                continue
            yield from _strings(value, (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))
    elif isinstance(node, str) and not isinstance(node, enum.Enum):
        yield path, node
