"""`noticegen serve`: the built site on 127.0.0.1, rebuilt when a notice file changes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main

SMALL = Path(__file__).parent / "render" / "fixtures" / "small"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_builds_serves_locally_and_rebuilds_on_change(tmp_path: Path) -> None:
    notice = Path(shutil.copytree(SMALL, tmp_path / "notice"))
    command = [sys.executable, "-m", "noticegen", "serve", str(notice), "--out",
               str(tmp_path / "site"), "--port", "0", "--interval", "0.2"]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        lines = []
        while not (lines and lines[-1].startswith("serving")):
            line = server.stdout.readline()
            assert line, f"serve stopped: {lines}"
            lines.append(line)
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[-1])
        assert url is not None, lines[-1]
        assert "Privacy Notice" in fetch(url.group(0) + "en/index.html")
        text = (notice / "notice.yaml").read_text().replace("Keeping our", "Guarding our")
        (notice / "notice.yaml").write_text(text)
        rebuilt = server.stdout.readline()
        while rebuilt and not rebuilt.startswith("built"):  # findings come first, if any
            rebuilt = server.stdout.readline()
        assert rebuilt.startswith("built"), rebuilt
        assert "Guarding our services" in fetch(url.group(0) + "en/index.html")
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("interval", ["-1", "0", "nan", "inf", "1e300"])
def test_serve_refuses_an_interval_it_cannot_sleep_in_one_line(
    interval: str, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        main, ["serve", str(SMALL), "--out", str(tmp_path / "site"), "--interval", interval]
    )
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Invalid value for '--interval'" in result.stderr
    assert not (tmp_path / "site").exists()  # refused before building anything
