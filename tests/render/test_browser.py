"""Every built page in headless Chromium: axe-core finds no WCAG 2 A/AA violation in either
colour scheme, the page requests nothing but its own file, and no script runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticegen.site import BuildResult

CHROMIUM = (
    next(
        (p for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(p).exists()),
        None,
    )
    or shutil.which("chromium-headless-shell")
    or shutil.which("chromium")
)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")


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
                    page = context.new_page()
                    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                    page.goto(path.as_uri())
                    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
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
