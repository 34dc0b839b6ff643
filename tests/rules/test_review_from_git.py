"""The review rules (NG801-NG803) read the previous version from git: the committed files of
the notice folder, main notice and supplements alike, whatever the working tree holds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from gitrepo import git

from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules.review import _previous
from noticegen.sources.gitsource import MAX_FILES, export_commit, repository_and_commit
from noticegen.sources.loading import load

BASE = Path(__file__).parent / "base" / "notice.yaml"
SUPPLEMENT = """supplement:
  id: california
  title: Privacy Notice for California Residents
  jurisdiction: ccpa
  applies_to: Residents of California
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit holds notice/ with a main file and two more files."""
    root = tmp_path / "repo"
    (root / "notice" / "supplements").mkdir(parents=True)
    shutil.copy(BASE, root / "notice" / "notice.yaml")
    (root / "notice" / "supplements" / "notes.txt").write_bytes(b"\x00binary\nand text\n")
    (root / "notice" / "empty.txt").write_bytes(b"")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    return root


def review_findings(folder: Path) -> list[tuple[str, str]]:
    findings = lint(load(folder), Config())
    return [(f.rule, f.message) for f in findings if f.rule in ("NG801", "NG802", "NG803")]


def test_every_file_the_loader_reads_is_exported_byte_for_byte(repo: Path, tmp_path: Path) -> None:
    (repo / "notice" / "supplements" / "california.yaml").write_text(SUPPLEMENT, "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "california")
    located = repository_and_commit("HEAD", repo / "notice")
    assert located is not None
    top, commit = located
    assert top.resolve() == repo.resolve() and commit == git(repo, "rev-parse", "HEAD").strip()
    (tmp_path / "out").mkdir()
    out = export_commit(commit, "notice", repo, tmp_path / "out")
    exported = {
        p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
    }
    # The other files of the folder (notes.txt, empty.txt) are not the notice's: not read.
    assert exported == {
        name: (repo / "notice" / name).read_bytes()
        for name in ("notice.yaml", "supplements/california.yaml")
    }


def test_no_revision_outside_a_repository_or_for_an_unknown_name(
    repo: Path, tmp_path: Path
) -> None:
    assert repository_and_commit("no-such-branch", repo / "notice") is None
    assert repository_and_commit("--output=x", repo / "notice") is None
    (tmp_path / "elsewhere").mkdir()
    assert repository_and_commit("HEAD", tmp_path / "elsewhere") is None


def test_an_unchanged_notice_has_no_review_finding(repo: Path) -> None:
    assert review_findings(repo / "notice") == []


def test_a_change_without_a_new_version_is_reported(repo: Path) -> None:
    notice = repo / "notice" / "notice.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("P1Y", "P3Y"), encoding="utf-8")
    found = review_findings(repo / "notice")
    assert [rule for rule, _ in found].count("NG801") == 2
    assert all("HEAD:notice" in message for rule, message in found if rule == "NG801")


def test_a_new_supplement_is_a_change(repo: Path) -> None:
    (repo / "notice" / "supplements" / "california.yaml").write_text(SUPPLEMENT, "utf-8")
    assert "NG801" in {rule for rule, _ in review_findings(repo / "notice")}


def test_a_material_change_needs_a_change_log_entry(repo: Path) -> None:
    notice = repo / "notice" / "notice.yaml"
    text = notice.read_text(encoding="utf-8").replace('version: "1.0.0"', 'version: "1.1.0"')
    text = text.replace(
        "data:\n", "data:\n  contact.phone: {label: Phone number, source: provided}\n", 1
    )
    notice.write_text(text, encoding="utf-8")
    found = review_findings(repo / "notice")
    assert any(rule == "NG802" and "New data collected" in m for rule, m in found), found


def test_an_undated_version_with_a_material_change_is_named_in_words(repo: Path) -> None:
    notice = repo / "notice" / "notice.yaml"
    text = notice.read_text(encoding="utf-8").replace('  version: "1.0.0"\n', "", 1)
    text = text.replace("  effective: 2026-01-01\n", "", 1)
    text = text.replace(
        "data:\n", "data:\n  contact.phone: {label: Phone number, source: provided}\n", 1
    )
    notice.write_text(text, encoding="utf-8")
    messages = [m for rule, m in review_findings(repo / "notice") if rule == "NG802"]
    assert messages and messages[0].startswith("This undated version makes material changes")


def _no_export(*args: object, **kwargs: object) -> Path:
    raise AssertionError("the committed files are the working files; nothing to export")


def test_an_unchanged_notice_is_not_read_again_from_git(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_previous, "export_commit", _no_export)
    _previous._from_git.cache_clear()
    assert review_findings(repo / "notice") == []


def test_a_removed_supplement_is_a_change(repo: Path) -> None:
    supplement = repo / "notice" / "supplements" / "california.yaml"
    supplement.write_text(SUPPLEMENT, "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "california")
    supplement.unlink()
    assert "NG801" in {rule for rule, _ in review_findings(repo / "notice")}


def test_a_single_file_is_compared_with_the_committed_notice(repo: Path) -> None:
    other = repo / "notice" / "draft.yaml"
    other.write_text((repo / "notice" / "notice.yaml").read_text("utf-8").replace("P1Y", "P3Y"))
    assert "NG801" in {rule for rule, _ in review_findings(other)}


def test_a_notice_at_the_root_of_a_large_repository_is_compared(tmp_path: Path) -> None:
    # Only the notice's own files are read from git, however many files the repository holds.
    root = tmp_path / "large"
    (root / "src").mkdir(parents=True)
    shutil.copy(BASE, root / "notice.yaml")
    for i in range(MAX_FILES + 100):
        (root / "src" / f"module_{i}.py").write_text(f"VALUE = {i}\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    assert review_findings(root) == []
    notice = root / "notice.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("P1Y", "P3Y"), encoding="utf-8")
    assert "NG801" in {rule for rule, _ in review_findings(root)}


def test_a_colon_or_glob_in_the_folder_name_is_read_literally(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    folder = root / ":notice[1]*"
    folder.mkdir(parents=True)
    shutil.copy(BASE, folder / "notice.yaml")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    notice = folder / "notice.yaml"
    notice.write_text(notice.read_text(encoding="utf-8").replace("P1Y", "P3Y"), encoding="utf-8")
    assert "NG801" in {rule for rule, _ in review_findings(folder)}


def test_the_unchanged_notice_is_recognised_in_a_sha256_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(BASE, root / "notice.yaml")
    try:
        git(root, "init", "-q", "--object-format=sha256")
    except subprocess.CalledProcessError:
        pytest.skip("this git cannot make SHA-256 repositories")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    monkeypatch.setattr(_previous, "export_commit", _no_export)
    _previous._from_git.cache_clear()
    assert review_findings(root) == []
