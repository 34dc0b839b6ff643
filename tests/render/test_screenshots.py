"""`make screenshots` (tools/screenshots.py): a PDF's first page becomes a PNG of the page's size,
and taking the screenshots twice gives the same bytes, so they can be committed."""

from __future__ import annotations

import importlib.util
import shutil
import struct
from pathlib import Path

import pytest

from noticegen.publish.site import BuildResult

TOOL = Path(__file__).parents[2] / "tools" / "screenshots.py"
spec = importlib.util.spec_from_file_location("screenshots", TOOL)
assert spec is not None and spec.loader is not None
screenshots = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screenshots)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="no pdftoppm (poppler-utils)")
def test_the_pdf_page_is_rendered_at_its_size_and_the_same_each_time(
    small_site: BuildResult, tmp_path: Path
) -> None:
    pdf = next(small_site.out.glob("en/*.pdf"))
    first, second = tmp_path / "first", tmp_path / "second"
    for images in (first, second):
        images.mkdir()
        screenshots.capture_pdf(pdf, images)
    shot = first / screenshots.PDF_SHOT
    width, height = _png_size(shot)
    assert (width, height) == (794, 1123)  # A4 at 96 dpi
    assert shot.read_bytes() == (second / screenshots.PDF_SHOT).read_bytes()


def test_the_docs_show_every_screenshot() -> None:
    root = TOOL.parents[1]
    for name in [*screenshots.SHOTS, screenshots.PDF_SHOT]:
        assert (root / "docs" / "images" / name).is_file()
        for doc in ("README.md", "docs/getting-started-lawyer.md"):
            assert f"images/{name}" in (root / doc).read_text(encoding="utf-8"), (doc, name)
