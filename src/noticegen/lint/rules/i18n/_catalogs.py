"""What the i18n lint rules read: each published language's catalog, what it must translate,
and how a translation's Markdown compares with the source's."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ....i18n.catalogs import (
    Declared,
    EntryState,
    SourceEntries,
    declared_languages,
    entries_for,
    entry_states,
    translation_languages,
)
from ....i18n.notice import LOCALES_DIR, Entry, catalog_path
from ....i18n.pofile import PoFile, read_catalog

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

    from ...context import LintContext


@dataclass(frozen=True)
class LanguageCatalog:
    lang: str
    file: str
    """The catalog's path relative to the notice folder, e.g. `locales/fr.po`."""
    po: PoFile | None
    """None when the catalog does not exist."""
    entries: list[Entry]
    declared: Declared | None
    """Where the language is first listed."""

    @cached_property
    def states(self) -> list[EntryState]:
        """The state of each wanted entry; empty when the catalog is missing or unreadable."""
        if self.po is None or self.po.catalog is None:
            return []
        return entry_states(self.po, self.entries)


def language_catalogs(ctx: LintContext) -> list[LanguageCatalog]:
    """Every language the notice or a supplement is published in, other than the source;
    read once per lint for all the i18n rules."""
    return ctx.once("language catalogs", lambda: _read_language_catalogs(ctx))


def _read_language_catalogs(ctx: LintContext) -> list[LanguageCatalog]:
    declared = declared_languages(ctx.notice, ctx.supplements)
    source = SourceEntries.of(ctx.notice, ctx.supplements)
    found = []
    for lang in translation_languages(ctx.notice, ctx.supplements):
        path = catalog_path(ctx.root, lang)
        found.append(
            LanguageCatalog(
                lang=lang,
                file=f"{LOCALES_DIR}/{lang}.po",
                po=read_catalog(path, lang, ctx.root) if path.is_file() else None,
                entries=entries_for(ctx.notice, ctx.supplements, lang, source),
                declared=next((d for d in declared if d.tag == lang), None),
            )
        )
    return found


class MarkdownShape(NamedTuple):
    blocks: tuple[str, ...]
    """Headings, lists, quotes and code blocks, in order."""
    links: Counter[str]
    """Link and image targets, with how often each occurs."""
    html: tuple[str, ...]
    """Raw HTML written in the text."""


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # HTML on, to see raw HTML as tokens; every link scheme accepted, to compare what was written.
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


_BLOCKS = {"heading_open", "bullet_list_open", "ordered_list_open", "list_item_open",
           "blockquote_open", "fence", "code_block", "hr", "table_open"}  # fmt: skip


_NO_SHAPE = MarkdownShape((), Counter(), ())
_INLINE_MARKUP = ("[", "<")
"""What can start a link, an image, an autolink or raw HTML."""
_LINE_BREAK = re.compile(r"\r\n?|\n")
"""Markdown's line breaks only (str.splitlines also breaks at \f, \x85, \u2028...)."""
_BLOCK_MARKS = frozenset("#>`~0123456789\t")
"""First characters that may open a heading, quote, fence or numbered list."""


def _is_plain(text: str) -> bool:
    """True when `text` cannot contain a link, raw HTML or a block other than a paragraph, so
    parsing it would find nothing. Emphasis does not count: the shape ignores it."""
    if any(mark in text for mark in _INLINE_MARKUP):
        return False
    for line in _LINE_BREAK.split(text):
        content = line.lstrip(" ")
        if content and (len(line) - len(content) >= 4 or _may_open_block(content)):
            return False
    return True


def _may_open_block(content: str) -> bool:
    first = content[0]
    if first in "*-+" and content[1:2] in ("", " ", "\t"):
        return True  # a bulleted list item
    if first in "*-_=" and not content.strip(first + " \t"):
        return True  # a thematic break or a heading's underline
    return first in _BLOCK_MARKS


@lru_cache(maxsize=4096)
def markdown_shape(text: str) -> MarkdownShape:
    return _NO_SHAPE if _is_plain(text) else parsed_shape(text)


def parsed_shape(text: str) -> MarkdownShape:
    blocks: list[str] = []
    links: Counter[str] = Counter()
    html: list[str] = []
    for token in _parser().parse(text):
        if token.type in _BLOCKS:
            level = token.tag[1:] if token.type == "heading_open" else ""
            blocks.append(token.type.removesuffix("_open") + level)
        elif token.type == "html_block":
            html.append(token.content.strip())
        for child in token.children or []:
            if child.type == "link_open":
                links[str(child.attrGet("href"))] += 1
            elif child.type == "image":
                links[str(child.attrGet("src"))] += 1
            elif child.type == "html_inline":
                html.append(child.content.strip())
    return MarkdownShape(tuple(blocks), links, tuple(html))


def describe_blocks(blocks: tuple[str, ...]) -> str:
    names = {"heading": "heading", "bullet_list": "bulleted list", "ordered_list": "numbered list",
             "list_item": "list item", "blockquote": "quote", "fence": "code block",
             "code_block": "code block", "hr": "rule", "table": "table"}  # fmt: skip
    counts = Counter(names.get(_kind(b), b) for b in blocks)
    return ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in counts.items()) or "none"


def _kind(block: str) -> str:
    return "heading" if block.startswith("heading") else block
