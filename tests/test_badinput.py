"""Hostile and broken input: a clear finding or a one-line error, never a traceback or a hang.

Each case runs `noticegen lint` as a real process with a timeout, as CI would.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# A guard against a hang, not a speed test: speed is measured in benchmarks/.
TIMEOUT = 120


def laughs() -> bytes:
    lines = [b'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [".encode() + b",".join([f"*a{i - 1}".encode()] * 9) + b"]")
    return b"\n".join(lines) + b"\n"


CASES: dict[str, tuple[bytes, str]] = {
    # name: (content of notice.yaml, rule expected in the output)
    "empty": (b"", "NG005"),
    "list": (b"- a\n- b\n", "NG004"),
    "scalar": (b"just some words\n", "NG004"),
    "latin1": ("notice:\n  title: Confidentialit\u00e9\n".encode("latin-1"), "NG009"),
    "utf16": ("notice: {id: x}\n".encode("utf-16"), "NG009"),
    "binary": (bytes(range(256)) * 64, "NG009"),
    "huge": (
        b"notice:\n  title: x\nprose: |\n" + (b"  " + b"lorem ipsum " * 40 + b"\n") * 110_000,
        "NG008",
    ),
    "deep-flow": (b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "NG008"),
    "deep-flow-unclosed": (b"a: " + b"{a: " * 10_000 + b"\n", "NG008"),
    "deep-block": (b"- " * 10_000 + b"x\n", "NG008"),
    "laughs": (laughs(), "NG007"),
    "tag": (b"notice: !!python/object/apply:os.system ['echo pwned']\n", "NG006"),
    "tab": (b"notice:\n\tid: x\n", "NG001"),
    "control-char": (b"notice: \x07\n", "NG001"),
    "two-documents": (b"notice: {}\n---\nnotice: {}\n", "NG001"),
    "surrogate": (b'notice: "\\ud800"\n', "NG001"),
    "long-number": (b"notice: " + b"9" * 100_000 + b"\n", "NG004"),
    "long-text": (b"notice:\n  title: " + b"word " * 30_000 + b"\n", "NG008"),
    "many-entries": (b"data:\n" + b"".join(b"  c%d: x\n" % i for i in range(6_000)), "NG008"),
    "many-values": (b"".join(b"k%d: [1" % k + b",1" * 3_999 + b"]\n" for k in range(30)), "NG008"),
}


def run_lint(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "noticegen", "lint", str(path), *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    return done


def assert_clean_failure(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-2000:]
    assert done.returncode in (1, 2), (done.returncode, done.stdout[-500:], done.stderr[-500:])
    assert (done.stdout + done.stderr).strip(), "said nothing"


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_notice_file_gives_a_finding(name: str, tmp_path: Path) -> None:
    content, rule = CASES[name]
    (tmp_path / "notice.yaml").write_bytes(content)
    done = run_lint(tmp_path, "--format", "json")
    assert_clean_failure(done)
    assert done.returncode == 1
    assert f'"rule": "{rule}"' in done.stdout


def test_bad_supplement_gives_a_finding_in_that_file(tmp_path: Path) -> None:
    base = Path(__file__).parent / "rules" / "base" / "notice.yaml"
    (tmp_path / "notice.yaml").write_bytes(base.read_bytes())
    (tmp_path / "supplements").mkdir()
    (tmp_path / "supplements" / "bomb.yaml").write_bytes(laughs())
    done = run_lint(tmp_path)
    assert_clean_failure(done)
    assert "bomb.yaml" in done.stdout and "NG007" in done.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "no notice.yaml"),
        (lambda p: None, "no such file or directory"),
    ],
    ids=["folder-without-notice", "missing-path"],
)
def test_a_path_that_is_no_notice_is_a_one_line_usage_error(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "target"
    make(path)  # type: ignore[operator]
    done = run_lint(path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert message in done.stderr


def test_a_device_is_not_read(tmp_path: Path) -> None:
    done = run_lint(Path("/dev/zero"))
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_supplement_that_is_a_device_is_not_read_forever(tmp_path: Path) -> None:
    base = Path(__file__).parent / "rules" / "base" / "notice.yaml"
    (tmp_path / "notice.yaml").write_bytes(base.read_bytes())
    (tmp_path / "supplements").mkdir()
    (tmp_path / "supplements" / "zero.yaml").symlink_to("/dev/zero")
    done = run_lint(tmp_path, "--format", "json")
    assert_clean_failure(done)
    assert '"rule": "NG009"' in done.stdout and "zero.yaml" in done.stdout
