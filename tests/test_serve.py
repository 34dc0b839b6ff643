"""`noticegen serve`: the built site on 127.0.0.1, rebuilt when a notice file changes."""

from __future__ import annotations

import json
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def without_serve_snippet(page: str) -> str:
    """The page as built: without the overlay and the reloading script serve adds."""
    return re.sub(
        r'(<div id="noticegen-overlay".*?</div>)?<script src="/\.noticegen/[^<]*</script>', "", page
    )


def test_a_notice_that_stops_loading_keeps_the_last_preview(served: Served, tmp_path: Path) -> None:
    notice = tmp_path / "notice/notice.yaml"
    good = notice.read_text()
    page = without_serve_snippet(fetch(served.url + "en/index.html"))
    notice.write_text("%YAML 1.3\n---\n" + good)  # the reproduction: a traceback ended serve
    error = served.wait_for("noticegen: error:")
    assert "serving the last good build" in error
    assert without_serve_snippet(fetch(served.url + "en/index.html")) == page
    notice.unlink()  # the reproduction: this ended serve
    gone = served.wait_for("noticegen: error:")
    assert "waiting for the notice to come back" in gone
    assert without_serve_snippet(fetch(served.url + "en/index.html")) == page
    notice.write_text(good.replace("Keeping our", "Guarding our"))
    served.wait_for("built")
    assert "Guarding our services" in fetch(served.url + "en/index.html")
    assert served.process.poll() is None


