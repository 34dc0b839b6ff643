from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
from pagehtml import read

from noticegen.publish.render.html import ASSETS_DIR
from noticegen.publish.render.pdf import LocalFetcher, PdfRenderer, RefusedURL
from noticegen.publish.site import BuildResult, build_site
from noticegen.sources.loading import load

FIXTURES = Path(__file__).parent / "fixtures"


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_pdf_holds_every_heading_and_the_data_flow_table(small_site: BuildResult) -> None:
    page = read((small_site.out / "en/index.html").read_text(encoding="utf-8"))
    text = pdf_text(small_site.out / "en/example-notice.pdf")
    for level, heading in page.headings:
        assert heading in text, f"h{level} {heading!r} missing from the PDF"
    for cell in ("Data", "Purpose", "Legal basis", "Recipients", "Retention",
                 "Email address", "IP address", "Keeping our services secure"):  # fmt: skip
        assert cell in text


def test_pdf_is_tagged_with_title_language_and_bookmarks(small_site: BuildResult) -> None:
    reader = pypdf.PdfReader(small_site.out / "en/example-notice.pdf")
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    assert reader.metadata is not None and reader.metadata.title == "Privacy Notice – Example"
    titles = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)  # type: ignore[attr-defined]

    walk(reader.outline)
    assert titles[0] == "Privacy Notice" and "How your data flows" in titles
    assert "Email address" in titles  # h3
    assert "A heading in prose" in titles  # a prose heading, shifted to h3


def test_footer_has_version_date_and_page_numbers(small_site: BuildResult) -> None:
    reader = pypdf.PdfReader(small_site.out / "en/example-notice.pdf")
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = " ".join((page.extract_text() or "").split())
        assert "Version 1.2.0" in text
        assert f"Page {number} of {pages}" in text
        assert "Effective" in text


@pytest.fixture
def fetcher() -> LocalFetcher:
    return LocalFetcher([FIXTURES / "small", Path(str(ASSETS_DIR))])


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "https://example.com/x.css",
     "http://169.254.169.254/latest/meta-data/", "data:text/css,body{}", "ftp://127.0.0.1/x",
     "file://otherhost/etc/passwd",
     (FIXTURES / "small").as_uri() + "/../../../../../../etc/passwd"],
)  # fmt: skip
def test_fetcher_refuses(fetcher: LocalFetcher, url: str) -> None:
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)


def test_fetcher_serves_the_notice_folder_and_assets(fetcher: LocalFetcher) -> None:
    inside = (FIXTURES / "small" / "notice.yaml").as_uri()
    assert b"example-notice" in fetcher.fetch(inside).read()
    css = (Path(str(ASSETS_DIR)) / "notice.css").as_uri()
    assert fetcher.fetch(css).read().startswith(b"/*")


