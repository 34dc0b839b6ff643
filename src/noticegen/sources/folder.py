"""How a notice folder is laid out, and the one way a file is read from it.

A notice folder may come from a stranger's pull request: a file in it may be a symbolic link to
`/etc/passwd`, a pipe that never ends, or a gigabyte of zeros. Every reader of a notice folder
(the loader, `fmt`, the catalogs, the configuration) goes through `read_folder_file`, which reads
nothing outside the folder, nothing but regular files, and never more than its cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

NOTICE_FILE = "notice.yaml"
SUPPLEMENTS_DIR = "supplements"
NOTICE_PATHS = (NOTICE_FILE, SUPPLEMENTS_DIR)
"""What the loader reads in a folder, as paths inside it."""


def supplement_files(main: Path) -> list[Path]:
    """The supplements read with the main file `main`: `supplements/*.yaml` beside a
    `notice.yaml`; none for a file given alone, nor where `supplements` is a link that leads
    out of the notice folder (the loader reports it: its names are not listed)."""
    folder = main.parent / SUPPLEMENTS_DIR
    if main.name != NOTICE_FILE or not folder.is_dir() or leads_outside(main.parent, folder):
        return []
    return sorted(folder.glob("*.yaml"))


def leads_outside(root: Path, path: Path) -> bool:
    """Whether `path`, once every symbolic link in it is followed, is outside the folder `root`.
    Raises OSError or ValueError (a NUL in a name) where the path cannot be resolved."""
    return _real_path_inside(root, path) is None


def _real_path_inside(root: Path, path: Path) -> str | None:
    real = os.path.realpath(path)
    return real if Path(real).is_relative_to(os.path.realpath(root)) else None


def is_read_with_the_notice(relative: str) -> bool:
    """Whether the loader reads this path (relative to the notice folder) with `notice.yaml`."""
    path = PurePosixPath(relative)
    return relative == NOTICE_FILE or (
        path.parent.as_posix() == SUPPLEMENTS_DIR and path.name.endswith(".yaml")
    )


LINK_OUTSIDE = "The {what} is a symbolic link that leads outside the notice folder; it is not read."
LINK_OUTSIDE_HINT = "Put the file or folder itself in the notice folder, not a link to it."


class FolderFileRefused(Exception):
    """A file of a notice folder that is not read. The message says why in words and never
    quotes what the file holds or where a link leads."""

    def __init__(self, message: str, hint: str = "", *, too_large: bool = False) -> None:
        super().__init__(message)
        self.hint = hint
        self.too_large = too_large


def read_folder_file(root: Path, path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, a file in the notice folder `root`, at most `max_bytes` of them.

    A symbolic link is followed only where it stays inside the folder. The file is opened without
    blocking (a pipe answers at once) and read one byte past the cap, never whole first: its size
    may lie (`/proc`) or grow while it is read.
    """
    try:
        real = _real_path_inside(root, path)
    except (OSError, ValueError) as error:
        raise FolderFileRefused(f"Cannot read the file: {_reason(error)}.") from error
    if real is None:
        raise FolderFileRefused(LINK_OUTSIDE.format(what="file"), LINK_OUTSIDE_HINT)
    try:
        # O_NOFOLLOW: the resolved path has no link left, unless one was swapped in since.
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            os.close(fd)
            raise FolderFileRefused(
                "This is not a regular file (a folder, device, pipe or socket); it is not read.",
                "Keep only text files in the notice folder.",
            )
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise FolderFileRefused(f"Cannot read the file: {_reason(error)}.") from error
    size = max(len(data), status.st_size)
    if size > max_bytes:
        raise FolderFileRefused(
            f"The file is {size:,} bytes; a file here may be at most {max_bytes:,}.",
            "Split or simplify the file.",
            too_large=True,
        )
    return data


def _reason(error: Exception) -> str:
    return (error.strerror if isinstance(error, OSError) else None) or type(error).__name__
