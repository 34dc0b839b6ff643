"""How a notice folder is laid out: the files the loader reads, known here without loading."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

NOTICE_FILE = "notice.yaml"
SUPPLEMENTS_DIR = "supplements"
NOTICE_PATHS = (NOTICE_FILE, SUPPLEMENTS_DIR)
"""What the loader reads in a folder, as paths inside it."""


def supplement_files(main: Path) -> list[Path]:
    """The supplements read with the main file `main`: `supplements/*.yaml` beside a
    `notice.yaml`; none for a file given alone."""
    folder = main.parent / SUPPLEMENTS_DIR
    if main.name != NOTICE_FILE or not folder.is_dir():
        return []
    return sorted(folder.glob("*.yaml"))


def is_read_with_the_notice(relative: str) -> bool:
    """Whether the loader reads this path (relative to the notice folder) with `notice.yaml`."""
    path = PurePosixPath(relative)
    return relative == NOTICE_FILE or (
        path.parent.as_posix() == SUPPLEMENTS_DIR and path.name.endswith(".yaml")
    )
