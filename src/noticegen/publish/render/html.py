"""HTML pages from the model: one Jinja2 environment, autoescaped, strict about undefined names."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from babel import Locale, UnknownLocaleError
from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, TemplateNotFound
from markupsafe import Markup, escape

from ...i18n.addresses import address_lines
from ...i18n.negotiation import INDEX_SCRIPT, SWITCHER_SCRIPT
from ...i18n.strings import Strings
from ...model import (
    Address,
    Cookie,
    FadpJustification,
    Jurisdiction,
    LgpdBasis,
    Notice,
    Supplement,
    sections,
)
from ...model.processing import own_terms_article
from ...model.sections import assign_anchors
from ...model.terms import Vocabulary
from . import markdown, view

PACKAGE = resources.files("noticegen.publish.render")
TEMPLATES_DIR = PACKAGE / "templates"
ASSETS_DIR = PACKAGE / "assets"


@dataclass(frozen=True)
class LanguageLink:
    """A language the same document is published in: the hook for a language switcher."""

    lang: str
    name: str
    path: str
    """Where it is in the site folder, e.g. `fr/index.html`."""
    current: bool


FRONT_PAGE = LanguageLink("x-default", "", "index.html", False)
"""The site's front page, which opens the reader's language: the usual `x-default`."""
LANGUAGE_PAGE_TO_ROOT = "../"
"""From a page of one language (`fr/index.html`) to the site folder."""


@dataclass(frozen=True)
class SupplementLink:
    id: str
    title: str
    applies_to: str
    href: str
    hreflang: str | None = None
    """The language of the linked page, when it is not the page's own."""


def css_string(value: object) -> Markup:
    """A quoted CSS string that cannot end the string, the rule or the <style> element."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-_/()+" else f"\\{ord(ch):x} " for ch in str(value)
    )
    return Markup(f'"{escaped}"')


# Stands for the name in a built-in sentence until the sentence is escaped: see `with_name`.
NAME_SLOT = "\x00name\x00"


def with_name(sentence: str, name: str) -> Markup:
    """The translated sentence with the name in its slot, isolated in <bdi>: a name in another
    script ("Example Ltd." on an Arabic page) neither reorders the words around it nor is
    reordered by them."""
    return escape(sentence).replace(NAME_SLOT, Markup("<bdi>{}</bdi>").format(name))


def with_link(sentence: str, name: str, url: str) -> Markup:
    """The translated sentence with the name in its slot as a link to `url` (a model `Url`,
    http or https only), isolated in <bdi> as `with_name` does."""
    link = Markup('<a href="{}"><bdi>{}</bdi></a>').format(url, name)
    return escape(sentence).replace(NAME_SLOT, link)


@dataclass
class PageLinks:
    """The anchors of the page being rendered (None: not known yet) and the in-page targets its
    prose links to."""

    anchors: frozenset[str] | None = None
    targets: set[str] = field(default_factory=set)


_page_links: ContextVar[PageLinks] = ContextVar("page_links")
_ID_ATTRIBUTE = re.compile(r'\sid="([^"]*)"')


def _prose(text: str, level: int = 3) -> Markup:
    page = _page_links.get(None) or PageLinks()
    return Markup(markdown.render(text, level, anchors=page.anchors, targets=page.targets))


def _prose_inline(text: str) -> Markup:
    page = _page_links.get(None) or PageLinks()
    return Markup(markdown.render_inline(text, anchors=page.anchors, targets=page.targets))


@contextmanager
def _page(links: PageLinks) -> Iterator[None]:
    token = _page_links.set(links)
    try:
        yield
    finally:
        _page_links.reset(token)


def _render_page(template: Template, context: dict[str, Any]) -> str:
    """Render a page; when its prose links to an anchor the page does not have, render it again
    with those links shown as text (they would lead nowhere, and fail the PDF)."""
    first = PageLinks()
    with _page(first):
        text = template.render(context)
    anchors = frozenset(_ID_ATTRIBUTE.findall(text))
    if first.targets <= anchors:
        return text
    with _page(PageLinks(anchors=anchors)):
        return template.render(context)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _prose
    env.filters["mdi"] = _prose_inline
    env.filters["css_string"] = css_string
    env.filters["with_name"] = with_name
    env.filters["with_link"] = with_link
    env.filters["bdi"] = lambda text: Markup("<bdi>{}</bdi>").format(text)
    env.filters["code"] = lambda text: Markup("<code><bdi>{}</bdi></code>").format(text)
    env.globals["name_slot"] = NAME_SLOT
    env.globals["view"] = view
    env.globals["sections"] = sections
    return env


class MissingAsset(Exception):
    """A packaged template or stylesheet cannot be read: noticegen's installation is broken."""


def stylesheet() -> str:
    return _asset("notice.css")


def print_stylesheet() -> str:
    """The PDF's own additions to the stylesheet, for WeasyPrint only."""
    return _asset("pdf.css")


def _asset(name: str) -> str:
    path = ASSETS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise MissingAsset(
            f"missing asset {path}: {error.strerror}; reinstall noticegen"
        ) from error


