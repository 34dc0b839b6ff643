"""Commands of the i18n area."""

from __future__ import annotations

import click

COMMANDS: tuple[click.Command, ...] = ()
