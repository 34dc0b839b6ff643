"""Commands of the publishing area: build the static site, and serve it while editing."""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import click

from ..lint.config import STALE_TRANSLATIONS, Config, ConfigError, find_config, load_config
from ..model.findings import Finding, blocking
from ..sources.escaping import text_line
from ..sources.loading import LoadedNotice, NoticeNotFound, load, locate
from .linting import fail_usage

if TYPE_CHECKING:
    import http.server
    from concurrent.futures import ProcessPoolExecutor


class FiniteFloatRange(click.FloatRange):
    """A FloatRange that also refuses nan, which passes click's own range comparisons."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def _locate(path: Path) -> tuple[Path, Path | None]:
    """The notice folder and its configuration file; a usage error when there is none."""
    try:
        root, _ = locate(path)
        return root, find_config(root)
    except (NoticeNotFound, ConfigError) as error:
        fail_usage(str(error))


def _load_and_lint(path: Path, config: Path | None) -> tuple[LoadedNotice, list[Finding], Config]:
    from ..lint.linting import lint as run_lint

    try:
        settings = load_config(config)
        return (loaded := load(path)), run_lint(loaded, settings), settings
    except (NoticeNotFound, ConfigError) as error:
        fail_usage(str(error))


def _build(
    loaded: LoadedNotice,
    out: Path,
    draft: bool,
    config: Path | None,
    *,
    preview: bool = False,
    stale: list[str] | None = None,
) -> str:
    """Build and describe the result in one line; raises BuildError."""
    from ..publish.site import build_site

    started = time.perf_counter()
    result = build_site(
        loaded,
        out,
        draft=draft,
        config=config,
        preview=preview,
        pdfs=not preview,
        stale=stale or (),
    )
    seconds = time.perf_counter() - started
    for warning in result.warnings:
        click.echo(f"noticegen: warning: {text_line(warning)}", err=True)
    pdfs = f"{result.pdfs} PDFs"
    if result.pending_pdfs:
        pdfs = f"{result.pending_pdfs} PDFs rendered on request"
    if result.skipped:
        return f"{out}: up to date (inputs unchanged since the last build), {result.files} files"
    kind = "draft " if draft else "preview " if preview else ""
    return f"built {kind}site {out}: {result.files} files, {pdfs} ({seconds:.2f} s)"


@click.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site to (replaced as a whole): absent, empty or a site noticegen "
    "built.",
)
@click.option(
    "--draft",
    is_flag=True,
    help='Build even when lint reports errors; every page and PDF is watermarked "DRAFT".',
)
@click.option(
    "--stale-translations",
    type=click.Choice(STALE_TRANSLATIONS),
    default=None,
    help="While a catalog does not translate the current text (NG706, NG707): `block` builds "
    "nothing; `publish-source` publishes the source language and every up-to-date translation, "
    "and each stale language as the newest archived version's pages in it, marked as a "
    "translation of that version (left out when the archive has none). Default: the "
    "configuration's `stale-translations`, else `block`.",
)
def build(path: Path, out: Path, draft: bool, stale_translations: str | None) -> None:
    """Build the static site of the notice at PATH: HTML and tagged PDF per language, the
    supplements, notice.json, store-label exports, the versions archive and a manifest.

    Exit status: 0 built, 1 lint found errors (nothing written), 2 the site could not be written.
    """
    from ..lint.reporters import REPORTERS
    from ..publish.site import BuildError, check_output

    root, config = _locate(path)
    try:
        check_output(out, root)  # before anything is read: the folder may be a stranger's choice
    except BuildError as error:
        fail_usage(str(error))
    from ..i18n.notice import catalog_path
    from ..publish.site import stale_languages

    loaded, findings, settings = _load_and_lint(path, config)
    errors = blocking(findings)
    stale = None
    mode = stale_translations or settings.stale_translations
    if loaded.notice is not None and mode == "publish-source":
        # A stale language is not built from its catalog: what lint finds in the catalog does
        # not stop the build.
        stale = stale_languages(loaded)
        unused = {catalog_path(loaded.root, lang).resolve() for lang in stale}
        errors = [f for f in errors if Path(f.file).resolve() not in unused]
    if loaded.notice is None or (errors and not draft):
        sys.stdout.write(REPORTERS["text"](findings))
        click.echo(
            "noticegen: not building: fix the errors above"
            + ("" if loaded.notice is None else ", or build a watermarked draft with --draft"),
            err=True,
        )
        sys.exit(1)
    try:
        click.echo(_build(loaded, out, draft, config, stale=stale))
    except BuildError as error:
        fail_usage(str(error))


def _snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """Modification time and size of each of the notice's files (none while it is gone)."""
    seen = {}
    for path in sorted(root.absolute().rglob("*")):
        with contextlib.suppress(OSError):  # a file removed while we look is simply gone
            if path.is_file():
                status = path.stat()
                seen[path] = (status.st_mtime_ns, status.st_size)
    return seen


