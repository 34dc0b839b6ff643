"""Read a notice folder as it was at a git revision, without checking anything out.

Files are read with `git ls-tree` and `git cat-file` into memory, so the working tree, the
index and HEAD are never touched, whatever state they are in; the loader reads them from a
private temporary folder. A tree may come from a stranger's pull request and hold what no
checkout would write (an entry named `..`, a link where a file should be): every path is
checked and only the notice's own files are read, within size caps.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from .escaping import text_line
from .folder import NOTICE_PATHS, is_read_with_the_notice
from .yamlsource import MAX_BYTES

GIT_TIMEOUT_SECONDS = 30
MAX_FILES = 500
"""Files the loader reads in one notice folder at a revision."""
MAX_TOTAL_BYTES = 32 * MAX_BYTES
MAX_ENTRIES = 10_000
"""Entries (files and folders) listed in one notice folder at a revision."""
MAX_LISTING_BYTES = MAX_ENTRIES * 200
MAX_TREES = 200
"""Folders listed in one notice folder at a revision, each by one git call."""
_REGULAR_FILE_MODES = {"100644", "100755"}
_TREE_MODE = "040000"
_NOT_FOLLOWED = {"120000": "a symbolic link", "160000": "a submodule"}
# Control characters, line and paragraph separators, and format characters (bidirectional
# overrides among them), none of which a file name needs.
_CONTROL_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


class GitSourceError(Exception):
    """The revision or folder cannot be read from git: a usage error, reported in one line."""


def _git(
    args: list[str], cwd: Path, stdin: bytes = b"", max_output: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run git; with `max_output`, read at most one byte more of its output than that (a
    hostile tree may list millions of entries) and stop it there."""
    # A clean environment for git's own variables, so a caller's GIT_DIR cannot redirect us.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_TERMINAL_PROMPT"] = "0"
    # Paths are passed as written: no `:(magic)` or glob reading of a folder's name.
    command = ["git", "--literal-pathspecs", "-c", "core.quotepath=off", *args]
    try:
        if max_output is None:
            return subprocess.run(
                command,
                cwd=cwd,
                env=env,
                input=stdin,
                capture_output=True,
                timeout=GIT_TIMEOUT_SECONDS,
                check=False,
            )
        return _capped(command, cwd, env, max_output)
    except FileNotFoundError as error:
        raise GitSourceError("git is not installed, so revisions cannot be read") from error
    except subprocess.TimeoutExpired as error:
        raise GitSourceError(
            f"git {args[0]} did not answer within {GIT_TIMEOUT_SECONDS}s"
        ) from error


def _capped(
    command: list[str], cwd: Path, env: dict[str, str], max_output: int
) -> subprocess.CompletedProcess[bytes]:
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(
            command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=errors,
        ) as process,
    ):  # fmt: skip
        timer = threading.Timer(GIT_TIMEOUT_SECONDS, process.kill)
        timer.start()
        try:
            assert process.stdout is not None
            output = process.stdout.read(max_output + 1)
            if len(output) > max_output:
                process.kill()
            returncode = process.wait()
        finally:
            timer.cancel()
        if returncode < 0 and len(output) <= max_output:
            raise subprocess.TimeoutExpired(command, GIT_TIMEOUT_SECONDS)
        errors.seek(0)
        return subprocess.CompletedProcess(command, returncode, output, errors.read(4096))


def repository_root(start: Path) -> Path | None:
    """The top folder of the git work tree containing `start`, or None outside a repository."""
    folder = start if start.is_dir() else start.parent
    if not folder.exists():
        return None
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8", "replace").strip())


def repository_and_commit(revision: str, start: Path) -> tuple[Path, str] | None:
    """The top folder of the git work tree containing the folder `start` and the commit
    `revision` names there, in one git call; None outside a repository or when `revision`
    names no commit."""
    if not revision or revision.startswith("-") or not start.is_dir():
        return None
    done = _git(
        ["rev-parse", "--show-toplevel", "--verify", "--quiet", "--end-of-options",
         f"{revision}^{{commit}}"],
        start,
    )  # fmt: skip
    lines = done.stdout.decode("utf-8", "replace").splitlines()
    if done.returncode != 0 or len(lines) != 2:
        return None
    return Path(lines[0]), lines[1]


def resolve(revision: str, repo: Path) -> str:
    """The commit id a revision names, or a GitSourceError that says why there is none."""
    if not revision or revision.startswith("-"):
        raise GitSourceError(f"{revision!r} is not a git revision")
    done = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}"], repo
    )
    if done.returncode == 0:
        return done.stdout.decode().strip()
    shallow = _git(["rev-parse", "--is-shallow-repository"], repo)
    if shallow.stdout.strip() == b"true":
        raise GitSourceError(
            f"revision {revision!r} is not in this shallow clone; fetch more history "
            "(git fetch --unshallow, or fetch-depth: 0 in actions/checkout)"
        )
    raise GitSourceError(f"unknown git revision {revision!r}")


