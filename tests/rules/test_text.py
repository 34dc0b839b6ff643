"""Text helpers shared by the prose rules."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from noticegen.lint.rules._text import sentences

# The sentence pattern as first written: simple, but quadratic on a line without punctuation.
_PLAIN_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@given(st.text(alphabet="ab .!?\n", max_size=40))
def test_sentences_match_the_plain_pattern(text: str) -> None:
    plain = [(m.start(), m.group(0)) for m in _PLAIN_SENTENCE.finditer(text)]
    assert list(sentences(text)) == plain


def test_a_long_unpunctuated_line_is_read_in_linear_time() -> None:
    line = "word " * 4_000 + "\nLast sentence."
    assert list(sentences(line)) == [(len(line) - len("Last sentence."), "Last sentence.")]