MAX_PROBLEMS_SHOWN = 20


class _Rebuilt(NamedTuple):
    """How a rebuild of the preview went."""

    error: str | None
    """Why the preview could not be rebuilt, in one line; None when it was."""
    problems: tuple[tuple[str, str], ...] = ()
    """What to show over the page: `file:line:col` (or "") and a message, each."""
    built: str = ""
    """The line that describes the build, printed once the preview shows it."""


def _problems(findings: list[Finding], root: Path) -> tuple[tuple[str, str], ...]:
    """The errors among the findings, placed relative to the notice folder."""
    shown = []
    for finding in sorted(blocking(findings), key=Finding.sort_key):
        file = Path(finding.file)
        with contextlib.suppress(ValueError):
            file = file.absolute().relative_to(root.absolute())
        where = f"{file.as_posix()}:{finding.line}:{finding.column}"
        shown.append((where, f"{finding.rule} {finding.message}"))
    if len(shown) > MAX_PROBLEMS_SHOWN:
        more = len(shown) - MAX_PROBLEMS_SHOWN
        shown[MAX_PROBLEMS_SHOWN:] = [("", f"and {more} more (run `noticegen lint`)")]
    return tuple(shown)


def _rebuild_preview(path: Path, out: Path) -> _Rebuilt:
    """Rebuild the preview's pages (its PDFs are rendered on request), as a draft while lint
    reports errors."""
    from ..lint.linting import lint as run_lint
    from ..lint.reporters import REPORTERS
    from ..publish.site import BuildError

    try:
        root, _ = locate(path)
        config = find_config(root)  # it may have been added or removed since the last build
        loaded = load(path)
        findings = run_lint(loaded, load_config(config))
    except NoticeNotFound as error:
        message = f"{error}; waiting for the notice to come back"
        return _Rebuilt(message, (("", message),))
    except ConfigError as error:
        return _Rebuilt(str(error), (("", str(error)),))
    if findings:
        sys.stdout.write(REPORTERS["text"](findings))
    problems = _problems(findings, root)
    if loaded.notice is None:
        return _Rebuilt("the notice does not load (findings above)", problems)
    try:
        built = _build(loaded, out, bool(problems), config, preview=True)
    except BuildError as error:
        return _Rebuilt(str(error), (*problems, ("", str(error))))
    return _Rebuilt(None, problems, built)


CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".css": "text/css; charset=utf-8",
    ".pdf": "application/pdf",
}
LIVE = "/.noticegen/"
"""Where serve's own routes are: no file of a site has a name that starts with a dot."""
EVENTS = f"{LIVE}events"
LIVE_SCRIPT = f"{LIVE}live.js"
HEARTBEAT_SECONDS = 15.0
MAX_CACHED_PDFS = 64

# Reloads the page when the preview changes: the server sends its generation on connecting
# and after every rebuild, failed or not (a failed one brings the overlay).
LIVE_JS = b"""(() => {
  "use strict";
  const loaded = document.currentScript.dataset.generation;
  const events = new EventSource("/.noticegen/events");
  events.addEventListener("generation", (event) => {
    if (event.data !== loaded) {
      events.close();
      location.reload();
    }
  });
  const overlay = document.getElementById("noticegen-overlay");
  if (overlay) {
    overlay.querySelector("button").addEventListener("click", () => overlay.remove());
  }
})();
"""

