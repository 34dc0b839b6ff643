from __future__ import annotations

import pytest

from noticegen.publish.render.markdown import is_safe_link, render


@pytest.mark.parametrize(
    "url",
    ["https://example.com/x", "http://example.com", "mailto:a@example.com", "#controller",
     "#contact.email", "HTTPS://EXAMPLE.COM"],
)  # fmt: skip
def test_allowed_links(url: str) -> None:
    assert is_safe_link(url)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "file:///etc/passwd",
     "data:text/html,x", "//evil.example/x", "relative/page.html", "/absolute", "ftp://x",
     "https://", "#", "# x", "mailto:"],
)  # fmt: skip
def test_refused_links(url: str) -> None:
    assert not is_safe_link(url)


def test_raw_html_is_text() -> None:
    out = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_unsafe_links_stay_text_and_safe_links_render() -> None:
    out = render("[a](javascript:alert(1)) [b](https://example.com) [c](#data)")
    assert "javascript:" not in out.replace("[a](javascript:alert(1))", "")
    assert '<a href="https://example.com">b</a>' in out
    assert '<a href="#data">c</a>' in out


def test_images_become_their_alt_text() -> None:
    out = render("![a map](http://127.0.0.1:9/x.png) ![](file:///etc/passwd)")
    assert "<img" not in out and "127.0.0.1" not in out
    assert "a map" in out


def test_prose_headings_start_below_the_section_heading() -> None:
    out = render("# One\n\n## Two", top_level=3)
    assert "<h3>One</h3>" in out and "<h4>Two</h4>" in out and "<h1>" not in out


@pytest.mark.parametrize(
    ("text", "isolated"),
    [("<privacy@example.com>", True), ("<https://example.com/x>", True),
     ("[privacy@example.com](mailto:privacy@example.com)", True),
     ("[https://example.com](https://example.com)", True),
     ("[our privacy team](mailto:privacy@example.com)", False),
     ("[**dpo@example.com**](mailto:dpo@example.com)", False)],
)  # fmt: skip
def test_a_link_that_reads_as_its_address_is_isolated(text: str, isolated: bool) -> None:
    # An address is written left to right: on a right-to-left page it must not be reordered.
    html = render(f"Write to {text} today.")
    assert ("<bdi>" in html) is isolated
    assert html.count("<bdi>") == html.count("</bdi>")
    assert html.index("<a ") < html.index("</a>")


def test_emphasis_past_the_cap_is_shown_as_text() -> None:
    """Issue 11: `**_` 10,000 times made one unbreakable run of 20,000 inline boxes (the build
    took 135 s); past MAX_EMPHASIS elements the markers are text, nothing is lost."""
    from noticegen.publish.render.markdown import MAX_EMPHASIS, render_inline

    for out in (render("**_" * 10_000), render_inline("**_" * 10_000)):
        opened = out.count("<strong>") + out.count("<em>")
        assert opened == MAX_EMPHASIS
        assert opened == out.count("</strong>") + out.count("</em>")
        assert "**_" * 1000 in out  # the rest, as written
    assert render("**a** and *b*") == "<p><strong>a</strong> and <em>b</em></p>\n"
