"""Commands of the publishing area: build the static site, and serve it while editing."""

from __future__ import annotations

import contextlib
import math
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..config import ConfigError, find_config, load_config
from ..findings import Finding, blocking
from ..loading import LoadedNotice, NoticeNotFound, load, locate
from .linting import fail_usage

if TYPE_CHECKING:
    import http.server


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


def _load_and_lint(path: Path, config: Path | None) -> tuple[LoadedNotice, list[Finding]]:
    from ..linting import lint as run_lint

    try:
        return (loaded := load(path)), run_lint(loaded, load_config(config))
    except (NoticeNotFound, ConfigError) as error:
        fail_usage(str(error))


def _build(
    loaded: LoadedNotice, out: Path, draft: bool, config: Path | None, *, preview: bool = False
) -> str:
    """Build and describe the result in one line; raises BuildError."""
    from ..site import build_site

    started = time.perf_counter()
    result = build_site(loaded, out, draft=draft, config=config, preview=preview)
    seconds = time.perf_counter() - started
    for warning in result.warnings:
        click.echo(f"noticegen: warning: {warning}", err=True)
    if result.skipped:
        return f"{out}: up to date (inputs unchanged since the last build), {result.files} files"
    kind = "draft " if draft else "preview " if preview else ""
    return f"built {kind}site {out}: {result.files} files, {result.pdfs} PDFs ({seconds:.2f} s)"


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
def build(path: Path, out: Path, draft: bool) -> None:
    """Build the static site of the notice at PATH: HTML and tagged PDF per language, the
    supplements, notice.json, store-label exports, the versions archive and a manifest.

    Exit status: 0 built, 1 lint found errors (nothing written), 2 the site could not be written.
    """
    from ..reporters import REPORTERS
    from ..site import BuildError, check_output

    root, config = _locate(path)
    try:
        check_output(out, root)  # before anything is read: the folder may be a stranger's choice
    except BuildError as error:
        fail_usage(str(error))
    loaded, findings = _load_and_lint(path, config)
    errors = blocking(findings)
    if loaded.notice is None or (errors and not draft):
        sys.stdout.write(REPORTERS["text"](findings))
        click.echo(
            "noticegen: not building: fix the errors above"
            + ("" if loaded.notice is None else ", or build a watermarked draft with --draft"),
            err=True,
        )
        sys.exit(1)
    try:
        click.echo(_build(loaded, out, draft, config))
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


def _rebuild_preview(path: Path, out: Path) -> str | None:
    """Rebuild the preview, as a draft while lint reports errors; None when it was built,
    otherwise why not, in one line."""
    from ..linting import lint as run_lint
    from ..reporters import REPORTERS
    from ..site import BuildError

    try:
        root, _ = locate(path)
        config = find_config(root)  # it may have been added or removed since the last build
        loaded = load(path)
        findings = run_lint(loaded, load_config(config))
    except NoticeNotFound as error:
        return f"{error}; waiting for the notice to come back"
    except ConfigError as error:
        return str(error)
    if findings:
        sys.stdout.write(REPORTERS["text"](findings))
    if loaded.notice is None:
        return "the notice does not load (findings above)"
    try:
        click.echo(_build(loaded, out, bool(blocking(findings)), config, preview=True))
    except BuildError as error:
        return str(error)
    return None


CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".css": "text/css; charset=utf-8",
    ".pdf": "application/pdf",
}


def _site_handler(out: Path, preview: _Preview) -> type[http.server.BaseHTTPRequestHandler]:
    """A handler that serves the files the manifest of the site in `out` lists, nothing else:
    no listing of folders, no file that noticegen did not publish there."""
    import http.server
    import urllib.parse

    from ..site import published_files

    class SiteHandler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._respond(with_body=True)

        def do_HEAD(self) -> None:
            self._respond(with_body=False)

        def _respond(self, *, with_body: bool) -> None:
            route = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            relative = route.lstrip("/")
            if relative == "" or relative.endswith("/"):
                relative += "index.html"
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
            status = 200
            if data is None:
                status, kind = (404 if preview.error is None else 503), "text/plain; charset=utf-8"
                data = f"{preview.error or 'not found'}\n".encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if with_body:
                self.wfile.write(data)

    return SiteHandler


class _Preview:
    """What `serve` knows of the site it serves: why the last rebuild failed, if it did."""

    def __init__(self) -> None:
        self.error: str | None = None


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
    type=FiniteFloatRange(min=0.1, max=86400),
    default=1.0,
    show_default=True,
    help="Seconds between checks (0.1 to 86400).",
)
def serve(path: Path, out: Path, port: int, interval: float) -> None:
    """Serve the built site on 127.0.0.1 and rebuild it whenever a notice file changes.

    While lint reports errors the preview is built as a watermarked draft; while the notice
    cannot be built at all, the last good preview stays and the reason is printed. A preview
    is not published: it adds nothing to the versions archive (`build` does).
    """
    import http.server

    from ..site import BuildError, check_output

    root, _ = _locate(path)
    try:
        check_output(out, root)
    except BuildError as error:
        fail_usage(str(error))
    preview = _Preview()

    def rebuild() -> None:
        try:
            error = _rebuild_preview(path, out)
        except Exception as unexpected:  # a bug must not end the preview being edited
            error = f"could not rebuild ({type(unexpected).__name__}: {unexpected})"
        preview.error = None if error is None else " ".join(error.split())
        if preview.error is not None:
            click.echo(f"noticegen: error: {preview.error}; serving the last good build", err=True)

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
        server.shutdown()


COMMANDS = (build, serve)
