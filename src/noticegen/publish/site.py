"""Assemble the static site: pages and PDFs per language, JSON, exports, archive, manifest.

Layout of the output folder:

    index.html                    the notice's languages
    <lang>/index.html             the notice, per language, and <lang>/<notice-id>.pdf
    <lang>/<supplement-id>.html   each supplement in each of its languages, and its .pdf
    notice.json                   the model as JSON
    exports/                      store labels (Play CSV, xcprivacy), DPV JSON-LD, RoPA
    versions/<version>/           every published version, kept across builds as it was first
                                  published (a draft or a `serve` preview is never archived)
    versions/index.html           the list of archived versions (VERSIONS_PAGE), when there is one
    manifest.json                 every file with its sha256, and the hash of the inputs (a
                                  `serve` preview's also lists the PDFs it left to be rendered
                                  on request, under PENDING_PDFS)
    .noticegen-site               the marker that noticegen built this folder (see SITE_MARKER)

`--out` may come from a script run on a stranger's pull request, and the site replaces the whole
folder: noticegen writes only into a folder that is absent, empty or marked as a site it built,
and never into the notice folder, a folder holding it, a git repository, the home folder or `/`.

The site is built in `.<out>.build` next to the output and swapped in with two renames, the old
site moved aside to `.<out>.old` first. A build killed at any point leaves the old site, the new
one, or the old one moved aside; the next build, holding a lock on the parent folder, puts a
moved-aside site back and removes the leftover folders that carry the marker. When the inputs are
unchanged since the last build and every file still has the hash the manifest gives, nothing is
rendered.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import threading
import time
from collections.abc import Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import __version__
from ..i18n.pofile import MAX_BYTES as CATALOG_MAX_BYTES
from ..sources.folder import FolderFileRefused, read_folder_file, supplement_files
from ..sources.yamlsource import MAX_BYTES as YAML_MAX_BYTES

if TYPE_CHECKING:  # PDF workers import this module: keep it free of the model and rules
    from ..model import Notice, Supplement
    from ..sources.loading import LoadedNotice
    from .render import html

MANIFEST = "manifest.json"
VERSIONS = "versions"
VERSIONS_PAGE = f"{VERSIONS}/index.html"
"""The page that lists every archived version, relative to the site folder."""
PENDING_PDFS = "pending_pdfs"
"""The manifest key of a site built without PDFs: each PDF's path and the page it renders."""
GENERATOR = f"noticegen {__version__}"
SITE_MARKER = ".noticegen-site"
SITE_FORMAT = 1
"""The layout version of the site: a folder marked with another one is left alone."""
MARKER = {"format": SITE_FORMAT, "tool": "noticegen"}


class BuildError(Exception):
    """The site could not be built; the message is one line for the user."""


class UnsafeOutput(BuildError):
    """`--out` names a folder noticegen must not replace."""


@dataclass(frozen=True)
class Page:
    """One HTML page of the site and, when it has one, the PDF rendered from it."""

    path: str
    html: str
    pdf_path: str | None = None


@dataclass(frozen=True)
class BuildResult:
    out: Path
    files: int
    pdfs: int
    skipped: bool
    warnings: tuple[str, ...] = ()
    """One line each, for the user: things the build did not do as asked."""
    pending_pdfs: int = 0
    """PDFs left out of a site built without them (`serve` renders them on request)."""


def languages_of(notice: Notice) -> list[str]:
    return list(notice.notice.languages or [notice.notice.language])


def supplement_languages(supplement: Supplement, notice: Notice) -> list[str]:
    return list(supplement.supplement.languages or languages_of(notice))


