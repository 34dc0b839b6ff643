from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from ...context import LintContext
from ..base import Rule, Violation
from ._markdown import ProseLink, prose_links

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers ignore ASCII control characters and spaces inside a URL ("java\tscript:").
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")


class UnsafeLink(Rule):
    """A link or image in the prose uses an address the published notice must not contain.

    What it does:
        Checks every Markdown link and image in the notice's and supplements' prose. Links may
        only use `https:`, `http:`, `mailto:` or an in-page anchor (`#id`). Flagged: script
        and file addresses (`javascript:`, `vbscript:`, `data:`, `file:`), protocol-relative
        addresses (`//host/...`), other schemes, and relative paths (which the published page
        drops). Images may not point to any remote address, a `file:` address or a path outside
        the notice folder: the published notice fetches nothing from elsewhere.

    Why it matters:
        A `javascript:` link runs code in the reader's browser; a remote image tells a third
        party who reads the notice, which is itself processing the notice never disclosed (GDPR
        Art. 5(1)(a), ePrivacy Art. 5(3)); a `file:` image can leak files of the machine that
        builds the PDF. noticegen's own pages drop such links and show images as their alt
        text, so the sentence around them may no longer make sense; other tools that display
        the text (the JSON export, translation tools) may not be as careful.

    Example:
        ```yaml
        sections:
          more:
            title: More
            body: "[Click here](javascript:alert(1)) ![logo](https://tracker.example.com/p.png)"
        ```

    Fix:
        ```yaml
        sections:
          more:
            title: More
            body: "[Read our terms](https://www.example.com/terms)"
        ```
    """

    code = "NG103"
    citation = "GDPR Art. 5(1)(a), 32(1); ePrivacy Directive Art. 5(3)"
    hint = "Use an https, http or mailto address or an in-page `#id`; do not embed remote images."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for link in prose_links(ctx):
            problem = _image_problem(link) if link.image else _link_problem(link)
            if problem:
                kind = "image" if link.image else "link"
                yield Violation(
                    link.path,
                    f"Unsafe {kind} `{_shown(link.href)}`: {problem}",
                    file=link.file,
                    quote=link.href or None,
                )


def _normalised(href: str) -> str:
    return _IGNORED_BY_BROWSERS.sub("", unquote(href)).lower()


def _link_problem(link: ProseLink) -> str | None:
    href = _normalised(link.href)
    if href.startswith("#"):
        return None
    if href.startswith(("//", "\\\\")):
        return "a protocol-relative address, whose scheme depends on the page it is read on."
    match = _SCHEME.match(href)
    if match is None:
        return (
            "a relative address; the published notice keeps only https, http, mailto and "
            "in-page links, so this one is removed."
        )
    scheme = match.group(1)
    if scheme in SAFE_LINK_SCHEMES:
        return None
    if scheme in {"javascript", "vbscript", "data"}:
        return f"a `{scheme}:` address can run code in the reader's browser."
    if scheme == "file":
        return "a `file:` address points into the reader's own computer."
    return f"the `{scheme}:` scheme is not allowed; only https, http, mailto and in-page links are."


def _image_problem(link: ProseLink) -> str | None:
    src = _normalised(link.href)
    match = _SCHEME.match(src)
    if src.startswith(("//", "\\\\")) or (match and match.group(1) in {"http", "https"}):
        return (
            "wherever the text is displayed, a remote image is fetched from another server, "
            "telling that server who reads the notice (the published page shows only its alt "
            "text)."
        )
    if match is not None:
        return f"images with a `{match.group(1)}:` address are not allowed in the notice."
    if src.startswith("/") or ".." in src.split("/"):
        return "the image lies outside the notice folder."
    return None


def _shown(href: str) -> str:
    return href if len(href) <= 60 else href[:57] + "..."
