"""Every built page in headless Chromium: axe-core finds no WCAG 2 A/AA violation in either
colour scheme, the page requests nothing but its own file, and no script from the notice runs.
The site's own scripts open the reader's language and keep the section across languages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from noticegen.publish.site import BuildResult, plan_pages
from noticegen.sources.loading import load

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = (
    next(
        (p for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(p).exists()),
        None,
    )
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
)
# A notice published in en (its source language), fr, de and ar.
MULTILINGUAL = Path(__file__).parents[1] / "i18n" / "fixtures" / "notice"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")


def _block_scripts(page: Page, path: Path) -> None:
    """Serve the page with a policy that runs none of its scripts; the test can still run its
    own (a context without JavaScript would stop axe-core's timers too)."""
    policy = {"Content-Security-Policy": "script-src 'none'"}
    page.route(path.as_uri(), lambda route: route.fulfill(path=path, headers=policy))


def test_built_pages_pass_axe_and_fetch_nothing(
    small_site: BuildResult, xss_site: BuildResult
) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Route, sync_playwright

    pages = [
        path
        for site in (small_site, xss_site)
        for path in sorted(site.out.glob("**/*.html"))
        if "versions" not in path.relative_to(site.out).parts
    ]
    assert len(pages) >= 4
    fronts = {site.out / "index.html" for site in (small_site, xss_site)}
    outside: list[str] = []
    dialogs: list[str] = []
    problems: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for scheme in ("light", "dark"):
                context = browser.new_context(color_scheme=scheme)
                context.route("**/*", only_files)
                for path in pages:
                    # With its script the front page moves on to the reader's language at once:
                    # it is checked as well as readers without JavaScript get it.
                    for scripts in (True, False) if path in fronts else (True,):
                        page = context.new_page()
                        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                        if not scripts:
                            _block_scripts(page, path)
                        page.goto(path.as_uri())
                        assert scripts or page.url == path.as_uri()
                        options = {"runOnly": {"type": "tag", "values": WCAG}}
                        result = Axe().run(page, options=options)
                        problems += [
                            f"{scheme} {path.name}: {v['id']} {v['nodes'][0]['html'][:80]}"
                            for v in result.response["violations"]
                        ]
                        page.close()
                context.close()
        finally:
            browser.close()
    assert problems == []
    assert outside == []
    assert dialogs == []


def test_the_front_page_opens_the_readers_language_and_the_switcher_keeps_the_section(
    tmp_path: Path,
) -> None:
    from playwright.sync_api import sync_playwright

    for built in plan_pages(load(MULTILINGUAL), draft=False):
        (tmp_path / built.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / built.path).write_text(built.html, encoding="utf-8")
    front = (tmp_path / "index.html").as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            for locale, expected in (("fr-FR", "fr"), ("de-AT", "de"), ("ja-JP", "en")):
                page = browser.new_context(locale=locale).new_page()
                page.goto(front + "#rights")
                page.wait_for_url(f"**/{expected}/index.html#rights")
                page.close()

            page = browser.new_context(locale="fr-FR").new_page()
            page.goto((tmp_path / "fr" / "index.html").as_uri() + "#rights")
            page.click('nav.languages a[hreflang="ar"]')
            page.wait_for_url("**/ar/index.html#rights")
            assert page.locator("html").get_attribute("dir") == "rtl"
            # Nothing waits off to the side (the hidden skip link once did): no sideways scroll.
            width = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            assert page.evaluate(width) == 0
            page.goto((tmp_path / "ar" / "index.html").as_uri())
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.className") == "skip-link"
            box = page.locator(".skip-link").bounding_box()
            assert box is not None and box["y"] >= 0 and box["x"] >= 0

            # Without JavaScript the front page stays, a list of plain links.
            page = browser.new_context(locale="fr-FR", java_script_enabled=False).new_page()
            page.goto(front)
            assert page.url == front
            links = page.locator(".language-list a[hreflang]")
            hreflangs = links.evaluate_all("links => links.map(a => a.hreflang)")
            assert hreflangs == ["en", "fr", "de", "ar"]
        finally:
            browser.close()
