"""Commands of the publishing area: build the static site, and serve it while editing."""

from __future__ import annotations

import math
import sys
import threading
import time
from pathlib import Path
from typing import Any

import click

from ..config import ConfigError, find_config, load_config
from ..findings import Finding, blocking
from ..loading import LoadedNotice, NoticeNotFound, load, locate
from .linting import fail_usage


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


def _build(loaded: LoadedNotice, out: Path, draft: bool, config: Path | None) -> str:
    """Build and describe the result in one line; raises BuildError."""
    from ..site import build_site

    started = time.perf_counter()
    result = build_site(loaded, out, draft=draft, config=config)
    seconds = time.perf_counter() - started
    for warning in result.warnings:
        click.echo(f"noticegen: warning: {warning}", err=True)
    if result.skipped:
        return f"{out}: up to date (inputs unchanged since the last build), {result.files} files"
    kind = "draft " if draft else ""
    return f"built {kind}site {out}: {result.files} files, {result.pdfs} PDFs ({seconds:.2f} s)"


@click.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site to (replaced as a whole).",
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
    from ..site import BuildError

    _, config = _locate(path)
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


def _snapshot(root: Path, out: Path) -> dict[Path, float]:
    """Modification times of the notice's files (not of a site built inside the folder)."""
    return {
        p: p.stat().st_mtime
        for p in sorted(root.absolute().rglob("*"))
        if p.is_file() and not p.is_relative_to(out)
    }


@click.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="Folder to build the site into.",
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

    While lint reports errors the preview is built as a watermarked draft.
    """
    import functools
    import http.server

    from ..reporters import REPORTERS
    from ..site import BuildError

    root, config = _locate(path)

    def rebuild() -> None:
        loaded, findings = _load_and_lint(path, config)
        if findings:
            sys.stdout.write(REPORTERS["text"](findings))
        if loaded.notice is None:
            click.echo("noticegen: the notice does not load; keeping the previous site", err=True)
            return
        try:
            click.echo(_build(loaded, out, bool(blocking(findings)), config))
        except BuildError as error:
            click.echo(f"noticegen: error: {error}", err=True)

    rebuild()
    out.mkdir(parents=True, exist_ok=True)
    # The handler resolves the folder on every request, so it follows the swapped-in site.
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        fail_usage(f"cannot listen on 127.0.0.1:{port}: {error.strerror}")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    click.echo(f"serving {out} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    seen = _snapshot(root, out.absolute())
    try:
        while True:
            time.sleep(interval)
            current = _snapshot(root, out.absolute())
            if current != seen:
                seen = current
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


COMMANDS = (build, serve)
