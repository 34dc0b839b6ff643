"""Time `noticegen build` as a whole process, beside WeasyPrint alone on the same HTML.

Run with `make bench` (or `.venv/bin/python benchmarks/build.py [PATH] [--runs N]`).

Figures, each the median of N fresh processes:
- build: `noticegen build PATH --out <fresh folder>`, every page and PDF (with `--draft` when
  lint reports errors, which renders the same pages with a watermark);
- PDF step: noticegen's PDF stage alone (`site.render_pdfs`, across the cores as in a build)
  on the HTML pages the build wrote, import included;
- PDF step, one core: the same with a single worker, to compare like with like;
- WeasyPrint alone: a plain script importing WeasyPrint and writing each of the same HTML
  files to a tagged PDF one after the other (the same PDF options);
- rebuild: `noticegen build` again into the built folder with no input changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTICEGEN = str(BIN / "noticegen")

PDF_STEP = """
import sys
from pathlib import Path
from noticegen.publish.site import render_pdfs
pages = [Path(p).read_text(encoding="utf-8") for p in sys.argv[3:]]
render_pdfs(Path(sys.argv[1]), pages, int(sys.argv[2]) or None)
"""
WEASYPRINT_ALONE = """
import sys
from pathlib import Path
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
for page in sys.argv[1:]:
    text = Path(page).read_text(encoding="utf-8")
    HTML(string=text).write_pdf(font_config=fonts, pdf_variant="pdf/ua-1", pdf_tags=True)
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


Command = list[str] | tuple[list[str], Callable[[], None]]


def medians(runs: int, commands: dict[str, Command]) -> dict[str, float]:
    """Median time of each command (after its untimed set-up, if any); the commands are
    interleaved so that a machine busy with other work slows all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            if isinstance(command, tuple):
                command, set_up = command
                set_up()
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "notice"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    notice = Path(args.path)
    work = Path(tempfile.mkdtemp(prefix="noticegen-bench-"))
    out = work / "site"
    try:
        build = [NOTICEGEN, "build", str(notice), "--out", str(out)]
        if (
            subprocess.run(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            == 1
        ):
            build.append("--draft")
            print("lint reports errors: timing a --draft build (same pages, watermarked)")
        fresh = [arg if arg != str(out) else str(work / "fresh") for arg in build]
        subprocess.run(build, check=True, stdout=subprocess.DEVNULL)

        # The HTML pages that have a PDF: every page but the language index, archive excluded.
        pages = sorted(
            str(p)
            for p in out.rglob("*.html")
            if "versions" not in p.relative_to(out).parts and p.parent != out
        )
        pdfs = len(list(out.glob("*/*.pdf")))
        python = sys.executable
        figures = medians(
            args.runs,
            {
                "full": (fresh, lambda: shutil.rmtree(work / "fresh", ignore_errors=True)),
                "rebuild": build,
                "step": [python, "-c", PDF_STEP, str(notice), "0", *pages],
                "step_one": [python, "-c", PDF_STEP, str(notice), "1", *pages],
                "alone": [python, "-c", WEASYPRINT_ALONE, *pages],
            },
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    full, rebuild, step, step_one, alone = (
        figures[k] for k in ("full", "rebuild", "step", "step_one", "alone")
    )
    print(f"notice: {notice}  ({len(pages)} pages, {pdfs} PDFs, {os.cpu_count()} cores)")
    print(f"build, whole process:                {full:6.2f} s")
    print(f"PDF step (noticegen, all cores):     {step:6.2f} s  = {step / alone:.2f} x alone")
    print(
        f"PDF step (noticegen, one core):      {step_one:6.2f} s  = {step_one / alone:.2f} x alone"
    )
    print(f"WeasyPrint alone, same HTML:         {alone:6.2f} s")
    print(f"rebuild, inputs unchanged:           {rebuild:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
