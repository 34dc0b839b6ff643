"""Tagged PDFs (PDF/UA-1) from the rendered HTML, with WeasyPrint.

WeasyPrint gets a URL fetcher that serves files inside the notice folder and our packaged assets
and refuses everything else (network, data: URLs, the rest of the disk). Every error WeasyPrint
logs while rendering fails the PDF, so a refused or missing resource never goes unnoticed.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .html import ASSETS_DIR, print_stylesheet

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
FONT_FAMILIES = ("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial")
"""The stylesheet's font stack; PDF/UA needs real fonts embedded, so one of them must exist."""


LONG_WORD = 64
"""Characters without a space after which a word gets break opportunities in the PDF."""
WORD_PIECE = 32
# One character of text as the page holds it: an entity (`&amp;`) counts as one.
_CHARACTER = r"(?:&#?\w+;|[^\s&<])"
_LONG_WORD = re.compile(f"{_CHARACTER}{{{LONG_WORD},}}")
_WORD_PIECE = re.compile(f"{_CHARACTER}{{1,{WORD_PIECE}}}")
TEXT_RUN = 2000
"""Characters after which a run of text is cut into another text box (at a break)."""
# WeasyPrint handles the rest of a text box at each line it takes from it: a run of 900,000
# characters takes minutes whatever its break opportunities, the same in boxes of 2,000 is fast.
_TEXT_RUN = re.compile(f"[^<]{{{TEXT_RUN}}}\\S*?[\\s\u200b]")
# What is not page text: elements whose content is code, and tags (attributes included).
_NOT_TEXT = re.compile(r"(<(style|script)\b.*?</\2\s*>|<[^>]*>)", re.DOTALL | re.IGNORECASE)


def break_long_words(html_text: str) -> str:
    """The page with a zero-width space every WORD_PIECE characters of each word of LONG_WORD
    or more. WeasyPrint lays out an unbreakable run in time quadratic in its length (16,000
    characters took 8 s, 900,000 did not finish in 300 s); with break opportunities it is
    linear. Text only: tags, attributes (link targets), styles and scripts are left as they
    are."""
    parts = _NOT_TEXT.split(html_text)
    # split() returns text, whole match, inner group, text, ...: every third item is text.
    for index in range(0, len(parts), 3):
        text = _LONG_WORD.sub(
            lambda word: "\u200b".join(_WORD_PIECE.findall(word.group())), parts[index]
        )
        parts[index] = _TEXT_RUN.sub(lambda run: run.group() + "<wbr>", text)
    return "".join(part for i, part in enumerate(parts) if i % 3 != 2)


class PdfError(Exception):
    """Rendering a PDF failed, e.g. a resource was refused or missing; one line for the user."""


class RefusedURL(ValueError):
    """The fetcher does not serve this URL."""


class LocalFetcher(URLFetcher):
    """Serves `file:` URLs inside the allowed folders only: no network, no rest of the disk."""

    def __init__(self, allowed: Sequence[Path]) -> None:
        super().__init__(allowed_protocols=["file"], allow_redirects=False)
        self.allowed = [Path(p).resolve() for p in allowed]

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self.local_path(url)
        if path is None:
            raise RefusedURL(f"refused to fetch {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
        )

    def local_path(self, url: str) -> Path | None:
        """The file a URL names when it is an allowed local file, else None."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        if not path.is_file():
            return None
        if any(path.is_relative_to(root) for root in self.allowed):
            return path
        return None


@contextmanager
def _errors_fail() -> Iterator[list[str]]:
    """Collect WeasyPrint's ERROR log lines for the duration of one render."""
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            errors.append(record.getMessage().splitlines()[0])

    handler = Collect(level=logging.ERROR)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield errors
    finally:
        logger.removeHandler(handler)


def installed_font_families() -> set[str]:
    """Font families fontconfig knows on this machine."""
    from weasyprint.text.ffi import ffi, fontconfig

    config = fontconfig.FcInitLoadConfigAndFonts()
    try:
        fonts = fontconfig.FcConfigGetFonts(config, fontconfig.FcSetSystem)
        families = set()
        value = ffi.new("FcChar8 **")
        for i in range(fonts.nfont if fonts != ffi.NULL else 0):
            n = 0
            while (
                fontconfig.FcPatternGetString(fonts.fonts[i], b"family", n, value)
                == fontconfig.FcResultMatch
            ):
                families.add(ffi.string(value[0]).decode("utf-8", "replace"))
                n += 1
        return families
    finally:
        fontconfig.FcConfigDestroy(config)


def check_fonts() -> None:
    """Raise PdfError when none of the stylesheet's fonts is installed."""
    if not set(FONT_FAMILIES) & installed_font_families():
        raise PdfError(
            f"no font found for the PDF: install one of {', '.join(FONT_FAMILIES)} "
            "(e.g. the fonts-dejavu-core package)"
        )


class PdfRenderer:
    """One font configuration and one fetcher, reused for every PDF of a build."""

    def __init__(self, notice_root: Path) -> None:
        check_fonts()
        self.root = notice_root.resolve()
        self.fetcher = LocalFetcher([self.root, Path(str(ASSETS_DIR))])
        self.fonts = FontConfiguration()
        # What only the PDF needs (bookmark levels, page numbers in the contents list) is not
        # in the page, where browsers and the Nu HTML checker would read it as errors.
        self.stylesheet = CSS(
            string=print_stylesheet(), url_fetcher=self.fetcher, font_config=self.fonts
        )

    def render(self, html_text: str) -> bytes:
        """The tagged PDF of one page. Raises PdfError on anything WeasyPrint reports."""
        with _errors_fail() as errors:
            # No base URL: relative links stay relative in the PDF (pointing at the sibling
            # pages of the site) and no relative resource can be resolved, let alone fetched.
            document = HTML(
                string=break_long_words(html_text), base_url=None, url_fetcher=self.fetcher
            )
            pdf = document.write_pdf(
                stylesheets=[self.stylesheet], font_config=self.fonts, **PDF_OPTIONS
            )
        if errors:
            raise PdfError(errors[0])
        assert pdf is not None  # write_pdf returns bytes when no target is given
        return pdf
