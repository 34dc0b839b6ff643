"""The previous version of the notice, for the rules that compare against it.

Where it comes from, first match wins:
1. the rule's `previous` option: a notice folder or file, relative to the notice folder;
2. a file `.noticegen/previous.yaml` in the notice folder (a copy of the last published
   version, for notices kept outside git);
3. the notice folder as committed at the rule's `base` option (a git revision, default HEAD),
   read through git without touching the working tree.

Options are per rule, e.g. `[tool.noticegen.options.NG801]` with `base = "origin/main"`.
Outside a git repository, or where the revision has no notice yet, there is no previous version
and the review rules report nothing.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import NamedTuple

from ....model import Notice, Supplement
from ....sources.folder import NOTICE_FILE, NOTICE_PATHS, is_read_with_the_notice, leads_outside
from ....sources.gitsource import (
    GitSourceError,
    blob_id,
    committed_files,
    export_commit,
    repository_and_commit,
)
from ...context import LintContext

PREVIOUS_FILE = Path(".noticegen") / "previous.yaml"


class PreviousVersionOptions(NamedTuple):
    """The options of the rules that compare with the previous version (NG801 to NG803)."""

    previous: str = ""
    """A notice folder or file holding the previous version, relative to the notice folder and
    inside it (a path leading out of it is not read)."""
    base: str = "HEAD"
    """The git revision whose notice folder is the previous version (e.g. `origin/main`)."""


class Previous(NamedTuple):
    notice: Notice
    supplements: dict[str, Supplement]
    """Supplements by path relative to the notice folder."""
    source: str
    """Where the previous version was read from, for messages."""


def previous_version(ctx: LintContext, options: PreviousVersionOptions) -> Previous | None:
    """The previous version as a rule's options say, read once per lint for all the rules
    configured alike. A notice with values left out (it did not validate) has none: it would
    read as changed wherever a value is missing."""
    if ctx.left_out:
        return None
    previous, base = options.previous, options.base
    return ctx.once(
        ("previous version", previous, base), lambda: _previous_version(ctx, previous, base)
    )


def _previous_version(ctx: LintContext, previous: str, base: str) -> Previous | None:
    if previous:
        return _from_inside(ctx.root, ctx.root / previous)
    if (ctx.root / PREVIOUS_FILE).is_file():
        return _from_inside(ctx.root, ctx.root / PREVIOUS_FILE)
    located = repository_and_commit(base, ctx.root)
    if located is None:
        return None
    repo, commit = located
    try:
        relative = ctx.root.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError:
        return None
    if _same_as_working_tree(ctx, repo, commit, relative):
        # Reading and validating the same bytes again would give the notice already loaded.
        return Previous(ctx.notice, dict(ctx.supplements), f"{base}:{relative}")
    return _from_git(repo, commit, relative, base)


def _same_as_working_tree(ctx: LintContext, repo: Path, commit: str, relative: str) -> bool:
    """Whether the files this lint read are, byte for byte, the ones committed at `commit`,
    with no other notice file there. Files git filters on checkout (line endings) differ and
    take the full read."""
    if ctx.main_file != NOTICE_FILE:
        return False  # a single file was linted; the revision's folder holds another notice
    read = [NOTICE_FILE, *(path for path, _ in ctx.supplements)]
    try:
        committed = committed_files(commit, relative, repo, NOTICE_PATHS)
        like = next(iter(committed.values()), "")
        working = {name: blob_id((ctx.root / name).read_bytes(), like) for name in read}
    except (GitSourceError, OSError):
        return False
    read_at_commit = {n: blob for n, blob in committed.items() if is_read_with_the_notice(n)}
    return read_at_commit == working


def _from_inside(root: Path, path: Path) -> Previous | None:
    """The previous version at `path`, if it is in the notice folder: the configuration and the
    folder may come with a pull request, and the changes found are quoted in findings."""
    try:
        if leads_outside(root, path):
            return None
    except (OSError, ValueError):
        return None
    return _from_path(path)


def _from_path(path: Path) -> Previous | None:
    from ....sources.loading import NoticeNotFound, load  # the loader imports the rule registry

    try:
        loaded = load(path)
    except NoticeNotFound:
        return None
    if loaded.notice is None:
        return None
    supplements = {
        Path(source.path).relative_to(loaded.root).as_posix(): supplement
        for source, supplement in loaded.supplements
    }
    return Previous(loaded.notice, supplements, str(path))


@functools.lru_cache(maxsize=8)
def _from_git(repo: Path, commit: str, relative: str, base: str) -> Previous | None:
    """Cached by commit id, so the rules of one run (and later runs) read git once. A tree
    `export_commit` refuses (an unsafe path, a link where the notice's files are, files past
    the caps) gives no previous version, as a revision without the notice does."""
    # Private (made by mkdtemp, mode 0700) and removed however the block ends.
    with tempfile.TemporaryDirectory(prefix="noticegen-previous-") as temp:
        try:
            folder = export_commit(commit, relative, repo, Path(temp), base, NOTICE_PATHS)
        except GitSourceError:
            return None
        found = _from_path(folder)
    if found is None:
        return None
    return Previous(found.notice, found.supplements, f"{base}:{relative}")


def content(notice: Notice) -> dict[str, object]:
    """The notice without what identifies its version, to tell whether the content changed."""
    data = notice.model_dump(mode="json")
    data["notice"] = {
        k: v
        for k, v in data["notice"].items()
        if k not in ("version", "effective", "last_reviewed")
    }
    data.pop("changes", None)
    return data


def content_changed(ctx: LintContext, previous: Previous) -> bool:
    if content(ctx.notice) != content(previous.notice):
        return True
    current = {path: s.model_dump(mode="json") for path, s in ctx.supplements}
    before = {path: s.model_dump(mode="json") for path, s in previous.supplements.items()}
    return current != before
