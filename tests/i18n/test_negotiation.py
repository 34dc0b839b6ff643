"""The reader's language: the rule in Python, and the same rule run by the browser scripts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticegen.i18n.negotiation import INDEX_SCRIPT, SWITCHER_SCRIPT, choose_language

PUBLISHED = ["en", "fr", "de", "pt-BR"]


@pytest.mark.parametrize(
    ("preferences", "expected"),
    [
        (["de-AT", "en"], "de"),  # a regional variant takes its language
        (["it", "fr-CA"], "fr"),  # the first preference that is published
        (["pt"], "pt-BR"),  # a language takes its published variant
        (["PT-br"], "pt-BR"),  # tags compare without case
        (["ja", "zh-Hant"], "en"),  # nothing published: the source language
        ([], "en"),
    ],
)
def test_choose_language(preferences: list[str], expected: str) -> None:
    assert choose_language(preferences, PUBLISHED, "en") == expected


CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium")


def _site(root: Path) -> None:
    links = "".join(
        f'<li><a href="{lang}/index.html" hreflang="{lang}"'
        f"{' data-source' if lang == 'en' else ''}>{lang}</a></li>"
        for lang in PUBLISHED
    )
    (root / "index.html").write_text(
        f"<!DOCTYPE html><html lang=en><body><ul>{links}</ul>"
        f"<script>{INDEX_SCRIPT}</script></body></html>",
        encoding="utf-8",
    )
    for lang in PUBLISHED:
        switcher = "".join(
            f'<li><a href="../{other}/index.html" hreflang="{other}">{other}</a></li>'
            for other in PUBLISHED
        )
        (root / lang).mkdir()
        (root / lang / "index.html").write_text(
            f"<!DOCTYPE html><html lang={lang}><body><nav class=languages><ul>{switcher}</ul>"
            f'</nav><h2 id="rights">{lang}</h2><div style="height:3000px"></div>'
            f"<script>{SWITCHER_SCRIPT}</script></body></html>",
            encoding="utf-8",
        )


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
def test_the_browser_picks_the_language_and_the_switcher_keeps_the_section(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    _site(tmp_path)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for locale, expected in (("de-AT", "de"), ("pt-PT", "pt-BR"), ("ja-JP", "en")):
                page = browser.new_context(locale=locale).new_page()
                page.goto((tmp_path / "index.html").as_uri())
                page.wait_for_url(f"**/{expected}/index.html")
                page.close()
            page = browser.new_context(locale="fr-FR").new_page()
            page.goto((tmp_path / "fr" / "index.html").as_uri() + "#rights")
            german = 'nav.languages a[hreflang="de"]'
            page.evaluate("location.hash = '#cookies'")
            # The link itself follows, for a new tab or a copied address too.
            page.wait_for_function(
                "document.querySelector('nav.languages a[hreflang=de]').hash === '#cookies'"
            )
            assert str(page.get_attribute(german, "href")).endswith("de/index.html#cookies")
            page.evaluate("location.hash = '#rights'")
            page.click(german)
            page.wait_for_url("**/de/index.html#rights")
        finally:
            browser.close()
