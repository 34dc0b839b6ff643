"""Assemble the static site: pages and PDFs per language, JSON, exports, archive, manifest.

Layout of the output folder:

    index.html                    the notice's languages
    <lang>/index.html             the notice, per language, and <lang>/<notice-id>.pdf
    <lang>/<supplement-id>.html   each supplement in each of its languages, and its .pdf
    notice.json                   the model as JSON
    exports/                      store labels (Play CSV, xcprivacy), DPV JSON-LD, RoPA
    versions/<version>/           every published version, kept across builds as it was first
                                  published (a draft is never archived)
    manifest.json                 every file with its sha256, and the hash of the inputs

The site is built in a temporary folder next to the output and swapped in at the end, so a
failed build leaves the previous site as it was. When the inputs are unchanged since the last
build, nothing is rendered.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .folder import supplement_files

if TYPE_CHECKING:  # PDF workers import this module: keep it free of the model and rules
    from .loading import LoadedNotice
    from .model import Notice, Supplement

MANIFEST = "manifest.json"
VERSIONS = "versions"
GENERATOR = f"noticegen {__version__}"


class BuildError(Exception):
    """The site could not be built; the message is one line for the user."""


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


def languages_of(notice: Notice) -> list[str]:
    return list(notice.notice.languages or [notice.notice.language])


def supplement_languages(supplement: Supplement, notice: Notice) -> list[str]:
    return list(supplement.supplement.languages or languages_of(notice))


def plan_pages(loaded: LoadedNotice, *, draft: bool) -> list[Page]:
    """Every HTML page of the site, rendered; the PDFs are rendered from these."""
    from .i18n.notice import translate_notice, translate_supplement
    from .i18n.strings import Strings
    from .render import html

    notice = loaded.notice
    assert notice is not None
    root = loaded.root
    notice_id = notice.notice.id
    langs = languages_of(notice)
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

    pages = []
    for lang in langs:
        strings = Strings(lang)
        translated = translate_notice(notice, root, lang)
        supplement_links = []
        for supplement in supplements:
            available = supplement_languages(supplement, notice)
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
        )
        pages.append(Page(f"{lang}/index.html", text, f"{lang}/{notice_id}.pdf"))

    for supplement in supplements:
        available = supplement_languages(supplement, notice)
        sid = supplement.supplement.id
        for lang in available:
            notice_lang = lang if lang in langs else langs[0]
            text = html.render_supplement(
                translate_supplement(supplement, root, lang),
                translate_notice(notice, root, lang),
                Strings(lang),
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
        Strings(source),
        languages=index_links,
        generator=GENERATOR,
    )
    pages.append(Page("index.html", index))
    return pages


# --- PDF rendering, in parallel ------------------------------------------------------------

_worker_renderer: Any = None
_worker_error: Exception | None = None


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


def _render_in_worker(html_text: str) -> bytes:
    if _worker_error is not None:
        raise _worker_error
    return bytes(_worker_renderer.render(html_text))


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
            initializer=_init_worker,
            initargs=(str(root),),
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
    package = Path(__file__).parent
    for folder in ("render/templates", "render/assets"):
        for path in _files_under(package / folder):
            yield f"{folder}/{path.relative_to(package / folder).as_posix()}", path
    for pattern in ("render/*.py", "site.py", "exports/*.py", "i18n/*.py", "i18n/locales/*.po"):
        for path in sorted(package.glob(pattern)):
            yield path.relative_to(package).as_posix(), path


def inputs_hash(
    root: Path, *, draft: bool, config: Path | None = None, out: Path | None = None
) -> str:
    """A hash of everything the output depends on: the notice files, noticegen's own version and
    the files of noticegen that shape the output, the draft flag, SOURCE_DATE_EPOCH and the lint
    configuration (which decides whether the notice may be built at all)."""
    digest = hashlib.sha256()
    if config is not None:
        digest.update(b"config\0" + hashlib.sha256(config.read_bytes()).digest())
    digest.update(f"{GENERATOR}\0draft={draft}\0".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
    for path in _files_under(root):
        if out is not None and path.absolute().is_relative_to(out):
            continue  # a site built inside the notice folder is output, not input
        digest.update(f"notice/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name, path in _renderer_files():
        digest.update(f"noticegen/{name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_manifest(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def previous_build(out: Path, inputs: str) -> BuildResult | None:
    """The build in `out` when it was made from the inputs hashed as `inputs` and is intact."""
    manifest = read_manifest(out)
    if manifest is None or manifest.get("inputs") != inputs:
        return None
    files = manifest.get("files")
    if not isinstance(files, dict) or not all((out / name).is_file() for name in files):
        return None
    return BuildResult(out, len(files), sum(name.endswith(".pdf") for name in files), True)


def dump_json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _write(folder: Path, relative: str, data: bytes) -> None:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


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


def _manifest(staging: Path, inputs: str, notice: Notice) -> bytes:
    files = {
        path.relative_to(staging).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in _files_under(staging)
    }
    files.pop(MANIFEST, None)
    return dump_json(
        {
            "generator": GENERATOR,
            "inputs": inputs,
            "notice": notice.notice.id,
            "version": notice.notice.version,
            "effective": notice.notice.effective.isoformat(),
            "files": files,
        }
    )


def _swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames; the old site is deleted only afterwards."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
        old.rmdir()
        out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _source_date_epoch(notice: Notice) -> str:
    """SOURCE_DATE_EPOCH when set, otherwise midnight UTC of the effective date."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given:
        return given
    midnight = datetime.datetime.combine(notice.notice.effective, datetime.time(), datetime.UTC)
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
) -> BuildResult:
    """Build the site for a loaded notice into `out`. Raises BuildError with one line."""
    from .exports import export_files

    notice = loaded.notice
    if notice is None:
        raise BuildError("the notice did not load; run `noticegen lint` for the findings")
    out = out.absolute()
    if out.is_dir() and any(out.iterdir()) and read_manifest(out) is None:
        raise BuildError(
            f"{out} is not empty and holds no {MANIFEST}: it is not a site noticegen built, "
            "and building would replace it; choose another --out"
        )
    inputs = inputs_hash(loaded.root, draft=draft, config=config, out=out)
    previous = previous_build(out, inputs)
    if previous is not None:
        return previous  # rendering is skipped; lint, which reads git too, ran as always
    # A draft is built despite errors: say what the errors left out of it.
    warnings = dropped_supplements(loaded) if draft else []

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.build-"))
        staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site must be readable
    except OSError as error:
        raise BuildError(f"cannot write to {out.parent}: {error.strerror}") from error

    saved_epoch = os.environ.get("SOURCE_DATE_EPOCH")
    # fontTools stamps subset fonts with SOURCE_DATE_EPOCH: set it so PDFs are reproducible.
    os.environ["SOURCE_DATE_EPOCH"] = _source_date_epoch(notice)
    from .render.html import MissingAsset

    try:
        pages = plan_pages(loaded, draft=draft)
        with_pdf = [p for p in pages if p.pdf_path]
        pdfs = render_pdfs(loaded.root, [p.html for p in with_pdf], workers)
        published: dict[str, bytes] = {p.path: p.html.encode("utf-8") for p in pages}
        published.update(
            {p.pdf_path: pdf for p, pdf in zip(with_pdf, pdfs, strict=True) if p.pdf_path}
        )
        published["notice.json"] = dump_json(notice.model_dump(mode="json"))
        for relative, data in published.items():
            _write(staging, relative, data)
        for relative, data in export_files(notice).items():
            _write(staging, f"exports/{relative}", data)
        _copy_archive(out, staging)
        if not draft:
            warning = _archive(staging, notice.notice.version, published)
            if warning is not None:
                warnings.append(warning)
        _write(staging, MANIFEST, _manifest(staging, inputs, notice))
        _swap_in(staging, out)
    except MissingAsset as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(str(error)) from error
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"cannot write the site: {error.strerror}: {error.filename}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if saved_epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved_epoch
    return BuildResult(out, len(_list_manifest(out)), len(with_pdf), False, tuple(warnings))


def _list_manifest(out: Path) -> dict[str, str]:
    manifest = read_manifest(out) or {}
    files = manifest.get("files", {})
    return files if isinstance(files, dict) else {}