def test_fetcher_refuses_a_symlink_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "notice").mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (tmp_path / "notice" / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(RefusedURL):
        LocalFetcher([tmp_path / "notice"]).fetch((tmp_path / "notice" / "link.txt").as_uri())


def test_a_refused_resource_fails_the_pdf(tmp_path: Path) -> None:
    from noticegen.publish.render.pdf import PdfError

    html = '<html lang="en"><body><img src="file:///etc/passwd" alt="x"></body></html>'
    with pytest.raises(PdfError, match="passwd"):
        PdfRenderer(tmp_path).render(html)


def test_no_installed_font_is_one_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from noticegen.publish.render import pdf
    from noticegen.publish.render.pdf import PdfError

    monkeypatch.setattr(pdf, "installed_font_families", lambda: {"Some Other Font"})
    with pytest.raises(PdfError, match="no font found"):
        PdfRenderer(tmp_path)


def test_the_stylesheet_uses_the_checked_fonts() -> None:
    from noticegen.publish.render.pdf import FONT_FAMILIES

    css = (Path(str(ASSETS_DIR)) / "notice.css").read_text(encoding="utf-8")
    assert "font-family: " + ", ".join(f'"{f}"' if " " in f else f for f in FONT_FAMILIES) in css


def test_prose_links_to_missing_anchors_become_text_and_the_pdf_renders(tmp_path: Path) -> None:
    root = Path(shutil.copytree(FIXTURES / "small", tmp_path / "notice"))
    notice_yaml = root / "notice.yaml"
    notice_yaml.write_text(
        notice_yaml.read_text(encoding="utf-8").replace(
            "We make no decisions about you by automated means alone.",
            "We make no decisions alone. See [nowhere](#nope) or [our contact](#contact).",
        ),
        encoding="utf-8",
    )
    california = root / "supplements/california.yaml"
    california.write_text(
        california.read_text(encoding="utf-8").replace(
            "in the last 12 months.", "in the last 12 months (see [the data](#data))."
        ),
        encoding="utf-8",
    )
    loaded = load(root)
    assert loaded.notice is not None, loaded.findings

    result = build_site(loaded, tmp_path / "site", draft=True)

    page = (result.out / "en/index.html").read_text(encoding="utf-8")
    assert 'href="#nope"' not in page and "See nowhere or" in page
    assert '<a href="#contact">our contact</a>' in page  # a link to an anchor the page has stays
    supplement = (result.out / "en/california.html").read_text(encoding="utf-8")
    assert 'href="#data"' not in supplement and "(see the data)" in supplement  # main page's
    assert "See nowhere or our contact" in pdf_text(result.out / "en/example-notice.pdf")


def test_long_words_get_break_opportunities_in_text_only() -> None:
    from noticegen.publish.render.pdf import LONG_WORD, TEXT_RUN, WORD_PIECE, break_long_words

    word = "x" * 100
    page = (
        f'<style>.{word} {{}}</style><a href="https://example.com/{word}">{word}</a>'
        f"<p>fine words &amp; {'y' * (LONG_WORD - 1)}</p><p>&amp;{'z' * 70}</p>"
    )
    out = break_long_words(page)
    # The style and the link target are as they were; the text is the same once the zero-width
    # spaces are taken out, and every piece is short.
    assert out.startswith(f'<style>.{word} {{}}</style><a href="https://example.com/{word}">')
    assert out.replace("\u200b", "") == page
    text = re.sub("<[^>]*>", " ", out.split("</style>")[1]).replace("&amp;", "&")
    assert max(len(piece) for piece in re.split("[\\s\u200b]+", text)) == LONG_WORD - 1
    assert len(out.split("<p>")[2].split("\u200b")[0]) == len("&amp;") + WORD_PIECE - 1
    assert "&amp;" in out.split("<p>")[2]  # an entity is never cut
    # A run of text longer than TEXT_RUN is cut into boxes at a break.
    prose = "<p>" + "word " * TEXT_RUN + "</p>"
    assert break_long_words(prose).replace("<wbr>", "") == prose
    assert break_long_words(prose).count("<wbr>") == 4  # 10,000 characters


def test_a_long_word_renders_and_keeps_its_text(tmp_path: Path) -> None:
    word = "Supercalifragilistic" * 500
    html = f'<html lang="en"><head><title>t</title></head><body><p>{word}</p></body></html>'
    path = tmp_path / "long.pdf"
    path.write_bytes(PdfRenderer(tmp_path).render(html))
    text = "".join(pdf_text(path).replace("\u200b", "").split())
    assert word in text


def test_the_contents_list_gives_each_sections_page(small_site: BuildResult) -> None:
    """Issue 15: the PDF's contents list had no page numbers."""
    reader = pypdf.PdfReader(small_site.out / "en/example-notice.pdf")
    pages = [page.extract_text() or "" for page in reader.pages]
    entries = re.findall(r"^(\w[^.\n]*?) (?:\. )+\.? ?(\d+)$", "\n".join(pages), re.MULTILINE)
    titles = [title for title, _ in entries]
    assert titles[:3] == ["Who we are", "What this notice covers", "How your data flows"]
    assert "Automated decisions" in titles  # a section of the notice's own
    for title, number in entries:
        assert title in pages[int(number) - 1], (title, number)
