"""Time `noticegen serve` from a saved edit to the new text served: the preview's latency.

Run with `make bench` (or `.venv/bin/python benchmarks/preview.py [PATH] [--edits N]`).

Starts `noticegen serve` on a copy of PATH (`notice/` by default), waits for it to serve, then
N times (10 by default): writes notice.yaml with the first purpose's label ending in a new
word, and polls the English page every 2 ms until that word is served. Each time runs from the
moment the file is written and closed to the first response holding the word: noticing the
change, loading, linting, building the pages and serving them. Prints the median and the
longest; the issue asks for a median under 500 ms.
"""

from __future__ import annotations

import argparse
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABEL = re.compile(r"^(purposes:\n  [\w-]+:\n    label: )(.*)$", re.MULTILINE)
POLL_SECONDS = 0.002
GIVE_UP_SECONDS = 60.0


def served_page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def start(notice: Path, out: Path) -> tuple[subprocess.Popen[str], str]:
    command = [str(Path(sys.executable).parent / "noticegen"), "serve", str(notice),
               "--out", str(out), "--port", "0"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    while True:
        line = lines.get(timeout=GIVE_UP_SECONDS)
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if line.startswith("serving") and found:
            return server, found.group(0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=ROOT / "notice")
    parser.add_argument("--edits", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        notice = Path(shutil.copytree(args.path, Path(temporary) / "notice"))
        source = notice / "notice.yaml"
        original = source.read_text(encoding="utf-8")
        match = LABEL.search(original)
        if match is None:
            sys.exit(f"{source}: no purpose label to edit")
        server, url = start(notice, Path(temporary) / "site")
        page = url + "en/index.html"
        times = []
        try:
            served_page(page)
            for edit in range(args.edits):
                word = f"Revision{edit}x{time.monotonic_ns()}"
                end = match.end(2)
                edited = f"{original[:end]} {word}{original[end:]}"
                source.write_text(edited, encoding="utf-8")
                saved = time.perf_counter()
                while word not in served_page(page):
                    if time.perf_counter() - saved > GIVE_UP_SECONDS:
                        sys.exit(f"serve did not show edit {edit} within {GIVE_UP_SECONDS:.0f} s")
                    time.sleep(POLL_SECONDS)
                times.append(time.perf_counter() - saved)
        finally:
            server.terminate()
            server.wait(timeout=10)
    milliseconds = sorted(t * 1000 for t in times)
    print(
        f"preview latency (file saved -> new text served), {args.edits} edits of "
        f"{args.path.name}/: median {statistics.median(milliseconds):.0f} ms, "
        f"max {milliseconds[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main()
