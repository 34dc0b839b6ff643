"""The one configured Markdown renderer for prose in a notice.

Raw HTML is shown as text, links survive only with an allowed scheme (http, https, mailto) or
as an in-page anchor, and images are never rendered (their alt text is shown instead), so prose
can neither run script nor make a browser or WeasyPrint fetch anything. An in-page link whose
target is not an anchor of the page is shown as its text (lint's NG102 reports it): it would lead
nowhere, and WeasyPrint refuses to write a PDF with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
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


def _shows_its_target(tokens: Sequence[Token], idx: int) -> bool:
    """Whether the link at `idx` reads as its own address (`<https://...>`, `[a@b.example](mailto:
    a@b.example)`): written left to right whatever the page's direction, so it is isolated."""
    if tokens[idx].markup == "autolink":
        return True
    text = tokens[idx + 1] if idx + 2 < len(tokens) else None
    if text is None or text.type != "text" or tokens[idx + 2].type != "link_close":
        return False
    href = str(tokens[idx].attrGet("href") or "")
    return text.content in (href, href.removeprefix("mailto:"))


def _link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = str(tokens[idx].attrGet("href") or "")
    if href.startswith("#"):
        env.setdefault("targets", set()).add(href[1:])
        anchors = env.get("anchors")
        if anchors is not None and href[1:] not in anchors:
            env["dropping"] = True  # links do not nest, so the next link_close is this one's
            return ""
    opening = self.renderToken(tokens, idx, options, env)
    if _shows_its_target(tokens, idx):
        env["isolating"] = True  # links do not nest, so the next link_close is this one's
        return opening + "<bdi>"
    return opening


def _link_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    if env.pop("dropping", False):
        return ""
    closing = self.renderToken(tokens, idx, options, env)
    return "</bdi>" + closing if env.pop("isolating", False) else closing


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = is_safe_link  # type: ignore[method-assign]
    md.add_render_rule("image", _image_as_alt_text)
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
    return md


MAX_EMPHASIS = 100
"""Emphasis elements (`*`, `**`, `~~`) one paragraph or table cell may hold; the markers of any
more are shown as text. Thousands of them with no space between (`**_**_...`) make one
unbreakable run of inline boxes that WeasyPrint lays out in quadratic time."""
_EMPHASIS = {"em_open": "em_close", "strong_open": "strong_close", "s_open": "s_close"}
_EMPHASIS_CLOSE = set(_EMPHASIS.values())


def _cap_emphasis(tokens: list[Token]) -> None:
    """Past MAX_EMPHASIS elements in an inline run, the emphasis markers become text."""
    for token in tokens:
        if token.type == "inline" and token.children:
            _cap_inline(token.children)


def _cap_inline(children: list[Token]) -> None:
    count = 0
    opened_as_text: list[bool] = []  # markdown-it nests emphasis properly: one stack will do
    for child in children:
        if child.type in _EMPHASIS:
            count += 1
            demote = count > MAX_EMPHASIS
            opened_as_text.append(demote)
        elif child.type in _EMPHASIS_CLOSE and opened_as_text:
            demote = opened_as_text.pop()
        else:
            continue
        if demote:
            child.type, child.tag, child.nesting, child.content = "text", "", 0, child.markup


def _shift_headings(tokens: list[Token], top_level: int) -> None:
    """Prose headings start at `top_level` so that the page keeps one h1 and a sound outline."""
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            level = int(token.tag[1]) + top_level - 1
            token.tag = f"h{min(level, 6)}"


def render(
    text: str,
    top_level: int = 3,
    *,
    anchors: Collection[str] | None = None,
    targets: set[str] | None = None,
) -> str:
    """HTML for a Markdown prose value (not yet marked safe: the caller wraps it).

    With `anchors`, an in-page link to any other target is shown as plain text. The targets of
    the in-page links are added to `targets` when it is given.
    """

    def blocks(md: MarkdownIt, env: dict[str, Any]) -> list[Token]:
        tokens = md.parse(text, env)
        _shift_headings(tokens, top_level)
        _cap_emphasis(tokens)
        return tokens

    return _render(blocks, anchors, targets)


def render_inline(
    text: str, *, anchors: Collection[str] | None = None, targets: set[str] | None = None
) -> str:
    """HTML for a short prose value shown inside a sentence or a table cell."""

    def inline(md: MarkdownIt, env: dict[str, Any]) -> list[Token]:
        tokens = md.parseInline(text, env)
        _cap_emphasis(tokens)
        return tokens

    return _render(inline, anchors, targets)


def _render(
    parse: Callable[[MarkdownIt, dict[str, Any]], list[Token]],
    anchors: Collection[str] | None,
    targets: set[str] | None,
) -> str:
    md = markdown()
    env: dict[str, Any] = {"anchors": anchors}
    result = md.renderer.render(parse(md, env), md.options, env)
    if targets is not None:
        targets.update(env.get("targets", ()))
    return result