OVERLAY_CSS = (
    "#noticegen-overlay{position:fixed;z-index:2147483647;left:1rem;right:1rem;bottom:1rem;"
    "max-height:60vh;overflow:auto;margin:0;padding:1rem 1.25rem;border:3px solid #b00020;"
    "border-radius:6px;background:#fff;color:#1a1a1a;font:15px/1.45 system-ui,sans-serif;"
    "box-shadow:0 4px 24px rgba(0,0,0,.35)}"
    "#noticegen-overlay h2{margin:0 4rem .5rem 0;padding:0;border:0;font-size:1.05rem;"
    "color:#b00020}"
    "#noticegen-overlay ul{margin:0;padding-left:1.2rem}"
    "#noticegen-overlay code{font:13px/1.4 ui-monospace,monospace;background:#f3f3f3;"
    "padding:0 .2em;overflow-wrap:anywhere}"
    "#noticegen-overlay button{position:absolute;top:.5rem;right:.5rem;font:inherit}"
)


def _live_snippet(generation: int, error: str | None, problems: tuple[tuple[str, str], ...]) -> str:
    """What serve adds at the end of each page it serves (never to the built files): the
    reloading script and, when the last rebuild failed or lint reports errors, the overlay."""
    from html import escape

    snippet = ""
    if problems:
        heading = (
            "The preview could not be rebuilt: this is the last good one"
            if error is not None
            else "Lint reports errors: this preview is a draft"
        )
        items = "".join(
            f"<li>{f'<code>{escape(where)}</code> ' if where else ''}{escape(message)}</li>"
            for where, message in problems
        )
        snippet += (
            f'<div id="noticegen-overlay" role="alert" lang="en" dir="ltr">'
            f"<style>{OVERLAY_CSS}</style><h2>{escape(heading)}</h2><ul>{items}</ul>"
            '<button type="button">Close</button></div>'
        )
    return snippet + f'<script src="{LIVE_SCRIPT}" data-generation="{generation}"></script>'


def with_live_reload(page: bytes, generation: int, rebuilt: _Rebuilt) -> bytes:
    """The page with serve's snippet before its closing body tag."""
    text = page.decode("utf-8")
    at = text.rfind("</body>")
    at = len(text) if at < 0 else at
    snippet = _live_snippet(generation, rebuilt.error, rebuilt.problems)
    return (text[:at] + snippet + text[at:]).encode("utf-8")


