"""Small text helpers the prose rules share: sentences and Markdown link spans."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ...context import LintContext, PathT

# Fields holding ids, codes, addresses or names rather than sentences.
NOT_PROSE = frozenset(
    {"id", "version", "language", "languages", "email", "phone", "url", "website", "value",
     "duration", "period", "name", "source_name", "destination", "countries", "data",
     "purposes", "recipients", "purpose", "settings_url", "opt_out_link", "limit_link",
     "metrics_url", "postal_code", "country", "street", "locality", "region", "registration",
     "legal_name", "kind", "provider"}
)  # fmt: skip

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence (or line) of `text` with its offset; Markdown lines break sentences."""
    for match in _SENTENCE.finditer(text):
        yield match.start(), match.group(0)


def in_link_text(text: str, position: int) -> bool:
    """Whether `position` falls inside the text of a Markdown link `[...](...)`."""
    return any(m.start(1) <= position < m.end(1) for m in _LINK.finditer(text))


def is_heading(path: tuple[str | int, ...]) -> bool:
    return bool(path) and path[-1] in ("title", "label")


_LAST: list[tuple[LintContext, list[tuple[str | None, PathT, str]]]] = []


def all_prose(ctx: LintContext) -> list[tuple[str | None, PathT, str]]:
    """Every free-text value of the notice and its supplements: (file, path, text).

    Like `LintContext.prose()`, but it also walks the `data`, `purposes` and `recipients`
    mappings, which `prose()` skips because their names double as id-list fields (the
    descriptions of purposes are where most contradictions live). Id lists, ids and addresses
    are still left out.
    """
    # Several rules read it per run: keep the walk of the last notice linted.
    last = _LAST[-1] if _LAST else None  # one read: another thread may replace it
    if last is not None and last[0] is ctx:
        return last[1]
    texts: list[tuple[str | None, PathT, str]] = [
        (None, path, text) for path, text in _strings(ctx.notice, ())
    ]
    for rel, supplement in ctx.supplements:
        texts += [(rel, path, text) for path, text in _strings(supplement, ())]
    _LAST[:] = [(ctx, texts)]
    return texts


def _strings(node: Any, path: PathT) -> Iterator[tuple[PathT, str]]:
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name not in NOT_PROSE or isinstance(value, dict):
                yield from _strings(value, (*path, name))
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))
    elif isinstance(node, str) and not isinstance(node, enum.Enum):
        yield path, node
