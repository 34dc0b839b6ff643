"""The pages as readers get them (issue 15), checked by the tools that receive them: in headless
Chromium at 320, 390 and 1280 px nothing reaches past the screen's edge and, on phones, no
content sits in a sideways-scrolling region (tables become cards); the first layer fits one
screen; the Nu HTML checker finds no error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_browser import CHROMIUM, MULTILINGUAL

from noticegen.publish.site import plan_pages
from noticegen.sources.loading import load

ROOT = Path(__file__).parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
NOTICES = {
    "ims": (ROOT / "notice", False),
    "small": (FIXTURES / "small", False),
    "multilingual": (MULTILINGUAL, False),  # with Arabic, right to left
    "xss": (FIXTURES / "xss", True),
}
WIDTHS = (320, 390, 1280)
FIRST_LAYER_MAX = 900
"""The first layer's height at 1280 px: one screen of a laptop."""

MEASURE = r"""() => {
  const vw = window.innerWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className ? '.' + el.className : '');
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.clipPath === 'inset(50%)') continue;
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom <= 0) continue;
    let left = box.left, right = box.right;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') {
        const clip = up.getBoundingClientRect();
        left = Math.max(left, clip.left); right = Math.min(right, clip.right);
      }
    }
    if (right - left >= 1 && (right > vw + 1 || left < -1)) outside.push(name(el));
  }
  const scrolling = [...document.body.querySelectorAll('*')].filter(el =>
      /auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1);
  const layer = document.querySelector('.first-layer');
  return {width: document.documentElement.scrollWidth, vw, outside: outside.slice(0, 3),
          scrolling: scrolling.map(name).slice(0, 3),
          layer: layer ? layer.getBoundingClientRect().height : null};
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML pages of each notice (PDFs are not needed here), one folder per notice."""
    out = tmp_path_factory.mktemp("reader")
    for name, (folder, draft) in NOTICES.items():
        for page in plan_pages(load(folder), draft=draft):
            path = out / name / page.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.html, encoding="utf-8")
    return out


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")
def test_no_page_is_wider_than_the_screen_and_tables_reflow_on_phones(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    pages = sorted(site.rglob("*.html"))
    problems: list[str] = []
    layers: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for width in WIDTHS:
                context = browser.new_context(viewport={"width": width, "height": 900})
                for path in pages:
                    page = context.new_page()
                    page.goto(path.as_uri())
                    found = page.evaluate(MEASURE)
                    where = f"{path.relative_to(site)}@{width}"
                    if found["width"] > found["vw"] + 1 or found["outside"]:
                        problems.append(f"{where}: {found['width']}px wide, {found['outside']}")
                    if width < 1280 and found["scrolling"]:
                        problems.append(f"{where}: scrolls sideways: {found['scrolling']}")
                    if width == 1280 and found["layer"] is not None:
                        layers[str(path.relative_to(site))] = found["layer"]
                    page.close()
                context.close()
        finally:
            browser.close()
    assert problems == []
    # Every notice page opens with its first layer, and it fits one screen.
    notice_pages = {str(p.relative_to(site)) for p in site.glob("*/*/index.html")}
    assert notice_pages and notice_pages <= set(layers)
    assert max(layers.values()) <= FIRST_LAYER_MAX, layers


def vnu_jar() -> Path | None:
    """The Nu HTML checker: $NOTICEGEN_VNU_JAR, or the jar of the npm package vnu-jar whose
    `vnu` command is on the PATH (`npm install -g vnu-jar`)."""
    given = os.environ.get("NOTICEGEN_VNU_JAR")
    if given:
        return Path(given)
    command = shutil.which("vnu")
    if command is None:
        return None
    jar = Path(command).resolve().parent / "build" / "dist" / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.mark.skipif(
    vnu_jar() is None or shutil.which("java") is None,
    reason="no Nu HTML checker (npm install -g vnu-jar) or no java here",
)
def test_the_nu_html_checker_finds_no_error(site: Path) -> None:
    java = shutil.which("java")
    assert java is not None
    checker = [java, "-jar", str(vnu_jar()), "--errors-only", "--skip-non-html"]
    result = subprocess.run(
        [*checker, "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/reader', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in messages
    ]
    assert errors == []
    assert len(list(site.rglob("*.html"))) >= 10