class _Entry(NamedTuple):
    mode: str
    object_id: str
    size: int
    """Bytes of a blob; -1 for a tree or a submodule."""
    path: str
    """Inside the notice folder, each step checked by `_checked_name`."""


def _checked_name(raw: bytes, where: str, revision: str) -> str:
    """The name of an entry of the tree at `where`, refused unless it is a plain file name: a
    tree may hold names no checkout would write (`..`, a name holding `/`, a control
    character), and this one is joined to a folder of ours."""
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError:
        shown = text_line(where + raw.decode("utf-8", "backslashreplace"))
        raise GitSourceError(
            f"{revision!r} holds a name that is not UTF-8 ({shown}); refused"
        ) from None
    if name in ("", ".", "..") or any(
        c in "/\\" or unicodedata.category(c) in _CONTROL_CATEGORIES for c in name
    ):
        raise GitSourceError(
            f"{revision!r} holds an unsafe path ({text_line(where + name)}); refused: a notice "
            "folder holds only plain file names"
        )
    return name


def _list_tree(tree: str, where: str, repo: Path, revision: str) -> list[_Entry]:
    """The entries of one tree (`where` is its path, for messages), names checked. Trees are
    listed one by one, never with `-r`: a name holding `/` lists like a nested path there."""
    done = _git(["ls-tree", "-z", "-l", "--full-tree", tree], repo, max_output=MAX_LISTING_BYTES)
    records = [record for record in done.stdout.split(b"\0") if record]
    if len(done.stdout) > MAX_LISTING_BYTES or len(records) > MAX_ENTRIES:
        raise GitSourceError(f"{where!r} at {revision!r} holds more than {MAX_ENTRIES} entries")
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitSourceError(
            f"cannot list {text_line(where)} at {revision!r}: {text_line(' '.join(message[:1]))}"
        )
    entries = []
    for record in records:
        meta, _, raw = record.partition(b"\t")
        mode, _kind, object_id, size = meta.decode("ascii", "replace").split()
        name = _checked_name(raw, where, revision)
        entries.append(_Entry(mode, object_id, int(size) if size.isdigit() else -1, name))
    return entries


def _tree_entries(
    commit: str, relative: str, repo: Path, revision: str, only: Sequence[str] = ()
) -> list[_Entry]:
    """Every entry (folders too) under `relative` at `commit`, or only at its top and under
    the folders `only` names there; a GitSourceError for a tree no checkout would write, or
    one too large to read."""
    prefix = "" if relative == "." else relative + "/"
    folder = _git(["rev-parse", "--verify", "--quiet", f"{commit}:{prefix}"], repo)
    if folder.returncode != 0:
        raise GitSourceError(f"revision {revision!r} has no folder {relative!r}")
    pending, entries = [(folder.stdout.decode().strip(), "")], []
    for listed, (tree, inside) in enumerate(pending):
        if listed == MAX_TREES:
            raise GitSourceError(
                f"{relative!r} at {revision!r} holds more than {MAX_TREES} folders"
            )
        names = set()
        for entry in _list_tree(tree, prefix + inside, repo, revision):
            if entry.path in names:  # a hand-made tree: git would read either
                raise GitSourceError(
                    f"{revision!r} lists {text_line(prefix + inside + entry.path)} twice; a "
                    "tree no checkout would write, refused"
                )
            names.add(entry.path)
            path = inside + entry.path
            entries.append(entry._replace(path=path))
            if entry.mode == _TREE_MODE and (not only or inside or entry.path in only):
                pending.append((entry.object_id, path + "/"))
        if len(entries) > MAX_ENTRIES:
            raise GitSourceError(
                f"{relative!r} at {revision!r} holds more than {MAX_ENTRIES} entries"
            )
    return entries


def _notice_files(
    commit: str, relative: str, repo: Path, revision: str, only: Sequence[str] = ()
) -> dict[str, _Entry]:
    """The entries the loader reads under `relative` (notice.yaml and supplements/*.yaml), by
    path inside it; a GitSourceError where one of them, or the folder on the way, is a
    symbolic link or a submodule, which git would not let us read as the files they stand
    for."""
    files = {}
    for entry in _tree_entries(commit, relative, repo, revision, only):
        read = is_read_with_the_notice(entry.path)
        if entry.mode in _NOT_FOLLOWED and (entry.path in NOTICE_PATHS or read):
            shown = entry.path if relative == "." else f"{relative}/{entry.path}"
            raise GitSourceError(
                f"{text_line(shown)} at {revision!r} is {_NOT_FOLLOWED[entry.mode]}; "
                "noticegen reads only regular files from git"
            )
        if entry.mode in _REGULAR_FILE_MODES and read:
            files[entry.path] = entry
    return files


def committed_files(
    commit: str, folder: str, repo: Path, only: Sequence[str] = ()
) -> dict[str, str]:
    """Blob id of every file the loader reads under `folder` (or the paths `only` names in it)
    at `commit`, by path relative to `folder`."""
    relative = folder.strip("/") or "."
    return {
        name: entry.object_id
        for name, entry in _notice_files(commit, relative, repo, commit[:12], only).items()
    }


