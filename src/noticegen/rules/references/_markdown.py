"""Links and images in the notice's prose, as markdown-it-py sees them, and the anchors the
published page will have."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...context import _NOT_PROSE, PathT

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ...context import LintContext

FIXED_ANCHORS = frozenset(
    {
        "controller", "scope", "data", "purposes", "recipients", "retention", "rights",
        "cookies", "transfers", "children", "security", "changes", "contact",
    }
)  # fmt: skip
"""Section anchors every published notice has, whatever its ids."""


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


def entity_ids(ctx: LintContext) -> Iterator[tuple[str, PathT]]:
    """Every id the published notice turns into an anchor, with where it is defined."""
    n = ctx.notice
    for kind in ("data", "purposes", "recipients", "cookies", "transfers", "promises",
                 "sections", "documents"):  # fmt: skip
        for key in getattr(n, kind):
            yield key, (kind, key)
    for i, rule in enumerate(n.retention):
        yield rule.id, ("retention", i, "id")


def notice_anchors(ctx: LintContext) -> set[str]:
    return set(FIXED_ANCHORS) | {anchor for anchor, _ in entity_ids(ctx)}


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
