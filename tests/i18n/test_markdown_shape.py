"""The comparison of a translation's Markdown with its source's (NG706, NG708)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from noticegen.lint.rules.i18n import _catalogs as checks

# Plain words mixed with every character that can start Markdown markup.
_MARKDOWN_TEXT = st.text(
    alphabet=st.sampled_from(list("ab \n\r\t#>-+*_=~`19.)[]()<>!:/@&\\|\x0b\x0c\x85\u2028\u2029")),
    max_size=40,
)


@settings(max_examples=1500, deadline=None)
@given(_MARKDOWN_TEXT)
def test_text_taken_as_plain_has_no_markup_when_parsed(text: str) -> None:
    if not checks._is_plain(text):
        return
    assert checks.parsed_shape(text) == checks.MarkdownShape((), Counter(), ())


def test_shape_counts_links_blocks_and_html() -> None:
    shape = checks.markdown_shape("# Title\n\n- [a](https://a.example)\n- <b>x</b> [b](#b)\n")
    assert shape.blocks == ("heading1", "bullet_list", "list_item", "list_item")
    assert shape.links == Counter({"https://a.example": 1, "#b": 1})
    assert shape.html == ("<b>", "</b>")


def test_only_markdowns_line_breaks_start_a_line() -> None:
    # After a Unicode line separator the four spaces still indent a code block for Markdown.
    assert not checks._is_plain("Intro\n\n    \u2028rm -rf /")
    assert not checks._is_plain("    \x0cabc")


def test_plain_sentence_needs_no_parse() -> None:
    assert checks._is_plain("We keep your invoices for ten years, as the law requires.")
    assert not checks._is_plain("See [our policy](https://example.com).")
    assert not checks._is_plain("1. first\n2. second")
    assert not checks._is_plain("Title\n    indented code")
