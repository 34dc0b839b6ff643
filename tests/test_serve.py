"""`noticegen serve`: the built site on 127.0.0.1, rebuilt when a notice file changes."""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen.cli import main

SMALL = Path(__file__).parent / "render" / "fixtures" / "small"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


class Served:
    """A `noticegen serve` process; its output (stdout and stderr) read line by line."""

    def __init__(self, notice: Path, out: Path) -> None:
        command = [sys.executable, "-m", "noticegen", "serve", str(notice), "--out", str(out),
                   "--port", "0", "--interval", "0.1"]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        serving = self.wait_for("serving ")
        url = re.search(r"http://127\.0\.0\.1:\d+/", serving)
        assert url is not None, serving
        self.url = url.group(0)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")  # the process ended

    def wait_for(self, start: str) -> str:
        """The next line that starts with `start` (a line of the request log does not)."""
        while True:
            try:
                line = self.lines.get(timeout=120)  # a guard against a hang, not a timing
            except queue.Empty:
                raise AssertionError(f"no line {start!r} from serve: {self.seen}") from None
            self.seen.append(line)
            assert line, f"serve stopped: {self.seen}"
            assert "Traceback" not in line, self.seen
            if line.startswith(start):
                return line

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    notice = Path(shutil.copytree(SMALL, tmp_path / "notice"))
    server = Served(notice, tmp_path / "site")
    yield server
    server.stop()


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


def test_serve_serves_only_the_files_it_published(served: Served, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "secret.txt").write_text("not part of the site")
    assert status_of(served.url + "secret.txt") == 404
    assert status_of(served.url + "en/../secret.txt") == 404
    assert status_of(served.url + "en/") == 200 and status_of(served.url) == 200
    assert status_of(served.url + ".noticegen-site") == 404
    assert status_of(served.url + "manifest.json") == 200
    listing = status_of(served.url + "exports/")  # no folder listing
    assert listing == 404
    assert not (site / "versions").exists()  # a preview is not published


def test_serve_refuses_a_folder_it_did_not_build_and_serves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("{}\n")
    (out / "secret.txt").write_text("not to be served")
    result = CliRunner().invoke(main, ["serve", str(SMALL), "--out", str(out), "--port", "0"])
    assert result.exit_code == 2, result.output
    assert "not a site noticegen built" in result.stderr
    assert "serving" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "secret.txt"]


def test_a_notice_that_stops_loading_keeps_the_last_preview(served: Served, tmp_path: Path) -> None:
    notice = tmp_path / "notice/notice.yaml"
    good = notice.read_text()
    page = fetch(served.url + "en/index.html")
    notice.write_text("%YAML 1.3\n---\n" + good)  # the reproduction: a traceback ended serve
    error = served.wait_for("noticegen: error:")
    assert "serving the last good build" in error
    assert fetch(served.url + "en/index.html") == page
    notice.unlink()  # the reproduction: this ended serve
    gone = served.wait_for("noticegen: error:")
    assert "waiting for the notice to come back" in gone
    assert fetch(served.url + "en/index.html") == page
    notice.write_text(good.replace("Keeping our", "Guarding our"))
    served.wait_for("built")
    assert "Guarding our services" in fetch(served.url + "en/index.html")
    assert served.process.poll() is None
