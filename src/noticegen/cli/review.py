"""Commands of the review area: diff, init, fmt."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import NoReturn

import click

from ..model import Notice, Supplement
from ..model.findings import blocking
from ..sources.escaping import text_line
from ..sources.gitsource import GitSourceError, checkout_free, repository_root
from ..sources.loading import NoticeNotFound, load
from .linting import PROFILES, fail_usage

DEFAULT_FOLDER = "notice"


def _in_repository(folder: str) -> Path:
    """`--path` read from the top of the git work tree around the current folder, so that the
    command gives the same answer from any folder of the repository; outside one, from the
    current folder."""
    path = Path(folder)
    if path.is_absolute():
        return path
    try:
        root = repository_root(Path.cwd())
    except GitSourceError:
        root = None
    return root / path if root is not None else path


@contextmanager
def _side(argument: str, notice_folder: Path, name: str) -> Iterator[tuple[Path, str]]:
    """A notice folder for one side of a diff: an existing path as it is, anything else as a
    git revision of `notice_folder` (named `name` to the user). Yields the folder and how to
    name it to the user."""
    path = Path(argument)
    if path.exists():
        yield path, argument
        return
    with checkout_free(argument, notice_folder) as exported:
        yield exported, f"{argument}:{name}"


def _refuse(message: str, fmt: str) -> NoReturn:
    """A usage error; in Markdown, for a pull-request comment, also a comment that says so."""
    if fmt == "markdown":
        from ..review.reporters import render_markdown_refusal

        sys.stdout.write(render_markdown_refusal(message))
    fail_usage(message)


def _notice(folder: Path, name: str, fmt: str) -> tuple[Notice, dict[str, Supplement]]:
    try:
        loaded = load(folder)
    except NoticeNotFound:
        _refuse(f"{name} is not a notice (no notice.yaml)", fmt)
    errors = blocking(loaded.findings)
    if loaded.notice is None or errors:
        # A notice that loads with errors (a duplicate key, say) may not hold what its author
        # wrote: a comparison of it could report changes that are not there.
        problems = errors or loaded.findings
        first = problems[0]
        where = Path(first.file)
        if where.is_relative_to(loaded.root):
            where = where.relative_to(loaded.root)
        _refuse(
            f"{name} is not a valid notice ({len(problems)} loading "
            f"error{'s' if len(problems) != 1 else ''}, first {first.rule} at "
            f"{where.as_posix()}:{first.line}); run `noticegen lint` on it first",
            fmt,
        )
    supplements = {
        Path(source.path).relative_to(loaded.root).as_posix(): supplement
        for source, supplement in loaded.supplements
    }
    return loaded.notice, supplements


@click.command()
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--path",
    "folder",
    default=DEFAULT_FOLDER,
    show_default=True,
    help="The notice folder, relative to the top of the git repository, for NEW when it is "
    "not given and for sides given as git revisions.",
)
def diff(old: str, new: str | None, fmt: str, folder: str) -> None:
    """Say in plain words what changed between two versions of a notice.

    OLD and NEW are each a notice folder or a git revision (read through git, never checked
    out). NEW defaults to the notice folder in the working tree, so `noticegen diff
    origin/main` shows what a branch changes. Material changes, which users must be told of
    before they take effect (GDPR Art. 13(3)), are marked.

    Exit status: 0 on success, 2 on a usage error, or when a side does not load without
    errors (run `noticegen lint` on it), or when a revision's tree holds what no checkout
    would write (a path with `..`, a link where the notice's files are). With `--format
    markdown`, these errors are also written as a comment that says so.
    """
    from ..review import compare
    from ..review.reporters import REPORTERS

    # Two folders are compared without git, so no repository is needed then.
    sides_are_folders = new is not None and Path(old).exists() and Path(new).exists()
    notice_folder = Path(folder) if sides_are_folders else _in_repository(folder)
    with ExitStack() as stack:
        try:
            old_folder, old_name = stack.enter_context(_side(old, notice_folder, folder))
            if new is None and not notice_folder.exists():
                _refuse(f"{folder}: no notice folder in the working tree; give NEW or --path", fmt)
            new_side = new or str(notice_folder)
            new_folder, new_name = stack.enter_context(_side(new_side, notice_folder, folder))
        except GitSourceError as error:
            _refuse(str(error), fmt)
        before, before_supplements = _notice(old_folder, old_name, fmt)
        after, after_supplements = _notice(new_folder, new_name, fmt)
    sys.stdout.write(REPORTERS[fmt](compare(before, after, before_supplements, after_supplements)))


def _interactive() -> bool:
    """Whether someone can answer questions: standard input is a terminal."""
    return sys.stdin.isatty()


@click.command()
@click.argument("directory", default=DEFAULT_FOLDER, type=click.Path(path_type=Path))
@click.option("--company", help="The company's name, as readers know it.")
@click.option("--email", help="The email address for privacy requests.")
@click.option(
    "--jurisdiction",
    "jurisdictions",
    multiple=True,
    type=click.Choice(PROFILES),
    help="A legal regime the notice must satisfy (repeatable).",
)
@click.option("--force", is_flag=True, help="Write into a folder that is not empty.")
def init(
    directory: Path,
    company: str | None,
    email: str | None,
    jurisdictions: tuple[str, ...],
    force: bool,
) -> None:
    """Start a new notice in DIRECTORY (default: notice/).

    At a terminal, asks for what the options do not give; otherwise writes placeholders marked
    `TODO(noticegen)` that `noticegen lint` points at until they are filled in.

    Exit status: 0 when written, 2 when DIRECTORY is not empty (without --force) or a usage error.
    """
    from ..authoring.scaffold import Answers, ScaffoldError, write_scaffold

    if directory.exists() and not directory.is_dir():
        fail_usage(f"{directory} exists and is not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        fail_usage(f"{directory} is not empty; use --force to write into it anyway")
    if _interactive():
        company = company or click.prompt("Company name")
        email = email or click.prompt("Email address for privacy requests")
        if not jurisdictions:
            answer = click.prompt(
                f"Jurisdictions, separated by spaces ({', '.join(PROFILES)})", default="gdpr"
            )
            unknown = [j for j in answer.split() if j not in PROFILES]
            if unknown:
                fail_usage(f"unknown jurisdiction(s): {', '.join(unknown)}")
            jurisdictions = tuple(answer.split())
    try:
        written = write_scaffold(directory, Answers(company, email, jurisdictions))
    except ScaffoldError as error:
        fail_usage(str(error))
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"Next: fill in the TODO(noticegen) items, then run `noticegen lint {directory}`.")


@click.command(name="fmt")
@click.argument("path", default=DEFAULT_FOLDER, type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Change nothing; exit 1 when a file would change.")
def fmt(path: Path, check: bool) -> None:
    """Rewrite the notice's YAML files in canonical key order, keeping every comment.

    PATH is a notice folder (notice.yaml and supplements/*.yaml) or one YAML file.

    Exit status: 0 when every file is formatted (or was rewritten), 1 with --check when a file
    would change, 2 on a usage error or a file that cannot be read.
    """
    from ..authoring.formatting import FormatError, format_paths

    try:
        results = format_paths(path, write=not check)
    except FormatError as error:
        fail_usage(str(error))
    changed = [r for r in results if r.changed]
    for result in changed:
        click.echo(f"{'would reformat' if check else 'reformatted'} {text_line(str(result.path))}")
    unchanged = len(results) - len(changed)
    click.echo(
        f"{len(changed)} file{'s' if len(changed) != 1 else ''} "
        f"{'would be reformatted' if check else 'reformatted'}, {unchanged} unchanged."
    )
    sys.exit(1 if check and changed else 0)


COMMANDS: tuple[click.Command, ...] = (diff, init, fmt)