def _template(name: str) -> Template:
    try:
        return environment().get_template(name)
    except TemplateNotFound as error:
        raise MissingAsset(
            f"missing template {TEMPLATES_DIR / name}; reinstall noticegen"
        ) from error


def language_name(lang: str) -> str:
    """The language's own name for itself, e.g. "Deutsch" for de."""
    try:
        locale = Locale.parse(lang, sep="-")
    except (ValueError, UnknownLocaleError):
        return lang
    name = locale.get_display_name(locale) or lang
    return name[:1].upper() + name[1:]


def _text(item: object) -> str:
    """What an item shows: its text without markup."""
    return Markup(escape(item)).striptags()


class Helpers:
    """Formatting the templates call, bound to one language and one notice's anchors."""

    def __init__(self, strings: Strings, anchors: dict[tuple[str, str], str]) -> None:
        self._ = strings
        self.anchors = anchors
        self.locale = strings.locale
        self._separators: dict[tuple[str, ...], tuple[str, ...]] = {}

    def anchor(self, kind: str, entity_id: str) -> str:
        return self.anchors.get((kind, entity_id), entity_id)

    def duration(self, value: str) -> str:
        parts = [
            self._(one_or_many, count=count) for one_or_many, count in view.duration_parts(value)
        ]
        return self._.list(parts) if parts else value

    def country(self, code: str) -> str:
        return self._.country(code)

    def label(self, value: Vocabulary | Jurisdiction) -> str:
        """A vocabulary value as the page names it: its label, translated; a legal basis in
        the LGPD's or the FADP's own terms by its article, the same in every language."""
        if value.label is not None:
            return self._(value.label)
        if isinstance(value, LgpdBasis | FadpJustification):
            return own_terms_article(value)
        # The vocabulary tests keep every value the page shows labelled.
        raise ValueError(f"{type(value).__name__}.{value.name} has no label to show")

    def labels_of(self, entities: dict[str, Any], ids: Iterable[str]) -> list[str]:
        """The labels of the notice's entities by id, in order; an unknown id as itself."""
        return [entities[i].label if i in entities else i for i in ids]

    def each_label(self, values: Iterable[Vocabulary]) -> list[str]:
        """Each value's label, in order, repeats kept (what a loop over the values shows)."""
        return [self.label(value) for value in values]

    def labels(self, values: Iterable[Vocabulary]) -> list[str]:
        """Each value's label, once, in order."""
        return list(dict.fromkeys(self.label(value) for value in values))

    def cookie_name(self, cookie: Cookie) -> Markup | str:
        """A cookie's technical name, or the label of the category the entry stands for."""
        if cookie.name:
            return Markup("<code><bdi>{}</bdi></code>").format(cookie.name)
        return self.label(cookie.category) if cookie.category else ""

    def cookie_names(self, cookies: Iterable[Cookie]) -> list[Markup | str]:
        return [self.cookie_name(cookie) for cookie in cookies]

    def countries(self, codes: Iterable[str]) -> list[str]:
        return [self.country(code) for code in codes]

    def after(self, loop: Any, shown: Iterable[object]) -> str:
        """What the language writes after the current item of a list a template loop builds
        (", ", then " and ", then nothing for "a, b and c"), so that it reads as `join` lists;
        `shown` is what the loop's items show, in order (items that hold an "and" are set
        apart: "a and b; c")."""
        texts = tuple(_text(item) for item in shown)
        if texts not in self._separators:  # a loop asks once per item
            self._separators[texts] = self._.separators(texts)
        return self._separators[texts][loop.index0]

    def law_names(self, jurisdictions: Iterable[object]) -> str:
        """Laws by their short names, as the language lists them: "GDPR and UK GDPR"."""
        return self._.list([str(j).upper().replace("-", " ") for j in jurisdictions])

    def address(self, address: Address) -> Markup:
        """A postal address in its country's layout, a line each; the lines as written stay
        one left-to-right (or right-to-left) unit, the country is named in the page's language."""
        lines = address_lines(
            address.street,
            address.locality,
            address.postal_code,
            address.region,
            address.country,
        )
        written = Markup("<br>").join(Markup("<bdi>{}</bdi>").format(line) for line in lines)
        return Markup("{}<br>{}").format(written, self.country(address.country))

    def join(self, items: Iterable[object]) -> Markup:
        """Items as the language lists them ("a, b and c"), each escaped unless it is markup
        already (a link, a <bdi>)."""
        parts = [escape(item) for item in items]
        slots = [f"\x00{i}\x00" for i in range(len(parts))]
        listed = escape(self._.list(slots, like=[_text(part) for part in parts]))
        for slot, part in zip(slots, parts, strict=True):
            listed = listed.replace(slot, part)
        return Markup(listed)


def default_language(languages: list[LanguageLink], source: str) -> LanguageLink | None:
    """The version for readers of none of the page's languages when there is no front page
    for them: the one in the notice's source language, else the first."""
    if len(languages) < 2:
        return None
    return next((link for link in languages if link.lang == source), languages[0])


