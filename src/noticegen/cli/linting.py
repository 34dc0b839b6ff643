"""Commands about checking a notice: lint, rules, explain, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from ..lint.config import PROFILES, ConfigError, check_selectors, find_config, load_config
from ..lint.reporters import REPORTERS
from ..lint.rules import ALL_RULES, BY_CODE
from ..sources.escaping import text_line
from ..sources.loading import NoticeNotFound, load


def fail_usage(message: str) -> NoReturn:
    """A usage error: one line on stderr, exit status 2. The message may name a file from a
    pull request: it is kept to its line (a CI log would run a line it starts)."""
    click.echo(f"noticegen: error: {text_line(message)}", err=True)
    sys.exit(2)


@click.command()
@click.argument("path", default="notice/", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--profile",
    "profiles",
    multiple=True,
    type=click.Choice(PROFILES),
    help="Check against this jurisdiction instead of those the notice declares (repeatable).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Configuration file (default: noticegen.toml in the notice folder, or pyproject.toml).",
)
@click.option(
    "--select",
    multiple=True,
    help="Run only these rules: a code (NG201), a code prefix (NG2) or a family (gdpr); "
    "replaces the configuration's `select` (repeatable).",
)
@click.option(
    "--ignore",
    multiple=True,
    help="Never run these rules: a code, a code prefix or a family; added to the "
    "configuration's `ignore` (repeatable).",
)
def lint(
    path: Path,
    fmt: str,
    profiles: tuple[str, ...],
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> None:
    """Check the notice at PATH (a folder or a notice.yaml) and report findings.

    Exit status: 0 when no finding is an error, 1 when one is, 2 on a usage error.
    """
    from dataclasses import replace

    from ..lint.linting import exit_code
    from ..lint.linting import lint as run_lint

    try:
        loaded = load(path)
        config = load_config(config_path or find_config(loaded.root))
        config = replace(
            config,
            select=check_selectors(select, "--select") if select else config.select,
            ignore=config.ignore + check_selectors(ignore, "--ignore"),
        )
    except (NoticeNotFound, ConfigError) as error:
        fail_usage(str(error))
    findings = run_lint(loaded, config, profiles)
    sys.stdout.write(REPORTERS[fmt](findings))
    sys.exit(exit_code(findings))


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(fmt: str) -> None:
    """List every rule: code, name, default severity, profiles and summary."""
    if fmt == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family,
                "severity": str(r.severity),
                "profiles": sorted(r.profiles),
                "citation": r.citation,
                "summary": r.summary(),
            }
            for r in ALL_RULES
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for r in ALL_RULES:
        profiles = ",".join(sorted(r.profiles)) or "all"
        click.echo(f"{r.code}  {r.name:<40} {r.severity!s:<8} {profiles:<16} {r.summary()}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of one rule, by code (NG201) or name."""
    from ..authoring.docs import rule_page

    rule = BY_CODE.get(code.upper()) or next((r for r in ALL_RULES if r.name == code), None)
    if rule is None:
        fail_usage(f"no rule {code!r}; `noticegen rules` lists them")
    click.echo(rule_page(rule))


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schema"),
    show_default=True,
    help="Folder to write the JSON Schemas to.",
)
def schema(out: Path) -> None:
    """Write the JSON Schema of notice and supplement files (for editor completion)."""
    from ..authoring.schema import write_schemas

    try:
        written = write_schemas(out)
    except OSError as error:
        fail_usage(f"{out}: cannot write the schemas: {error.strerror or error}")
    for path in written:
        click.echo(f"wrote {path}")


COMMANDS = (lint, rules, explain, schema)
