"""The docs' screenshots of a built notice: `make screenshots`.

`python tools/screenshots.py NOTICE SITE IMAGES` writes, from the site `noticegen build` wrote
in SITE from the notice in NOTICE, IMAGES/page-phone.png (the English page's first screen at
390 px), IMAGES/page-desktop.png (at 1280 px) and IMAGES/pdf-page.png (the English PDF's first
page, rendered by poppler's pdftoppm).
Headless Chromium as the tests drive it; no animation, no caret, the light scheme, no request
but the page's own files, so that the same site on the same machine gives the same bytes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHOTS = {"page-phone.png": (390, 844), "page-desktop.png": (1280, 900)}
PDF_SHOT = "pdf-page.png"
PDF_DPI = "96"
CHROMIUM = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium")


def _chromium() -> str:
    found = next((p for p in CHROMIUM if Path(p).exists()), None) or shutil.which(
        "chromium-headless-shell"
    )
    if not found:
        sys.exit("screenshots: no chromium-headless-shell or chromium on this machine")
    return found


def capture_pages(page: Path, images: Path) -> None:
    from playwright.sync_api import Route, sync_playwright

    def own_files_only(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        try:
            for name, (width, height) in SHOTS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme="light",
                    reduced_motion="reduce",
                    locale="en-GB",
                )
                tab = context.new_page()
                tab.route("**/*", own_files_only)
                tab.goto(page.resolve().as_uri(), wait_until="load")
                tab.screenshot(path=images / name, animations="disabled", caret="hide")
                context.close()
        finally:
            browser.close()


def capture_pdf(pdf: Path, images: Path) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        sys.exit("screenshots: pdftoppm not found (Debian package poppler-utils)")
    with tempfile.TemporaryDirectory() as scratch:
        stem = Path(scratch) / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", PDF_DPI, "-f", "1", "-l", "1", "-singlefile", pdf, stem],
            check=True,
        )
        shutil.move(stem.with_suffix(".png"), images / PDF_SHOT)


def main(notice: Path, site: Path, images: Path) -> None:
    from noticegen.sources.loading import load

    loaded = load(notice)
    if loaded.notice is None:
        sys.exit(f"screenshots: {notice} does not load; run noticegen lint")
    page = site / "en" / "index.html"
    pdf = site / "en" / f"{loaded.notice.notice.id}.pdf"
    if not page.is_file() or not pdf.is_file():
        sys.exit(f"screenshots: no English page and PDF in {site}; run noticegen build first")
    images.mkdir(parents=True, exist_ok=True)
    capture_pages(page, images)
    capture_pdf(pdf, images)
    for name in [*SHOTS, PDF_SHOT]:
        print(f"wrote {images / name}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python tools/screenshots.py NOTICE SITE IMAGES")
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