def alternates(
    languages: list[LanguageLink],
    x_default: LanguageLink | None,
    published_at: str | None,
    to_root: str,
) -> list[tuple[str, str]]:
    """(hreflang, address) of every language version of a page and of `x-default`; none when
    there is one version. Addresses are full under the notice's `url` (search engines ignore
    relative ones), else relative to the page, which is `to_root` away from the site folder."""
    if len(languages) < 2:
        return []
    base = site_address(published_at) if published_at else to_root

    def address(link: LanguageLink) -> str:
        return base + link.path

    default = [("x-default", address(x_default))] if x_default else []
    return [(link.lang, address(link)) for link in languages] + default


def site_address(url: str) -> str:
    """The address of the site's folder, ending in `/`, from the notice's `url`: its query and
    fragment dropped, and its last segment when that names a page (`.../index.html`)."""
    parts = urlsplit(url)
    folder = parts.path.rsplit("/", 1)[0] if parts.path.endswith((".html", ".htm")) else parts.path
    return urlunsplit((parts.scheme, parts.netloc, folder.rstrip("/") + "/", "", ""))


def _base_context(
    notice: Notice,
    strings: Strings,
    *,
    draft: bool,
    languages: list[LanguageLink],
    generator: str,
    x_default: LanguageLink | None,
    to_root: str,
) -> dict[str, Any]:
    effective = notice.notice.effective  # None for a text published without a date
    url = notice.notice.url
    published_at = str(url) if url and not draft else None
    return {
        "_": strings,
        "lang": strings.lang,
        "direction": strings.direction,
        "notice": notice,
        "draft": draft,
        "languages": languages,
        "to_root": to_root,
        # A draft is not at the published address: its versions are named relative to it.
        "alternates": alternates(languages, x_default, published_at, to_root),
        # Our own constant scripts, inlined: the site requests nothing but its own files.
        "switcher_script": Markup(SWITCHER_SCRIPT),
        "css": Markup(stylesheet()),
        "created": effective.isoformat() if effective else None,
        "generator": generator,
    }


def render_notice(
    notice: Notice,
    strings: Strings,
    *,
    supplements: list[SupplementLink],
    languages: list[LanguageLink],
    draft: bool = False,
    generator: str = "noticegen",
    versions_href: str | None = None,
) -> str:
    """The main notice page for one language (the model given is already translated);
    `versions_href` links the page listing the archived versions, where there is one."""
    anchors = assign_anchors(notice)
    context = _base_context(
        notice,
        strings,
        draft=draft,
        languages=languages,
        generator=generator,
        x_default=FRONT_PAGE,
        to_root=LANGUAGE_PAGE_TO_ROOT,
    )
    context.update(
        h=Helpers(strings, anchors),
        flows=view.purpose_flows(notice),
        supplements=supplements,
        pdf_href=f"{notice.notice.id}.pdf",
        versions_href=versions_href,
    )
    return _render_page(_template("notice.html"), context)


def render_supplement(
    supplement: Supplement,
    notice: Notice,
    strings: Strings,
    *,
    notice_href: str,
    languages: list[LanguageLink],
    draft: bool = False,
    generator: str = "noticegen",
) -> str:
    """A supplement's page; the California one carries the CCPA table built from the notice."""
    anchors = assign_anchors(notice)
    x_default = default_language(languages, notice.notice.language)
    context = _base_context(
        notice,
        strings,
        draft=draft,
        languages=languages,
        generator=generator,
        x_default=x_default,
        to_root=LANGUAGE_PAGE_TO_ROOT,
    )
    is_ccpa = str(supplement.supplement.jurisdiction) == "ccpa"
    context.update(
        h=Helpers(strings, anchors),
        supplement=supplement,
        notice_href=notice_href,
        ccpa_rows=view.ccpa_rows(notice) if is_ccpa else [],
        pdf_href=f"{supplement.supplement.id}.pdf",
    )
    return _render_page(_template("supplement.html"), context)


def render_index(
    notice: Notice, strings: Strings, *, languages: list[LanguageLink], generator: str = "noticegen"
) -> str:
    """The site's front page: the notice in each language it is published in; with JavaScript,
    it opens the one the browser prefers (the source language when none is published)."""
    context = _base_context(
        notice,
        strings,
        draft=False,
        languages=languages,
        generator=generator,
        x_default=FRONT_PAGE,
        to_root="",
    )
    context.update(index_script=Markup(INDEX_SCRIPT))
    return _render_page(_template("index.html"), context)


@dataclass(frozen=True)
class ArchivedVersion:
    """A version in the site's archive of versions, as the versions page lists it."""

    version: str
    path: str
    """Its front page, from the versions page: `1.2.0/index.html`."""
    effective: datetime.date | None
    """None when its archived notice.json cannot be read."""


def render_versions(
    notice: Notice,
    strings: Strings,
    *,
    versions: list[ArchivedVersion],
    generator: str = "noticegen",
) -> str:
    """The page of every archived version (`versions/index.html`), newest first, in the
    notice's source language."""
    context = _base_context(
        notice,
        strings,
        draft=False,
        languages=[],
        generator=generator,
        x_default=None,
        to_root=LANGUAGE_PAGE_TO_ROOT,
    )
    context.update(versions=versions)
    return _render_page(_template("versions.html"), context)
