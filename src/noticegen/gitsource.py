"""Read a notice folder as it was at a git revision, without checking anything out.

Files are read with `git ls-tree` and `git cat-file` into a temporary folder, so the working
tree, the index and HEAD are never touched, whatever state they are in.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .yamlsource import MAX_BYTES

GIT_TIMEOUT_SECONDS = 30
MAX_FILES = 500
_REGULAR_FILE_MODES = {"100644", "100755"}


class GitSourceError(Exception):
    """The revision or folder cannot be read from git: a usage error, reported in one line."""


def _git(args: list[str], cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    # A clean environment for git's own variables, so a caller's GIT_DIR cannot redirect us.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_TERMINAL_PROMPT"] = "0"
    try:
        return subprocess.run(
            # Paths are passed as written: no `:(magic)` or glob reading of a folder's name.
            ["git", "--literal-pathspecs", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            env=env,
            input=stdin,
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except FileNotFoundError as error:
        raise GitSourceError("git is not installed, so revisions cannot be read") from error
    except subprocess.TimeoutExpired as error:
        raise GitSourceError(
            f"git {args[0]} did not answer within {GIT_TIMEOUT_SECONDS}s"
        ) from error


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


def _tree_entries(
    commit: str, relative: str, repo: Path, only: Sequence[str] = ()
) -> list[tuple[str, str, str]]:
    """(mode, object id, path) of every file under `relative` at `commit`, or only under the
    paths `only` names inside it."""
    prefix = "" if relative == "." else relative + "/"
    paths = [prefix + path for path in only] or [relative]
    done = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths], repo)
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitSourceError(f"cannot list {relative} at {commit[:12]}: {' '.join(message[:1])}")
    entries = []
    for record in done.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, _kind, object_id = meta.decode().split(" ")
        entries.append((mode, object_id, name.decode("utf-8", "replace")))
    return entries


def committed_files(
    commit: str, folder: str, repo: Path, only: Sequence[str] = ()
) -> dict[str, str]:
    """Blob id of every regular file under `folder` (or the paths `only` names in it) at
    `commit`, by path relative to `folder`."""
    relative = folder.strip("/") or "."
    prefix = "" if relative == "." else relative + "/"
    return {
        name[len(prefix) :]: object_id
        for mode, object_id, name in _tree_entries(commit, relative, repo, only)
        if mode in _REGULAR_FILE_MODES and name.startswith(prefix)
    }


def blob_id(data: bytes, like: str) -> str:
    """The id git gives a file with these bytes, in the hash of the object id `like` (SHA-1,
    or SHA-256 in repositories that use it)."""
    algorithm = hashlib.sha256 if len(like) == 64 else hashlib.sha1
    return algorithm(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def export(revision: str, folder: str, repo: Path, destination: Path) -> Path:
    """Write the files of `folder` (relative to the repository root) at `revision` under
    `destination`; return the exported folder. Symlinks and submodules are skipped."""
    return export_commit(resolve(revision, repo), folder, repo, destination, revision)


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
    revision = revision or commit
    relative = folder.strip("/") or "."
    files = [
        (object_id, name)
        for name, object_id in committed_files(commit, relative, repo, only).items()
    ]
    if not files:
        raise GitSourceError(f"revision {revision!r} has no folder {relative!r}")
    if len(files) > MAX_FILES:
        raise GitSourceError(f"{relative!r} at {revision!r} holds more than {MAX_FILES} files")
    target_root = destination / Path(relative).name if relative != "." else destination
    for (_, name), blob in zip(files, _blobs(files, repo, revision), strict=True):
        target = target_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # Oversized files are written truncated past the limit so the loader refuses them.
        target.write_bytes(blob[: MAX_BYTES + 1])
    return target_root


def _blobs(files: list[tuple[str, str]], repo: Path, revision: str) -> list[bytes]:
    """The content of each (object id, path) file, all read by one `git cat-file --batch`."""
    if not files:
        return []
    done = _git(["cat-file", "--batch"], repo, "".join(f"{o}\n" for o, _ in files).encode())
    blobs, offset, out = [], 0, done.stdout
    for object_id, name in files:
        # Each answer is "<id> blob <size>\n<content>\n", or "<id> missing\n".
        end = out.find(b"\n", offset)
        header = out[offset:end].split() if end >= 0 else []
        if len(header) != 3 or header[1] != b"blob" or header[0] != object_id.encode():
            raise GitSourceError(f"cannot read {name} at {revision!r}")
        start = end + 1
        size = int(header[2])
        blobs.append(out[start : start + size])
        offset = start + size + 1
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
    with tempfile.TemporaryDirectory(prefix="noticegen-rev-") as temp:
        yield export(revision, relative, repo, Path(temp))