def served_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_pages_are_served_before_any_pdf_and_each_pdf_on_request(
    served: Served, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    assert "Privacy Notice" in fetch(served.url + "en/index.html")
    assert not [name for name in served_files(site) if name.endswith(".pdf")]
    manifest = json.loads((site / "manifest.json").read_text())
    assert manifest["pending_pdfs"]  # the pages name their PDFs; none was rendered yet
    for pdf, page in manifest["pending_pdfs"].items():
        assert page in manifest["files"] and pdf not in manifest["files"]
    pdf_path = next(iter(manifest["pending_pdfs"]))
    with urllib.request.urlopen(served.url + pdf_path, timeout=120) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read().startswith(b"%PDF-")
    assert status_of(served.url + "en/no-such-page.pdf") == 404


def test_the_reload_script_is_in_served_pages_only(served: Served, tmp_path: Path) -> None:
    page = fetch(served.url + "en/index.html")
    assert page.count('<script src="/.noticegen/live.js" data-generation="1"></script>') == 1
    assert page.index("/.noticegen/live.js") < page.rindex("</body>")
    script = fetch(served.url + ".noticegen/live.js")
    assert 'new EventSource("/.noticegen/events")' in script
    assert "location.reload()" in script
    built = served_files(tmp_path / "site")
    assert not [name for name, data in built.items() if b".noticegen/" in data]
    assert "noticegen-overlay" not in page  # no error, no overlay


def read_event(stream: Any) -> dict[str, str]:
    """The fields of the next server-sent event (comments skipped)."""
    fields: dict[str, str] = {}
    while True:
        line = stream.readline().decode("utf-8")
        assert line, "the event stream ended"
        line = line.rstrip("\n")
        if not line:
            if fields:
                return fields
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        fields[name] = value.removeprefix(" ")


def test_the_event_stream_tells_each_rebuild(served: Served, tmp_path: Path) -> None:
    with urllib.request.urlopen(served.url + ".noticegen/events", timeout=120) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        assert read_event(stream) == {"event": "generation", "data": "1"}
        notice = tmp_path / "notice/notice.yaml"
        notice.write_text(notice.read_text().replace("Keeping our", "Guarding our"))
        assert read_event(stream) == {"event": "generation", "data": "2"}
    page = fetch(served.url + "en/index.html")
    assert "Guarding our services" in page and 'data-generation="2"' in page


def test_a_broken_yaml_shows_over_the_last_good_preview(served: Served, tmp_path: Path) -> None:
    notice = tmp_path / "notice/notice.yaml"
    good = notice.read_text()
    lines = good.count("\n")
    notice.write_text(good + "extra: [<img src=x onerror=alert(1)>\n")
    served.wait_for("noticegen: error:")
    page = fetch(served.url + "en/index.html")
    overlay = page[page.index('<div id="noticegen-overlay"') :]
    assert "could not be rebuilt: this is the last good one" in overlay
    assert re.search(rf"<code>notice\.yaml:{lines + 2}:1</code> NG001 YAML syntax error", overlay)
    assert "<img" not in page and "&lt;img src=x" not in page  # the bad text is not shown raw
    assert "Keeping our services" in page  # the last good preview, with the overlay on top
    assert 'data-generation="2"' in page
    notice.write_text(good.replace("Keeping our", "Guarding our"))
    served.wait_for("built")
    page = fetch(served.url + "en/index.html")
    assert "Guarding our services" in page and "noticegen-overlay" not in page


def test_lint_errors_show_over_the_draft_they_leave(served: Served, tmp_path: Path) -> None:
    notice = tmp_path / "notice/notice.yaml"
    notice.write_text(
        notice.read_text()
        .replace("    data: [contact]", "    data: [contact, nosuch.thing]", 1)
        .replace("Keeping our", "Guarding our")
    )
    served.wait_for("built draft")
    page = fetch(served.url + "en/index.html")
    assert "Guarding our services" in page  # the draft is the new preview
    overlay = page[page.index('<div id="noticegen-overlay"') :]
    assert "Lint reports errors: this preview is a draft" in overlay
    assert "<code>notice.yaml:49:21</code> NG201 `nosuch.thing` is used here" in overlay


def test_the_overlay_escapes_what_a_finding_quotes(served: Served, tmp_path: Path) -> None:
    notice = tmp_path / "notice/notice.yaml"
    line = notice.read_text().count("\n") + 1
    notice.write_text(notice.read_text() + '"<img src=x onerror=alert(1)>": 1\n')
    served.wait_for("noticegen: error:")
    page = fetch(served.url + "en/index.html")
    overlay = page[page.index('<div id="noticegen-overlay"') :]
    assert f"<code>notice.yaml:{line}:1</code> NG003 Unknown key `&lt;img src=x" in overlay
    assert "<img" not in page


CHROMIUM = next(
    (p for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(p).exists()),
    None,
)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on this machine")
def test_chromium_reloads_by_itself_and_shows_the_overlay(served: Served, tmp_path: Path) -> None:
    from playwright.sync_api import Route, sync_playwright

    notice = tmp_path / "notice/notice.yaml"
    good = notice.read_text()
    outside: list[str] = []

    def same_origin_only(route: Route) -> None:
        if route.request.url.startswith(served.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.route("**/*", same_origin_only)
            page.goto(served.url + "en/index.html")
            notice.write_text(good.replace("Keeping our", "Guarding our"))
            page.get_by_text("Guarding our services").first.wait_for(timeout=60_000)
            notice.write_text(good + "extra: [\n")
            overlay = page.locator("#noticegen-overlay")
            overlay.wait_for(timeout=60_000)
            assert "notice.yaml:" in overlay.inner_text()
            assert page.get_by_text("Guarding our services").first.is_visible()
            overlay.get_by_role("button", name="Close").click()
            assert overlay.count() == 0
        finally:
            browser.close()
    assert outside == []


def descendants(pid: int) -> set[int]:
    """Every process started, directly or not, by `pid` (read from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_the_warm_pdf_workers_end_with_serve(tmp_path: Path) -> None:
    notice = Path(shutil.copytree(SMALL, tmp_path / "notice"))
    server = Served(notice, tmp_path / "site")
    manifest = json.loads((tmp_path / "site/manifest.json").read_text())
    assert fetch_bytes(server.url + next(iter(manifest["pending_pdfs"]))).startswith(b"%PDF-")
    started = descendants(server.process.pid)
    assert len(started) >= 2  # the fork server and its workers
    server.stop()  # the reproduction: the workers and their server outlived serve
    for _ in range(600):  # a guard against a hang, not a timing
        if not any(Path(f"/proc/{pid}").exists() for pid in started):
            break
        time.sleep(0.05)
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=120) as response:
        return bytes(response.read())