class _Preview:
    """What `serve` knows of the preview it serves, shared by the watcher and the handlers:
    the last rebuild, its generation (one more on every rebuild, failed or not), and the warm
    pool that renders the PDFs on request."""

    def __init__(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.rebuilt = _Rebuilt(None)
        self.generation = 0
        self.closing = False
        self._changed = threading.Condition()
        self._pdfs: dict[bytes, bytes] = {}
        self._pdfs_lock = threading.Lock()

    @property
    def error(self) -> str | None:
        return self.rebuilt.error

    def publish(self, rebuilt: _Rebuilt) -> None:
        with self._changed:
            self.rebuilt = rebuilt
            self.generation += 1
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closing = True
            self._changed.notify_all()

    def state(self) -> tuple[int, _Rebuilt]:
        with self._changed:
            return self.generation, self.rebuilt

    def wait(self, seen: int | None, timeout: float) -> int:
        """The generation, once it is not `seen` or after `timeout` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != seen or self.closing, timeout)
            return self.generation

    def pdf(self, page: bytes) -> bytes:
        """The PDF of a page of the preview, rendered once per version of the page."""
        from ..publish.site import render_pdf

        key = hashlib.sha256(page).digest()
        with self._pdfs_lock:
            cached = self._pdfs.get(key)
        if cached is not None:
            return cached
        pdf = render_pdf(self.pool, page.decode("utf-8"))
        with self._pdfs_lock:
            if len(self._pdfs) >= MAX_CACHED_PDFS:
                self._pdfs.clear()
            self._pdfs[key] = pdf
        return pdf


def _site_handler(out: Path, preview: _Preview) -> type[http.server.BaseHTTPRequestHandler]:
    """A handler that serves the files the manifest of the site in `out` lists, nothing else:
    no listing of folders, no file that noticegen did not publish there. Besides them: the PDFs
    the preview left to render on request, the reloading script and its event stream."""
    import http.server
    import urllib.parse

    from ..publish.site import BuildError, pending_pdfs, published_files

    class SiteHandler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._respond(with_body=True)

        def do_HEAD(self) -> None:
            self._respond(with_body=False)

        def _respond(self, *, with_body: bool) -> None:
            route = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            if route == EVENTS and with_body:
                self._events()
                return
            if route == LIVE_SCRIPT:
                self._send(200, "text/javascript; charset=utf-8", LIVE_JS, with_body)
                return
            relative = route.lstrip("/")
            if relative == "" or relative.endswith("/"):
                relative += "index.html"
            generation, rebuilt = preview.state()  # before the files: a page is never newer
            files = published_files(out)  # read anew: a rebuild swaps the site in
            if relative not in files and f"{relative}/index.html" in files:
                self.send_response(301)
                self.send_header("Location", f"{route}/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            data = None
            if relative in files:
                with contextlib.suppress(OSError):
                    data = (out / relative).read_bytes()
            kind = CONTENT_TYPES.get(Path(relative).suffix, "application/octet-stream")
            if data is not None and relative.endswith(".html"):
                data = with_live_reload(data, generation, rebuilt)
            page = pending_pdfs(out).get(relative) if data is None else None
            if page is not None:
                try:
                    data = preview.pdf((out / page).read_bytes())
                except (OSError, BuildError) as error:
                    message = f"the PDF could not be rendered: {error}\n"
                    self._send(500, "text/plain; charset=utf-8", message.encode(), with_body)
                    return
            status = 200
            if data is None:
                status, kind = (404 if preview.error is None else 503), "text/plain; charset=utf-8"
                data = f"{preview.error or 'not found'}\n".encode()
            self._send(status, kind, data, with_body)

        def _send(self, status: int, kind: str, data: bytes, with_body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if with_body:
                self.wfile.write(data)

        def _events(self) -> None:
            """Server-sent events: the preview's generation now and after each rebuild."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            seen: int | None = None
            with contextlib.suppress(OSError):  # the browser went away
                while not preview.closing:
                    current = preview.wait(seen, HEARTBEAT_SECONDS)
                    if current != seen:
                        self.wfile.write(f"event: generation\ndata: {current}\n\n".encode())
                        seen = current
                    else:
                        self.wfile.write(b": waiting for changes\n\n")  # finds a closed one
                    self.wfile.flush()

    return SiteHandler


@click.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to build the preview into: absent, empty or a site noticegen built.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0 picks a free one).",
)
@click.option(
    "--interval",
    type=FiniteFloatRange(min=0.02, max=86400),
    default=0.05,
    show_default=True,
    help="Seconds between checks of the notice's files for changes (0.02 to 86400).",
)
def serve(path: Path, out: Path, port: int, interval: float) -> None:
    """Serve the built site on 127.0.0.1 and rebuild it whenever a notice file changes.

    The pages come first: each PDF is rendered when it is asked for, by workers kept ready.
    Open pages reload by themselves after each rebuild. While lint reports errors the preview
    is built as a watermarked draft and the errors are shown over the page; while the notice
    cannot be built at all, the last good preview stays, with the reason over it. A preview is
    not published: it adds nothing to the versions archive (`build` does).
    """
    import http.server

    from ..publish.site import BuildError, check_output, pdf_pool

    root, _ = _locate(path)
    try:
        check_output(out, root)
    except BuildError as error:
        fail_usage(str(error))
    preview = _Preview(pdf_pool(root.absolute(), min(2, os.cpu_count() or 1)))

    def rebuild() -> None:
        try:
            rebuilt = _rebuild_preview(path, out)
        except Exception as unexpected:  # a bug must not end the preview being edited
            message = f"could not rebuild ({type(unexpected).__name__}: {unexpected})"
            rebuilt = _Rebuilt(message, (("", message),))
        if rebuilt.error is not None:
            rebuilt = rebuilt._replace(error=" ".join(rebuilt.error.split()))
        preview.publish(rebuilt)
        if rebuilt.error is not None:
            click.echo(
                f"noticegen: error: {text_line(rebuilt.error)}; serving the last good build",
                err=True,
            )
        else:
            click.echo(rebuilt.built)

    seen = _snapshot(root)  # taken before building: an edit made meanwhile is built next
    rebuild()
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _site_handler(out, preview))
    except OSError as error:
        fail_usage(f"cannot listen on 127.0.0.1:{port}: {error.strerror}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"serving {out} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        while True:
            time.sleep(interval)
            current = _snapshot(root)
            if current != seen:
                seen = current
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        preview.close()
        server.shutdown()
        preview.pool.shutdown(wait=False, cancel_futures=True)


COMMANDS = (build, serve)