def plan_pages(
    loaded: LoadedNotice,
    *,
    draft: bool,
    earlier: Collection[str] = (),
    left_out: Collection[str] = (),
    versions_href: str | None = None,
) -> list[Page]:
    """Every HTML page of the site, rendered; the PDFs are rendered from these. The pages in the
    `earlier` languages come from the archive (`earlier_pages`): linked to, not rendered. The
    `left_out` languages are neither rendered nor linked to."""
    from ..i18n.notice import translate_notice, translate_supplement
    from ..i18n.strings import Strings
    from .render import html

    notice = loaded.notice
    assert notice is not None
    root = loaded.root
    notice_id = notice.notice.id
    langs = [lang for lang in languages_of(notice) if lang not in left_out]
    supplements = [s for _, s in loaded.supplements]
    for supplement in supplements:
        if supplement.supplement.id in (notice_id, "index"):
            raise BuildError(
                f"supplement id `{supplement.supplement.id}` would overwrite the "
                f"{'notice' if supplement.supplement.id == notice_id else 'index'} page; rename it"
            )

    def links(available: list[str], current: str, filename: str) -> list[html.LanguageLink]:
        return [
            html.LanguageLink(lang, html.language_name(lang), f"{lang}/{filename}", lang == current)
            for lang in available
        ]

    def published_in(supplement: Supplement) -> list[str]:
        return [lang for lang in supplement_languages(supplement, notice) if lang not in left_out]

    home = home_country(notice)
    pages = []
    for lang in [lang for lang in langs if lang not in earlier]:
        strings = Strings(lang, home)
        translated = translate_notice(notice, root, lang)
        supplement_links = []
        for supplement in supplements:
            available = published_in(supplement)
            if not available:
                continue
            shown_in = lang if lang in available else available[0]
            # The link is read on this page, so it is worded in the page's language even
            # when the supplement itself is published only in another one.
            meta = translate_supplement(supplement, root, lang).supplement
            href = f"{meta.id}.html" if shown_in == lang else f"../{shown_in}/{meta.id}.html"
            hreflang = None if shown_in == lang else shown_in
            supplement_links.append(
                html.SupplementLink(meta.id, meta.title, meta.applies_to, href, hreflang)
            )
        text = html.render_notice(
            translated,
            strings,
            supplements=supplement_links,
            languages=links(langs, lang, "index.html"),
            draft=draft,
            generator=GENERATOR,
            versions_href=versions_href,
        )
        pages.append(Page(f"{lang}/index.html", text, f"{lang}/{notice_id}.pdf"))

    for supplement in supplements:
        available = published_in(supplement)
        sid = supplement.supplement.id
        for lang in [lang for lang in available if lang not in earlier]:
            notice_lang = lang if lang in langs else langs[0]
            text = html.render_supplement(
                translate_supplement(supplement, root, lang),
                translate_notice(notice, root, lang),
                Strings(lang, home),
                notice_href=(
                    "index.html" if notice_lang == lang else f"../{notice_lang}/index.html"
                ),
                languages=links(available, lang, f"{sid}.html"),
                draft=draft,
                generator=GENERATOR,
            )
            pages.append(Page(f"{lang}/{sid}.html", text, f"{lang}/{sid}.pdf"))

    source = notice.notice.language
    index_links = [
        html.LanguageLink(lang, html.language_name(lang), f"{lang}/index.html", False)
        for lang in langs
    ]
    index = html.render_index(
        translate_notice(notice, root, source),
        Strings(source, home),
        languages=index_links,
        generator=GENERATOR,
    )
    pages.append(Page("index.html", index))
    return pages


# --- translations of an earlier text -------------------------------------------------------


def stale_languages(loaded: LoadedNotice) -> list[str]:
    """The translation languages whose catalog does not translate every entry of the current
    text (an entry translates an earlier text, is fuzzy, missing or empty): a page built from
    it now would mix the current text, shown untranslated, with the translations."""
    from ..i18n.catalogs import SourceEntries, entries_for, entry_states, translation_languages
    from ..i18n.notice import catalog_path
    from ..i18n.pofile import read_catalog

    notice = loaded.notice
    assert notice is not None
    root = loaded.root
    supplements = [
        (_relative(Path(s.path), root), supplement) for s, supplement in loaded.supplements
    ]
    source = SourceEntries.of(notice, supplements)
    stale = []
    for lang in translation_languages(notice, supplements):
        path = catalog_path(root, lang)
        po = read_catalog(path, lang, root) if path.is_file() else None
        if po is None or po.catalog is None:
            continue
        states = entry_states(po, entries_for(notice, supplements, lang, source))
        if any(state.state != "translated" for state in states):
            stale.append(lang)
    return stale


