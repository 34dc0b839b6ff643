"""Time lint and build on the worst small inputs the security review found (issue 11).

Run with `make bench` (or `.venv/bin/python benchmarks/hostile.py [--limit SECONDS]`).

Each case is the small valid notice of the rule tests with one hostile part, every file under
1 MB. The figure is the wall time of `noticegen lint` and of `noticegen build --draft` (a draft
renders whatever lint says), each stopped at the limit; the aim is under 30 s for both, and a clean
exit (0, 1 or 2) without a traceback.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICEGEN = str(Path(sys.executable).parent / "noticegen")
BASE = (ROOT / "tests" / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")
DESCRIPTION = "    description: We create and run your account.\n"
AIM = 30.0


def with_description(text: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        quoted = '"' + text + '"'
        (folder / "notice.yaml").write_text(
            BASE.replace(DESCRIPTION, f"    description: {quoted}\n"), encoding="utf-8"
        )

    return make


def with_catalog(header: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / "notice.yaml").write_text(
            BASE.replace("languages: [en]", "languages: [en, fr]"), encoding="utf-8"
        )
        (folder / "locales").mkdir()
        (folder / "locales" / "fr.po").write_text(
            f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"{header}\\n"\n',
            encoding="utf-8",
        )

    return make


def with_link_to_a_huge_file(folder: Path) -> None:
    with_catalog("Plural-Forms: nplurals=2; plural=(n > 1);")(folder)
    huge = folder.parent / "huge.bin"
    with huge.open("wb") as handle:  # sparse: 1 GiB on paper, nothing on disk
        handle.truncate(1 << 30)
    (folder / "locales" / "fr.po").unlink()
    (folder / "locales" / "fr.po").symlink_to(huge)


CASES: dict[str, Callable[[Path], None]] = {
    "one 900k-character word": with_description("x" * 900_000),
    # the longest one text the loader takes (100,000 characters): it reaches the PDF
    "one 99,000-character word": with_description("x" * 99_000),
    "'**_' x 10,000 in prose": with_description("**_" * 10_000),
    "'**_' x 300,000 in prose": with_description("**_" * 300_000),
    "'**_' x 33,000 in prose": with_description("**_" * 33_000),
    "nplurals=1000000000": with_catalog("Plural-Forms: nplurals=1000000000; plural=n;"),
    "a 5,000-digit nplurals": with_catalog(f"Plural-Forms: nplurals={'9' * 5000}; plural=n;"),
    "a catalog linked to a 1 GiB file": with_link_to_a_huge_file,
}


def timed(command: list[str], limit: float) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return limit, "stopped at the limit"
    seconds = time.perf_counter() - started
    if "Traceback" in done.stdout + done.stderr:
        return seconds, f"exit {done.returncode}, TRACEBACK"
    return seconds, f"exit {done.returncode}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=float, default=120.0, help="stop each run after this")
    options = parser.parse_args()
    print(f"{'case':36} {'lint':>18} {'build --draft':>24}")
    worst = 0.0
    for name, make in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "notice"
            folder.mkdir()
            make(folder)
            lint = timed([NOTICEGEN, "lint", str(folder)], options.limit)
            build = timed(
                [NOTICEGEN, "build", str(folder), "--draft", "--out", str(Path(tmp) / "site")],
                options.limit,
            )
        worst = max(worst, lint[0], build[0])
        print(
            f"{name:36} {lint[0]:6.1f} s ({lint[1]:9}) {build[0]:6.1f} s ({build[1]:15})",
            flush=True,
        )
    print(f"worst: {worst:.1f} s (aim: under {AIM:.0f} s)")


if __name__ == "__main__":
    main()
