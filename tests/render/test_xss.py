"""Prose that tries to run script or fetch something builds a page and a PDF that do neither."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pagehtml import read

from noticegen.i18n.negotiation import INDEX_SCRIPT, SWITCHER_SCRIPT
from noticegen.publish.render.pdf import LocalFetcher, PdfRenderer
from noticegen.publish.site import BuildResult

FIXTURES = Path(__file__).parent / "fixtures"


def pages(site: BuildResult) -> list[Path]:
    return sorted(p for p in site.out.glob("**/*.html") if "versions" not in p.parts)


def test_no_markup_from_prose_survives(xss_site: BuildResult) -> None:
    for path in pages(xss_site):
        html = path.read_text(encoding="utf-8")
        page = read(html)
        tags = [tag for tag, _ in page.tags]
        for tag in ("img", "iframe", "object", "embed", "link", "b"):
            assert tag not in tags, f"<{tag}> in {path.name}"
        assert tags.count("style") == 1, "only our own stylesheet"
        scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
        assert tags.count("script") == len(scripts), "a <script> with attributes"
        assert set(scripts) <= {INDEX_SCRIPT, SWITCHER_SCRIPT}, "only our own scripts"
        for tag, attributes in page.tags:
            assert not any(name.startswith("on") for name in attributes), (tag, attributes)
            for name in ("href", "src"):
                value = (attributes.get(name) or "").lower()
                assert not value.startswith(("javascript:", "data:", "file:", "//", "http://127"))


def test_pdf_of_the_page_fetches_nothing(
    xss_site: BuildResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (xss_site.out / "en" / "xss.pdf").stat().st_size > 1000
    fetched: list[str] = []
    original = LocalFetcher.fetch

    def spy(self: LocalFetcher, url: str, headers: object = None) -> object:
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(LocalFetcher, "fetch", spy)
    html = (xss_site.out / "en" / "index.html").read_text(encoding="utf-8")
    assert PdfRenderer(FIXTURES / "xss").render(html).startswith(b"%PDF")
    assert fetched == []


def test_lint_reports_each_unsafe_link() -> None:
    from noticegen.lint.linting import lint
    from noticegen.sources.loading import load

    findings = [f for f in lint(load(FIXTURES / "xss")) if f.rule == "NG103"]
    for target in ("javascript:alert(1)", "file:///etc/passwd", "http://127.0.0.1:9/x.png",
                   "http://127.0.0.1:9/data.png", "//127.0.0.1:9/y", "data:"):  # fmt: skip
        assert any(target in f.message for f in findings), target


def test_draft_pdf_is_watermarked_on_every_page(xss_site: BuildResult) -> None:
    import pypdf

    reader = pypdf.PdfReader(xss_site.out / "en" / "xss.pdf")
    for page in reader.pages:
        assert "DRAFT" in (page.extract_text() or "")
