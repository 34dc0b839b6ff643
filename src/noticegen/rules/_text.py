"""Small text helpers the rules share: sentences, Markdown link spans, lists of ids in messages
and company names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# A sentence starts only where a run of sentence characters starts (the lookbehind): without
# it, a line that ends without punctuation was retried from each of its characters, quadratic
# in its length. The matches are the same.
_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]+(?:[.!?]+|$)")
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


def listed(ids: Iterable[str], limit: int | None = 3) -> str:
    """Ids as a message names them: `a`, `b`, `c` and 4 more (all of them if `limit` is None)."""
    ids = list(ids)
    shown = ids if limit is None else ids[:limit]
    more = len(ids) - len(shown)
    return ", ".join(f"`{i}`" for i in shown) + (f" and {more} more" if more else "")
