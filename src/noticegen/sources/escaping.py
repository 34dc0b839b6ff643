"""Text from a notice, a file name or a git tree, written to each output channel so that it can
only ever be read as text there: one function per channel, used wherever that channel is
written.

- `text_line`: a line of plain output (a terminal, a CI log, an error message);
- `github_data`, `github_property`: a GitHub Actions workflow command's message and properties;
- `markdown_text`, `markdown_code_block`: a pull-request comment.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional controls reorder what a reader sees ("Trojan Source"); the others break lines.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS


def text_line(value: str) -> str:
    """`value` with every control character, line or paragraph separator and bidirectional
    control shown as an escape (`\\n`, `\\x1b`, `\\u202e`): it stays on its line, so it cannot
    start a workflow command in a CI log, and cannot move a terminal's cursor."""
    return "".join(_shown(c) if _is_control(c) else c for c in value)


def github_data(value: str) -> str:
    """The message of a workflow command, escaped as the Actions toolkit does (its line breaks
    are shown as line breaks in the annotation); other control characters as in `text_line`."""
    return text_line(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(value: str) -> str:
    """A property value (`file=`, `title=`) of a workflow command."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


# Characters that start or build Markdown (and GitHub's extensions: ~ strikes, | makes tables)
# inline or at the start of a line: with these escaped, the rest can only be plain text.
_MD_SIGNIFICANT = re.compile(r"([\\`*_\[\]!<>&|~#])")
# GitHub links these on its own, escaped or not: a zero-width space breaks them.
_MD_AUTOLINKED = re.compile(r"(?i)(@|#|://|www\.)")


def markdown_text(text: str) -> str:
    """Text as Markdown that shows exactly these characters: one line, nothing interpreted,
    no @mention, issue reference or bare link."""
    line = text_line(re.sub(r"\s+", " ", text))
    line = _MD_AUTOLINKED.sub(lambda m: m.group(1)[0] + "\u200b" + m.group(1)[1:], line)
    return _MD_SIGNIFICANT.sub(r"\\\1", line)


def markdown_code_block(text: str) -> str:
    """`text` as a fenced code block that nothing in it can close: the fence is longer than
    any run of backticks inside, and each line is a `text_line`."""
    lines = [text_line(line) for line in text.splitlines()]
    longest = max((len(run) for run in re.findall(r"`+", "\n".join(lines))), default=0)
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence, *lines, fence])
