"""The `noticegen` command. Commands are thin: parse options, call the library, pick the exit code.

Heavy libraries (WeasyPrint, Jinja2) are imported inside the commands that need them, so that
`noticegen lint` stays fast.
"""

from __future__ import annotations

import click

from .. import __version__
from . import i18n, linting, publishing, review


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="noticegen")
def main() -> None:
    """Privacy notices as code: lint, render and publish a typed YAML privacy notice."""


for command in (*linting.COMMANDS, *publishing.COMMANDS, *i18n.COMMANDS, *review.COMMANDS):
    main.add_command(command)
