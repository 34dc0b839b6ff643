"""`noticegen export KIND`: one machine-readable export of the notice, to a file or stdout."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..publish.exports import EXPORTS, not_applicable
from ..sources.fsutil import atomic_write_bytes
from ..sources.loading import NoticeNotFound, load
from .linting import fail_usage

_KINDS = {export.kind: export for export in EXPORTS}


@click.command("export")
@click.argument("kind", type=click.Choice(list(_KINDS)))
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; default: standard output (the file name a build uses is given in "
    "`docs/exports.md`).",
)
def export(kind: str, path: Path, out: Path | None) -> None:
    """Write one export of the notice at PATH: google-play (Data safety CSV),
    apple-privacy-manifest (PrivacyInfo.xcprivacy), apple-app-privacy (App Store Connect
    answers), dpv (JSON-LD), ropa (record of processing activities, CSV) or ropa-xlsx.

    Exit status: 0 written, 1 the notice does not load, 2 a usage error or an export that does
    not apply to the notice (e.g. App Store labels for a notice that declares no iOS app).
    """
    chosen = _KINDS[kind]
    try:
        loaded = load(path)
    except NoticeNotFound as error:
        fail_usage(str(error))
    if loaded.notice is None:
        click.echo(
            "noticegen: error: the notice did not load; run `noticegen lint` for the findings",
            err=True,
        )
        sys.exit(1)
    why_not = not_applicable(loaded.notice, chosen)
    if why_not is not None:
        fail_usage(f"no {kind} export: {why_not}")
    data = chosen.write(loaded.notice)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        atomic_write_bytes(out, data)
    except OSError as error:
        fail_usage(f"cannot write {out}: {error.strerror}")
    click.echo(f"wrote {out} ({len(data)} bytes)", err=True)


COMMANDS = (export,)