def _relative(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _earliest_first_archive(out: Path) -> list[Path]:
    archive = out / VERSIONS
    folders = [p for p in archive.iterdir() if p.is_dir()] if archive.is_dir() else []
    return sorted(folders, key=lambda f: _newest_last(_archived_version(f)))


def _archived_version(folder: Path) -> html.ArchivedVersion:
    from .render import html

    return html.ArchivedVersion(folder.name, f"{folder.name}/index.html", _effective(folder))


class EarlierTranslation(NamedTuple):
    version: str
    """The archived version the pages translate."""
    pages: list[Page]


def earlier_pages(out: Path, lang: str, notice: Notice) -> EarlierTranslation | None:
    """The pages in `lang` of the newest version archived in the site `out` that has them, each
    marked as a translation of that earlier version and pointing to the current text in the
    source language; None when no archived version has that language. Every archived version
    was published from a catalog that fully translated it (a stale language is never archived)."""
    from html import escape

    from ..i18n.strings import Strings
    from .render import html

    _ = Strings(lang, home_country(notice))
    for folder in reversed(_earliest_first_archive(out)):
        archived = folder / lang
        if not (archived / "index.html").is_file():
            continue
        version = _archived_version(folder)
        pdf_stem = _archived_notice_id(folder)
        source = notice.notice.language
        which = _("Version {version}", version=version.version)
        if version.effective:
            effective = _("Effective {date}", date=_.date(version.effective))
            which = _("{first} · {second}", first=which, second=effective)
        # In the page's language, which the note sits in: the reader of a stale French page
        # reads French.
        earlier = _(
            "This translation is of an earlier version of this notice ({version}).", version=which
        )
        updating = _("The notice has changed since, and this translation is being updated.")
        current = _("Read the current version ({language})", language=html.language_name(source))
        note = (
            f'<div class="earlier-translation" role="note" style="{EARLIER_NOTE_STYLE}">'
            f'<p style="margin:0"><strong>{escape(earlier)}</strong> {escape(updating)} '
            f'<a href="../{escape(source)}/index.html" hreflang="{escape(source)}">'
            f"{escape(current)}</a></p></div>"
        )
        pages = []
        for page in sorted(archived.glob("*.html")):
            if page.is_symlink():
                continue
            text = _marked(page.read_text(encoding="utf-8"), note)
            stem = pdf_stem if page.stem == "index" else page.stem
            pdf = f"{lang}/{stem}.pdf" if stem and (archived / f"{stem}.pdf").is_file() else None
            pages.append(Page(f"{lang}/{page.name}", text, pdf))
        return EarlierTranslation(version.version, pages)
    return None


EARLIER_NOTE_STYLE = (
    "margin:0 auto;padding:.75rem 1rem;max-width:50rem;border:2px solid #8a5a00;"
    "background:#fff4d6;color:#1a1a1a"
)


def _marked(page: str, note: str) -> str:
    """The page with the note first in its body."""
    body = re.search(r"<body\b[^>]*>", page)
    at = body.end() if body else 0
    return f"{page[:at]}\n{note}{page[at:]}"


def _archived_notice_id(folder: Path) -> str | None:
    try:
        notice_id = json.loads((folder / "notice.json").read_text(encoding="utf-8"))["notice"]["id"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return notice_id if isinstance(notice_id, str) and SAFE_NAME.fullmatch(notice_id) else None


SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*", re.IGNORECASE)


# --- PDF rendering, in parallel ------------------------------------------------------------

_worker_renderer: Any = None
_worker_error: Exception | None = None
_held_lock: int | None = None
"""The descriptor that holds the lock on the output's parent folder while this process builds."""


def _init_worker(root: str) -> None:
    # Each worker imports WeasyPrint and builds its font configuration once. A failure is kept
    # and raised with the first page, since an initializer's error only breaks the pool.
    global _worker_renderer, _worker_error
    from .render.pdf import PdfError, PdfRenderer

    # Without a pool this runs in the main process: a failure of an earlier build (under
    # `serve`) must not be raised again by this one.
    _worker_renderer, _worker_error = None, None
    try:
        _worker_renderer = PdfRenderer(Path(root))
    except PdfError as error:
        _worker_error = error


def _init_pool_worker(root: str, owner: int) -> None:
    # A forked worker shares the build's lock: it lets go of it, so that a build killed while
    # its workers live on does not lock out the next one. And it ends with the build that
    # started it: a killed build's workers would otherwise wait for work forever.
    if _held_lock is not None:
        os.close(_held_lock)
    threading.Thread(target=_exit_with_owner, args=(owner, os.getppid()), daemon=True).start()
    _init_worker(root)


def _exit_with_owner(owner: int, parent: int) -> None:
    # A forked worker's parent is the process that started the pool (its owner). A fork
    # server's worker has the server for parent, which lives as long as its workers do: the
    # owner is watched as well.
    while os.getppid() == parent and _alive(owner):
        time.sleep(1)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True


def _render_in_worker(html_text: str) -> bytes:
    if _worker_error is not None:
        raise _worker_error
    return bytes(_worker_renderer.render(html_text))


def _ready() -> None:
    """A task that only makes a worker start (and import WeasyPrint) before it is needed."""


def pdf_pool(root: Path, workers: int | None = None) -> ProcessPoolExecutor:
    """A pool of PDF workers that stay warm between renderings (`serve`): every worker is
    started at once and imports WeasyPrint in the background."""
    workers = workers or os.cpu_count() or 1
    pool = ProcessPoolExecutor(
        max_workers=workers,
        # Forking is unsafe while other threads run, as they do in `serve`.
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=_init_pool_worker,
        initargs=(str(root), os.getpid()),
    )
    for _ in range(workers):
        pool.submit(_ready)
    return pool


def render_pdf(pool: ProcessPoolExecutor, html_text: str) -> bytes:
    """The PDF of one page, rendered in a worker of `pool`; raises BuildError."""
    from .render.pdf import PdfError

    try:
        return pool.submit(_render_in_worker, html_text).result()
    except PdfError as error:
        raise BuildError(f"PDF rendering failed: {error}") from error


def render_pdfs(root: Path, documents: list[str], workers: int | None = None) -> list[bytes]:
    """PDFs of the given HTML documents, in order, across the cores when there are several."""
    from .render.pdf import PdfError

    workers = min(workers or os.cpu_count() or 1, len(documents))
    try:
        if workers <= 1:
            _init_worker(str(root))
            return [_render_in_worker(d) for d in documents]
        # Forking is the cheapest start, but unsafe while other threads run (`serve`).
        method = "fork" if threading.active_count() == 1 else "forkserver"
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_init_pool_worker,
            initargs=(str(root), os.getpid()),
        ) as pool:
            # Longest pages first, so that no core is left with a long page at the end.
            order = sorted(range(len(documents)), key=lambda i: -len(documents[i]))
            rendered = dict(
                zip(order, pool.map(_render_in_worker, [documents[i] for i in order]), strict=True)
            )
            return [rendered[i] for i in range(len(documents))]
    except PdfError as error:
        raise BuildError(f"PDF rendering failed: {error}") from error


# --- inputs, manifest, archive -------------------------------------------------------------


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            yield path


def _renderer_files() -> Iterator[tuple[str, Path]]:
    """noticegen's own files that shape the output, by content (an edit in a development
    install changes no version number): templates, assets, built-in catalogs and the code that
    renders and assembles the site."""
    package = Path(__file__).parent.parent
    for folder in ("publish/render/templates", "publish/render/assets"):
        for path in _files_under(package / folder):
            yield f"{folder}/{path.relative_to(package / folder).as_posix()}", path
    for pattern in (
        "publish/render/*.py",
        "publish/site.py",
        "publish/exports/*.py",
        "i18n/*.py",
        "i18n/locales/*.po",
    ):
        for path in sorted(package.glob(pattern)):
            yield path.relative_to(package).as_posix(), path


def inputs_hash(
    root: Path,
    *,
    draft: bool,
    config: Path | None = None,
    preview: bool = False,
    pdfs: bool = True,
) -> str:
    """A hash of everything the output depends on: the notice files, noticegen's own version and
    the files of noticegen that shape the output, the draft, preview and PDF flags (a preview
    archives nothing and may leave out the PDFs, so a build after it must not be skipped),
    SOURCE_DATE_EPOCH and the lint configuration (which decides whether the notice may be built
    at all)."""
    digest = hashlib.sha256()
    if config is not None:
        digest.update(b"config\0" + hashlib.sha256(config.read_bytes()).digest())
    digest.update(f"{GENERATOR}\0draft={draft}\0preview={preview}\0pdfs={pdfs}\0".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
    for path in _files_under(root):
        digest.update(f"notice/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(hashlib.sha256(_notice_file_bytes(root, path)).digest())
    for name, path in _renderer_files():
        digest.update(f"noticegen/{name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _notice_file_bytes(root: Path, path: Path) -> bytes:
    """A notice file's bytes as the notice's readers get them: a link leading outside the folder
    or a file past the cap is not read; its refusal stands in for it (lint reports it)."""
    try:
        return read_folder_file(root, path, max(CATALOG_MAX_BYTES, YAML_MAX_BYTES))
    except FolderFileRefused as refused:
        return f"refused: {refused}".encode()


def read_manifest(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def previous_build(out: Path, inputs: str) -> BuildResult | None:
    """The build in `out` when it was made from the inputs hashed as `inputs` and every file
    it lists still has the hash it was written with (a truncated file is rebuilt)."""
    manifest = read_manifest(out)
    if manifest is None or manifest.get("inputs") != inputs:
        return None
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        _sha256_of(out / name) == digest for name, digest in files.items()
    ):
        return None
    pdfs = sum(name.endswith(".pdf") for name in files)
    return BuildResult(out, len(files), pdfs, True, pending_pdfs=len(pending_pdfs(out)))


def _sha256_of(path: Path) -> str | None:
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def published_files(out: Path) -> set[str]:
    """The paths, relative to `out`, of the files noticegen published there (none when `out`
    is not a site it built)."""
    if not is_site(out):
        return set()
    files = _list_manifest(out)
    return {*files, MANIFEST} if files else set()


def pending_pdfs(out: Path) -> dict[str, str]:
    """The PDFs a site built without them leaves to be rendered on request, each with the path
    of the page it is rendered from (both relative to `out` and listed by its manifest)."""
    manifest = read_manifest(out) or {}
    pending = manifest.get(PENDING_PDFS, {})
    files = manifest.get("files", {})
    if not isinstance(pending, dict) or not isinstance(files, dict):
        return {}
    return {pdf: page for pdf, page in pending.items() if page in files and pdf not in files}


def dump_json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _write(folder: Path, relative: str, data: bytes) -> None:
    path = folder / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as error:
        if error.filename is None:  # a failed write (a full disk) names no file
            error.filename = str(path)
        raise


def describe_os_error(error: OSError) -> str:
    """`path: reason` for the user, also for errors raised without a path or a reason."""
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        _, target, reason = error.args[0][0]  # copytree gathers (source, target, reason)
        return f"{target}: {reason}"
    reason = error.strerror or (os.strerror(error.errno) if error.errno else str(error))
    return f"{error.filename}: {reason}" if error.filename else reason or type(error).__name__


def _copy_archive(previous: Path, staging: Path) -> None:
    """Every archived version of the previous site, carried forward unchanged."""
    archive = previous / VERSIONS
    if not archive.is_dir():
        return
    for version_dir in sorted(archive.iterdir()):
        if version_dir.is_dir():
            shutil.copytree(version_dir, staging / VERSIONS / version_dir.name)


def _archive(staging: Path, version: str, published: dict[str, bytes]) -> str | None:
    """Archive this build as `version` unless that version is archived already. An archived
    copy is what was published, so it is never replaced: a warning when this build differs."""
    folder = staging / VERSIONS / version
    if not folder.is_dir():
        for relative, data in published.items():
            _write(folder, relative, data)
        return None
    archived = {p.relative_to(folder).as_posix(): p.read_bytes() for p in _files_under(folder)}
    if archived == published:
        return None
    return (
        f"{VERSIONS}/{version}/ already holds version {version} as it was published and this "
        "build differs from it; kept the archived copy (the notice changed without a new "
        "version, or a newer noticegen renders it differently)"
    )


def _versions_page(loaded: LoadedNotice, staging: Path) -> str | None:
    """The page listing the archived versions in `staging`, newest first; None without any."""
    from ..i18n.notice import translate_notice
    from ..i18n.strings import Strings
    from .render import html

    notice = loaded.notice
    assert notice is not None
    archive = staging / VERSIONS
    folders = sorted(p for p in archive.iterdir() if p.is_dir()) if archive.is_dir() else []
    if not folders:
        return None
    versions = [_archived_version(f) for f in folders]
    versions.sort(key=_newest_last)
    versions.reverse()
    source = notice.notice.language
    return html.render_versions(
        translate_notice(notice, loaded.root, source),
        Strings(source, home_country(notice)),
        versions=versions,
        generator=GENERATOR,
    )


def home_country(notice: Notice) -> str | None:
    """The controller's country, whose conventions a page in a language without a region
    follows (see `Strings`)."""
    address = notice.controller.postal_address
    return address.country if address else None


def versions_link(notice: Notice) -> str:
    """The versions page's address from a language folder. Archived pages are byte copies that
    live deeper, so the address is absolute where the notice says where it is published."""
    if notice.notice.url:
        return f"{str(notice.notice.url).rstrip('/')}/{VERSIONS_PAGE}"
    return f"../{VERSIONS_PAGE}"


def _newest_last(version: html.ArchivedVersion) -> tuple[datetime.date, tuple[int, ...]]:
    numbers = tuple(int(n) if n.isdigit() else -1 for n in version.version.split("."))
    return version.effective or datetime.date.min, numbers


def _effective(archived: Path) -> datetime.date | None:
    """The effective date of an archived version, from its notice.json."""
    try:
        data = json.loads((archived / "notice.json").read_text(encoding="utf-8"))
        return datetime.date.fromisoformat(data["notice"]["effective"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _manifest(staging: Path, inputs: str, notice: Notice, pending: dict[str, str]) -> bytes:
    files = {
        path.relative_to(staging).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in _files_under(staging)
    }
    files.pop(MANIFEST, None)
    manifest: dict[str, Any] = {
        "generator": GENERATOR,
        "inputs": inputs,
        "notice": notice.notice.id,
        "version": notice.notice.version,
        "effective": notice.notice.effective.isoformat() if notice.notice.effective else None,
        "files": files,
    }
    if pending:
        manifest[PENDING_PDFS] = pending
    return dump_json(manifest)


# --- the output folder: what may be replaced, the swap and its recovery ----------------------


def is_site(folder: Path) -> bool:
    """Whether `folder` carries the marker of a site noticegen built, in this site format."""
    try:
        return json.loads((folder / SITE_MARKER).read_text(encoding="utf-8")) == MARKER
    except (OSError, ValueError):
        return False


def check_output(out: Path, notice_root: Path) -> None:
    """Refuse, with UnsafeOutput, an output folder the site must not replace."""
    out = out.absolute()
    try:
        refusal = _refusal(out, notice_root)
    except OSError as error:
        refusal = f"cannot be checked: {describe_os_error(error)}"
    if refusal is not None:
        raise UnsafeOutput(f"--out {out} {refusal}: choose a new or empty folder")


def _refusal(out: Path, notice_root: Path) -> str | None:
    """Why the site must not replace `out`, or None."""
    where = out.resolve()
    notice = notice_root.resolve()
    if where.parent == where:
        return "is the root of the file system"
    if where == _home():
        return "is your home folder"
    if notice.is_relative_to(where):
        return f"holds the notice folder {notice_root}"
    if where.is_relative_to(notice):
        return f"is inside the notice folder {notice_root}"
    if out.is_symlink():
        return "is a symbolic link; give the folder it points to"
    if out.exists() and not out.is_dir():
        return "is not a folder"
    if (out / ".git").exists():
        return "is the root of a git repository"
    if out.is_dir() and any(out.iterdir()) and not is_site(out):
        return (
            f"holds files and is not a site noticegen built (it has no {SITE_MARKER} marker); "
            "the site replaces the whole folder"
        )
    return None


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return None


def _staging(out: Path) -> Path:
    return out.with_name(f".{out.name}.build")


def _moved_aside(out: Path) -> Path:
    return out.with_name(f".{out.name}.old")


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` so that no other build works beside this one (a
    second build waits for the first)."""
    global _held_lock
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        with contextlib.suppress(OSError):  # a file system without flock: build unlocked
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        _held_lock = descriptor
        yield
    finally:
        _held_lock = None
        os.close(descriptor)  # releases the lock


def _new_staging(out: Path) -> Path:
    """An empty staging folder, marked at once so that it is ours to remove if we are killed."""
    staging = _staging(out)
    staging.mkdir()
    (staging / SITE_MARKER).write_bytes(dump_json(MARKER))
    return staging


def _remove_ours(folder: Path) -> None:
    """Delete a folder noticegen made, its marker last: a kill halfway leaves it marked."""
    if folder.is_symlink() or not is_site(folder):
        return
    for entry in folder.iterdir():
        if entry.name == SITE_MARKER:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    (folder / SITE_MARKER).unlink()
    folder.rmdir()


def _recover(out: Path) -> None:
    """Finish what a killed build left: a site moved aside goes back when no site replaced it,
    and the leftover folders are removed."""
    aside = _moved_aside(out)
    if not out.exists() and not out.is_symlink() and is_site(aside):
        aside.rename(out)
    _remove_ours(aside)
    _remove_ours(_staging(out))


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging`: move the old site aside, rename the new one in, then delete
    the old one. A kill at any step is recovered by `_recover` on the next build."""
    aside = _moved_aside(out)
    if is_site(out):
        out.rename(aside)
    elif out.exists():
        out.rmdir()  # an empty folder (check_output refused any other)
    try:
        staging.rename(out)
    except OSError:
        if aside.exists():
            aside.rename(out)
        raise
    _remove_ours(aside)


def _source_date_epoch(notice: Notice) -> str:
    """SOURCE_DATE_EPOCH when set, otherwise midnight UTC of the effective date (of 1970-01-01
    for an undated notice: still the same bytes on every build)."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given:
        return given
    effective = notice.notice.effective or datetime.date(1970, 1, 1)
    midnight = datetime.datetime.combine(effective, datetime.time(), datetime.UTC)
    return str(int(midnight.timestamp()))


def dropped_supplements(loaded: LoadedNotice) -> list[str]:
    """One line for each supplement file that did not load and so is left out of the site."""
    kept = {Path(source.path).resolve() for source, _ in loaded.supplements}
    lines = []
    for file in supplement_files(Path(loaded.main.path)):
        if file.resolve() in kept:
            continue
        count = sum(1 for f in loaded.findings if Path(f.file).resolve() == file.resolve())
        relative = file.relative_to(loaded.root).as_posix()
        lines.append(
            f"supplement {relative} did not load ({count} finding{'s' if count != 1 else ''}; "
            "run `noticegen lint`): left out of this draft"
        )
    return lines


def build_site(
    loaded: LoadedNotice,
    out: Path,
    *,
    draft: bool = False,
    workers: int | None = None,
    config: Path | None = None,
    preview: bool = False,
    pdfs: bool = True,
    stale: Collection[str] = (),
) -> BuildResult:
    """Build the site for a loaded notice into `out`. Raises BuildError with one line.

    The `stale` languages (`stale_languages`, when the source is published while their
    translations catch up) are not built from their catalogs: each is the newest archived
    version's pages in it, marked as a translation of that version, or left out of the site
    when the archive has none; a stale language is not archived with this version.

    A preview (`serve`, while the notice is being written) is not published: like a draft, it
    adds nothing to the archive of versions. Without `pdfs` (a preview only: the pages come
    first) the manifest lists the PDFs left out, to be rendered on request."""
    if not pdfs and not preview:
        raise ValueError("only a preview may leave out the PDFs")
    notice = loaded.notice
    if notice is None:
        raise BuildError("the notice did not load; run `noticegen lint` for the findings")
    out = out.absolute()
    check_output(out, loaded.root)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _lock(out.parent):
            _recover(out)
            check_output(out, loaded.root)  # what the recovery put back is checked too
            return _build_locked(loaded, notice, out, draft, workers, config, preview, pdfs, stale)
    except OSError as error:
        raise BuildError(f"cannot write the site {out}: {describe_os_error(error)}") from error


def _build_locked(
    loaded: LoadedNotice,
    notice: Notice,
    out: Path,
    draft: bool,
    workers: int | None,
    config: Path | None,
    preview: bool,
    pdfs: bool,
    stale: Collection[str],
) -> BuildResult:
    from .exports import export_files

    inputs = inputs_hash(loaded.root, draft=draft, config=config, preview=preview, pdfs=pdfs)
    if stale:
        inputs = hashlib.sha256(f"{inputs}\0stale={sorted(stale)}".encode()).hexdigest()
    previous = previous_build(out, inputs)
    if previous is not None:
        return previous  # rendering is skipped; lint, which reads git too, ran as always
    # A draft is built despite errors: say what the errors left out of it.
    warnings = dropped_supplements(loaded) if draft else []
    staging = _new_staging(out)

    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    # fontTools stamps subset fonts with SOURCE_DATE_EPOCH: set it so PDFs are reproducible.
    os.environ["SOURCE_DATE_EPOCH"] = _source_date_epoch(notice)
    from .render.html import MissingAsset

    try:
        earlier = {lang: earlier_pages(out, lang, notice) for lang in stale}
        left_out = sorted(lang for lang, found in earlier.items() if found is None)
        warnings.extend(_stale_warning(lang, earlier[lang]) for lang in sorted(stale))
        # A published build archives itself, so the versions page will exist; a draft, a
        # preview or an undated notice (the archive files each version under its date) links
        # it only when earlier builds left one.
        archives = not (draft or preview) and notice.notice.effective is not None
        archived = archives or bool(_earliest_first_archive(out))
        pages = plan_pages(
            loaded,
            draft=draft,
            earlier=stale,
            left_out=left_out,
            versions_href=versions_link(notice) if archived else None,
        )
        carried = [page for found in earlier.values() if found for page in found.pages]
        pages += carried
        with_pdf = [p for p in pages if p.pdf_path]
        pending = {p.pdf_path: p.path for p in with_pdf if p.pdf_path and not pdfs}
        rendered = render_pdfs(loaded.root, [p.html for p in with_pdf], workers) if pdfs else []
        published: dict[str, bytes] = {p.path: p.html.encode("utf-8") for p in pages}
        published.update(
            {p.pdf_path: pdf for p, pdf in zip(with_pdf, rendered, strict=False) if p.pdf_path}
        )
        published["notice.json"] = dump_json(notice.model_dump(mode="json"))
        for relative, data in published.items():
            _write(staging, relative, data)
        for relative, data in export_files(notice).items():
            _write(staging, f"exports/{relative}", data)
        _copy_archive(out, staging)
        if not (draft or preview) and not archives:
            warnings.append(
                "the notice has no date (`notice.effective`, NG805): published, but not "
                "archived as a version"
            )
        if archives:
            # Only what this version was built from is archived with it.
            for page in carried:
                for path in (page.path, page.pdf_path):
                    published.pop(path or "", None)
            warning = _archive(staging, notice.notice.dated.version, published)
            if warning is not None:
                warnings.append(warning)
        versions_page = _versions_page(loaded, staging)
        if versions_page is not None:
            _write(staging, VERSIONS_PAGE, versions_page.encode("utf-8"))
        _write(staging, MANIFEST, _manifest(staging, inputs, notice, pending))
        _swap_in(staging, out)
    except MissingAsset as error:
        _remove_ours(staging)
        raise BuildError(str(error)) from error
    except BaseException:
        with contextlib.suppress(OSError):  # the first error is the one to report
            _remove_ours(staging)
        raise
    finally:
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch
    return BuildResult(
        out, len(_list_manifest(out)), len(rendered), False, tuple(warnings), len(pending)
    )


def _stale_warning(lang: str, earlier: EarlierTranslation | None) -> str:
    if earlier is None:
        return (
            f"the {lang} catalog does not translate the current text yet and no archived "
            f"version has {lang} pages: {lang} is left out of this site"
        )
    return (
        f"the {lang} catalog does not translate the current text yet: the {lang} pages are "
        f"those of version {earlier.version} from the archive, marked as a translation of it"
    )


def _list_manifest(out: Path) -> dict[str, str]:
    manifest = read_manifest(out) or {}
    files = manifest.get("files", {})
    return files if isinstance(files, dict) else {}