def blob_id(data: bytes, like: str) -> str:
    """The id git gives a file with these bytes, in the hash of the object id `like` (SHA-1,
    or SHA-256 in repositories that use it)."""
    algorithm = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return algorithm(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def committed_notice(
    commit: str, folder: str, repo: Path, revision: str | None = None, only: Sequence[str] = ()
) -> dict[str, bytes]:
    """The content of every file the loader reads in `folder` (relative to the repository
    root) at `commit`, by path inside the folder, read into memory. `revision` is the name
    the commit was given. A GitSourceError, in one line, for a tree holding an unsafe path,
    a link or submodule where the notice's files are, or files past the size caps."""
    revision = revision or commit
    relative = folder.strip("/") or "."
    files = _notice_files(commit, relative, repo, revision, only)
    if not files:
        raise GitSourceError(f"revision {revision!r} has no folder {relative!r} holding a notice")
    if len(files) > MAX_FILES:
        raise GitSourceError(f"{relative!r} at {revision!r} holds more than {MAX_FILES} files")
    for name, entry in files.items():
        if entry.size > MAX_BYTES:
            raise GitSourceError(
                f"{text_line(name)} at {revision!r} is {entry.size:,} bytes; a notice file may "
                f"be at most {MAX_BYTES:,}"
            )
    if sum(entry.size for entry in files.values()) > MAX_TOTAL_BYTES:
        raise GitSourceError(
            f"the notice files at {revision!r} hold more than {MAX_TOTAL_BYTES:,} bytes"
        )
    return dict(zip(files, _blobs(list(files.values()), repo, revision), strict=True))


def export(revision: str, folder: str, repo: Path, destination: Path) -> Path:
    """Write the notice files of `folder` (relative to the repository root) at `revision`
    into the empty folder `destination`; return the exported notice folder. Every entry of
    the folder is checked, but at the top of the repository, where the rest of it is not the
    notice's: there only the notice's own paths are."""
    only = NOTICE_PATHS if (folder.strip("/") or ".") == "." else ()
    return export_commit(resolve(revision, repo), folder, repo, destination, revision, only)


def export_commit(
    commit: str,
    folder: str,
    repo: Path,
    destination: Path,
    revision: str | None = None,
    only: Sequence[str] = (),
) -> Path:
    """`export` of a commit id already resolved; `revision` is the name it was given. With
    `only`, just the files under those paths inside `folder`."""
    files = committed_notice(commit, folder, repo, revision, only)
    # A fixed name: the folder's own name is the user's, and the loader needs only its files.
    root = destination / "notice"
    root.mkdir(mode=0o700)
    for name, blob in files.items():
        # `name` is notice.yaml or supplements/<one plain name>.yaml, checked above.
        target = root / name
        target.parent.mkdir(mode=0o700, exist_ok=True)
        # A new file in our new folder: never one that was there, never through a link.
        handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
    return root


def _blobs(entries: list[_Entry], repo: Path, revision: str) -> list[bytes]:
    """The content of each entry, all read by one `git cat-file --batch`; their sizes were
    checked against the caps from the listing."""
    if not entries:
        return []
    done = _git(
        ["cat-file", "--batch"], repo, "".join(f"{e.object_id}\n" for e in entries).encode()
    )
    blobs, offset, out = [], 0, done.stdout
    for entry in entries:
        # Each answer is "<id> blob <size>\n<content>\n", or "<id> missing\n".
        end = out.find(b"\n", offset)
        header = out[offset:end].split() if end >= 0 else []
        if (
            len(header) != 3
            or header[:2] != [entry.object_id.encode(), b"blob"]
            or header[2] != str(entry.size).encode()
        ):
            raise GitSourceError(f"cannot read {text_line(entry.path)} at {revision!r}")
        start = end + 1
        blobs.append(out[start : start + entry.size])
        offset = start + entry.size + 1
    return blobs


@contextmanager
def checkout_free(revision: str, folder: Path) -> Iterator[Path]:
    """A temporary copy of `folder` (a path in the working tree, existing or not) as it was at
    `revision`, removed on exit."""
    absolute = folder if folder.is_absolute() else Path.cwd() / folder
    probe = absolute
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    repo = repository_root(probe)
    if repo is None:
        raise GitSourceError(
            f"{probe} is not inside a git repository, so {revision!r} cannot be read"
        )
    try:
        relative = absolute.resolve().relative_to(repo.resolve()).as_posix()
    except ValueError as error:
        raise GitSourceError(f"{folder} is outside the git repository {repo}") from error
    # Private (made by mkdtemp, mode 0700) and removed however the caller's block ends.
    with tempfile.TemporaryDirectory(prefix="noticegen-rev-") as temp:
        yield export(revision, relative, repo, Path(temp))
