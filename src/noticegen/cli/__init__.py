"""The `noticegen` command. Commands are thin: parse options, call the library, pick the exit code.

Heavy libraries (WeasyPrint, Jinja2) are imported inside the commands that need them, so that
`noticegen lint` stays fast.
"""

from __future__ import annotations

import atexit
import gc

# A command runs once and exits, and what its imports build (the pydantic schemas, the rule
# registry) lives until then. The garbage collector is paused while they are built, then they
# are frozen: no later collection walks them, nor those of interpreter shutdown. About 45 ms
# of a lint of notice/, a tenth of it.
_collecting = gc.isenabled()
gc.disable()

import click  # noqa: E402

from .. import __version__  # noqa: E402
from . import exporting, i18n, linting, publishing, review  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="noticegen")
def main() -> None:
    """Privacy notices as code: lint, render and publish a typed YAML privacy notice."""


for command in (
    *linting.COMMANDS,
    *publishing.COMMANDS,
    *exporting.COMMANDS,
    *i18n.COMMANDS,
    *review.COMMANDS,
):
    main.add_command(command)

gc.freeze()
if _collecting:
    gc.enable()
atexit.register(gc.freeze)
