"""Small text helpers the rules share: sentences, Markdown link spans, lists of ids in messages
and company names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..context import LintContext

# A sentence starts only where a run of sentence characters starts (the lookbehind): without
# it, a line that ends without punctuation was retried from each of its characters, quadratic
# in its length. The matches are the same.
_SENTENCE = re.compile(r"(?<![^.!?\n])[^.!?\n]+(?:[.!?]+|$)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\s]*)\)")
_NAME_WORD = re.compile(r"[^\W_]+")
# Legal forms that may end a company's name, as words ("S.A." reads "s a"): "Example Ltd." and
# "Example Limited" are the company "Example".
_LEGAL_FORM_WORDS = (
    "ltd limited plc llp llc lp inc incorporated corp corporation co company gmbh ag kg ug sas "
    "sasu sarl eurl srl spa bv nv sa sl ab as asa aps oy oyj ltda eireli pty kft zrt sro doo "
    "ehf se bvba a d l o p r s"
)
_LEGAL_FORMS = frozenset(_LEGAL_FORM_WORDS.split(" "))


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


def _name_words(name: str) -> list[str]:
    """The words of a company name, case and punctuation aside: "Example Ltd." is
    ["example", "ltd"]."""
    return _NAME_WORD.findall(name.casefold())


def _core(words: list[str]) -> list[str]:
    """A company name without the legal forms that end it: "Example Ltd." is ["example"]."""
    end = len(words)
    while end > 1 and words[end - 1] in _LEGAL_FORMS:
        end -= 1
    return words[:end]


def _contains(words: list[str], part: list[str]) -> bool:
    """Whether `part` is a run of `words` (an empty `part` is not)."""
    n = len(part)
    return n > 0 and any(words[i : i + n] == part for i in range(len(words) - n + 1))


def is_first_party(ctx: LintContext, provider: str) -> bool:
    """Whether a cookie's `provider` is the controller itself: it says "first party", or it
    names the controller by its name or legal name, whatever the case, punctuation or legal
    form ("Example Ltd." and "Example (first party)" for "Example Ltd")."""
    words = _name_words(provider)
    if _contains(words, ["first", "party"]) or _contains(words, ["1st", "party"]):
        return True
    controller = ctx.notice.controller
    names = (controller.name, controller.legal_name)
    return any(_contains(words, _core(_name_words(name))) for name in names if name)
