"""Output formats for a notice's changes, one reporter per format, chosen from one table."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from ..model import Notice, NoticeMeta
from ..model.base import ID_RE
from ..sources.escaping import markdown_code_block, markdown_text, text_line
from . import NoticeDiff, ReportedChange
from .groups import GROUPS
from .policy import ARTICLE
from .wording import Code, Words


def _header(diff: NoticeDiff) -> str:
    return f"{_named(diff.old.notice)} → {_named(diff.new.notice)}"


def _named(meta: NoticeMeta) -> str:
    """How a version is named in the header: a published notice may have no number or date."""
    version = f"version {meta.version}" if meta.version else "unnumbered version"
    return f"{version} (effective {meta.effective or 'date not given'})"


def _count(diff: NoticeDiff) -> str:
    total, material = len(diff.changes), len(diff.material)
    if not total:
        return "No change in the notice's content."
    text = f"{total} change{'s' if total != 1 else ''}, {material} material"
    if material:
        text += f": material changes must be announced to users before they take effect ({ARTICLE})"
    return text + "."


def _grouped(diff: NoticeDiff) -> Iterator[tuple[str, list[ReportedChange]]]:
    for group in GROUPS.values():
        items = [c for c in diff.changes if c.group == group.key]
        if items:
            yield group.heading, items


def render_text(diff: NoticeDiff) -> str:
    lines = [f"Notice changes: {text_line(_header(diff))}", _count(diff)]
    for title, items in _grouped(diff):
        lines += ["", title]
        for change in items:
            mark = "[material] " if change.material else ""
            lines.append(f"  - {mark}{text_line(change.text)}")
            if change.material:
                lines.append(f"    why: {text_line(change.reason)}")
    return "\n".join(lines) + "\n"


_FOLD_AFTER = 20
# A line that starts like a list item, a thematic break or a setext underline.
_MD_LINE_START = re.compile(r"^(\d{0,9})([-+=.)])")


def _md(words: Words | str) -> str:
    """Markdown for words of noticegen's own making: ids as code (an id cannot hold a backtick
    or anything else that could end the span), all other text escaped."""
    parts = Words((words,)) if isinstance(words, str) else words
    markdown = "".join(
        f"`{p.value}`" if isinstance(p, Code) and ID_RE.match(p.value) else markdown_text(str(p))
        for p in parts
    )
    return _MD_LINE_START.sub(r"\1\\\2", markdown)


def render_markdown(diff: NoticeDiff) -> str:
    """For a pull-request comment: the material changes first, then every change by topic,
    folded away when the list is long."""
    lines = ["## Privacy notice changes", "", _md(_header(diff)), "", f"**{_md(_count(diff))}**"]
    if diff.material:
        lines += ["", "### Material changes", ""]
        lines += [
            f"- {GROUPS[c.group].heading}: {_md(c.words)} _({_md(c.reason)})_"
            for c in diff.material
        ]
    fold = len(diff.changes) > _FOLD_AFTER
    if fold:
        lines += ["", f"<details><summary>All {len(diff.changes)} changes, by topic</summary>"]
    for title, items in _grouped(diff):
        lines += ["", f"### {title}", ""]
        for change in items:
            mark = "**Material:** " if change.material else ""
            lines.append(f"- {mark}{_md(change.words)}")
    if fold:
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def render_markdown_refusal(message: str) -> str:
    """For a pull-request comment when the notices cannot be compared: the reason verbatim."""
    return "\n".join(
        ["## Privacy notice changes", "", "noticegen could not compare the notices:", "",
         markdown_code_block(message)]
    ) + "\n"  # fmt: skip


def render_json(diff: NoticeDiff) -> str:
    def side(n: Notice) -> dict[str, str | None]:
        effective = n.notice.effective
        return {
            "id": n.notice.id,
            "version": n.notice.version,
            "effective": effective.isoformat() if effective else None,
        }

    document = {
        "old": side(diff.old),
        "new": side(diff.new),
        "material": bool(diff.material),
        "citation": ARTICLE,
        "summary": {"changes": len(diff.changes), "material": len(diff.material)},
        "changes": [c.to_dict() for c in diff.changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


Reporter = Callable[[NoticeDiff], str]

REPORTERS: dict[str, Reporter] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
}
