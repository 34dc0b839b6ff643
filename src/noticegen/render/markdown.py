"""The one configured Markdown renderer for prose in a notice.

Raw HTML is shown as text, links survive only with an allowed scheme (http, https, mailto) or
as an in-page anchor, and images are never rendered (their alt text is shown instead), so prose
can neither run script nor make a browser or WeasyPrint fetch anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_SAFE_SCHEME = re.compile(r"^(https?://[^/\s]|mailto:[^\s])", re.IGNORECASE)
_ANCHOR = re.compile(r"^#[A-Za-z][\w.:-]*$")


def is_safe_link(url: str) -> bool:
    """True for http(s) and mailto links and in-page anchors; everything else is refused."""
    url = url.strip()
    return bool(_SAFE_SCHEME.match(url) or _ANCHOR.match(url))


def _image_as_alt_text(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # An image could make the reader's browser or WeasyPrint fetch a URL: show its text instead.
    token = tokens[idx]
    return self.renderInline(token.children or [], options, env)


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_alt_text)
    return md


def _shift_headings(tokens: list[Token], top_level: int) -> None:
    """Prose headings start at `top_level` so that the page keeps one h1 and a sound outline."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + top_level - 1
            token.tag = f"h{min(level, 6)}"


def render(text: str, top_level: int = 3) -> str:
    """HTML for a Markdown prose value (not yet marked safe: the caller wraps it)."""
    md = markdown()
    env: dict[str, Any] = {}
    tokens = md.parse(text, env)
    _shift_headings(tokens, top_level)
    return md.renderer.render(tokens, md.options, env)


def render_inline(text: str) -> str:
    """HTML for a short prose value shown inside a sentence or a table cell."""
    return markdown().renderInline(text)
