from __future__ import annotations

import datetime
import errno
import hashlib
import html
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from noticegen.cli import main
from noticegen.i18n.strings import Strings
from noticegen.lint import linting
from noticegen.model.findings import Finding, Severity
from noticegen.publish import site
from noticegen.publish.site import (
    VERSIONS_PAGE,
    BuildError,
    build_site,
    inputs_hash,
    languages_of,
    versions_link,
)
from noticegen.sources.loading import LoadedNotice, load

SMALL = Path(__file__).parent / "render" / "fixtures" / "small"


@pytest.fixture
def notice_dir(tmp_path: Path) -> Path:
    """A copy of the small fixture notice that a test may edit."""
    return Path(shutil.copytree(SMALL, tmp_path / "notice"))


@pytest.fixture
def fake_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip WeasyPrint where a test is about the site's layout, not about PDFs."""

    def render(root: Path, documents: list[str], workers: int | None = None) -> list[bytes]:
        return [b"%PDF-fake " + hashlib.sha256(d.encode()).digest() for d in documents]

    monkeypatch.setattr(site, "render_pdfs", render)


def loaded(path: Path) -> LoadedNotice:
    result = load(path)
    assert result.notice is not None, result.findings
    return result


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.usefixtures("fake_pdfs")
def test_layout_and_manifest(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build_site(loaded(notice_dir), out)
    files = tree(out)
    for expected in ("index.html", "notice.json", "manifest.json", "en/index.html",
                     "en/example-notice.pdf", "en/california.html", "en/california.pdf",
                     "exports/record-of-processing-activities.csv",
                     "exports/record-of-processing-activities.xlsx", "exports/dpv.jsonld",
                     "versions/1.2.0/en/index.html",
                     "versions/1.2.0/en/example-notice.pdf",
                     "versions/1.2.0/notice.json", "versions/index.html"):  # fmt: skip
        assert expected in files, expected
    # The marker that lets a later build replace the folder is not part of the published site.
    assert json.loads(files.pop(".noticegen-site")) == {"format": 1, "tool": "noticegen"}
    manifest = json.loads(files.pop("manifest.json"))
    assert manifest["files"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in files.items()
    }
    assert result.files == len(files) and not result.skipped
    notice_json = files["notice.json"].decode()
    assert json.loads(notice_json) == loaded(notice_dir).notice.model_dump(mode="json")  # type: ignore[union-attr]
    assert (
        notice_json
        == json.dumps(json.loads(notice_json), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )
    assert 'href="en/index.html"' in files["index.html"].decode()
    assert 'href="california.html"' in files["en/index.html"].decode()


def test_two_builds_are_byte_identical(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_site(loaded(notice_dir), tmp_path / "a")
    time.sleep(1.1)  # a clock that leaked into the output would now differ
    build_site(loaded(notice_dir), tmp_path / "b", workers=1)
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert "SOURCE_DATE_EPOCH" not in os.environ


@pytest.mark.usefixtures("fake_pdfs")
def test_unchanged_inputs_skip_rendering(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    before = tree(out)
    again = build_site(loaded(notice_dir), out)
    assert again.skipped
    assert tree(out) == before
    assert not build_site(loaded(notice_dir), out, draft=True).skipped  # the flag is an input
    text = (notice_dir / "notice.yaml").read_text().replace("Keeping our", "Protecting our")
    (notice_dir / "notice.yaml").write_text(text)
    changed = build_site(loaded(notice_dir), out)
    assert not changed.skipped
    assert "Protecting our" in (out / "en/index.html").read_text()


@pytest.mark.parametrize(
    "changed",
    [
        "i18n/locales/de.po",
        "i18n/strings.py",
        "publish/render/markdown.py",
        "publish/render/templates/base.html",
        "publish/render/assets/notice.css",
        "publish/site.py",
        "publish/exports/ropa.py",
    ],
)
def test_an_edit_to_noticegen_itself_is_an_input(
    changed: str, notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy of the package stands in for a development install being edited.
    package = Path(
        shutil.copytree(
            Path(site.__file__).parent.parent,
            tmp_path / "noticegen",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    )
    monkeypatch.setattr(site, "__file__", str(package / "publish" / "site.py"))
    before = site.inputs_hash(notice_dir, draft=False)
    with (package / changed).open("a", encoding="utf-8") as file:
        file.write("\n")
    assert site.inputs_hash(notice_dir, draft=False) != before


@pytest.mark.usefixtures("fake_pdfs")
def test_earlier_versions_are_kept(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    old_page = (out / "en/index.html").read_bytes()
    text = (
        (notice_dir / "notice.yaml")
        .read_text()
        .replace('version: "1.2.0"\n  effective', 'version: "1.3.0"\n  effective')
    )
    (notice_dir / "notice.yaml").write_text(text)
    build_site(loaded(notice_dir), out)
    assert (out / "versions/1.2.0/en/index.html").read_bytes() == old_page
    assert (out / "versions/1.3.0/en/index.html").read_bytes() == (
        out / "en/index.html"
    ).read_bytes()
    manifest = json.loads((out / "manifest.json").read_text())
    assert "versions/1.2.0/en/example-notice.pdf" in manifest["files"]


@pytest.mark.usefixtures("fake_pdfs")
def test_the_versions_page_lists_every_archived_version_newest_first(
    notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out, draft=True)
    assert not (out / site.VERSIONS_PAGE).exists()  # nothing archived yet
    build_site(loaded(notice_dir), out)
    # The same effective date: 1.10.0 is still the newer (numbers, not text, are compared).
    _edit(notice_dir, 'version: "1.2.0"', 'version: "1.10.0"')
    build_site(loaded(notice_dir), out)
    page = (out / site.VERSIONS_PAGE).read_text()
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', page)
    assert links == [("1.10.0/index.html", "Version 1.10.0"), ("1.2.0/index.html", "Version 1.2.0")]
    assert all((out / "versions" / href).is_file() for href, _ in links)
    assert "Effective" in page and '<html lang="en"' in page
    draft = build_site(loaded(notice_dir), out, draft=True)  # a draft keeps the page as it was
    assert not draft.skipped and (out / site.VERSIONS_PAGE).read_text() == page


def _edit(notice_dir: Path, old: str, new: str) -> None:
    path = notice_dir / "notice.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.usefixtures("fake_pdfs")
def test_a_draft_never_writes_the_archive(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out, draft=True)
    assert not (out / "versions").exists()  # a draft was never published

    build_site(loaded(notice_dir), out)
    archived = tree(out / "versions")
    _edit(notice_dir, "Protecting our", "Guarding our")
    result = build_site(loaded(notice_dir), out, draft=True)
    assert "Guarding our" in (out / "en/index.html").read_text()
    assert tree(out / "versions") == archived
    assert result.warnings == ()


@pytest.mark.usefixtures("fake_pdfs")
def test_a_preview_never_writes_the_archive_and_a_build_after_it_does(
    notice_dir: Path, tmp_path: Path
) -> None:
    # The reproduction: `serve` on a notice being written archived it as versions/1.2.0, and
    # every later edit then differed from "the published" 1.2.0.
    out = tmp_path / "site"
    preview = build_site(loaded(notice_dir), out, preview=True)
    assert not preview.skipped and not (out / "versions").exists()
    _edit(notice_dir, "Protecting our", "Guarding our")
    assert build_site(loaded(notice_dir), out, preview=True).warnings == ()
    published = build_site(loaded(notice_dir), out)
    assert not published.skipped and published.warnings == ()
    assert "Guarding our" in (out / "versions/1.2.0/en/index.html").read_text()


@pytest.mark.usefixtures("fake_pdfs")
def test_an_archived_version_is_kept_when_the_notice_changes_under_it(
    notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    archived = tree(out / "versions")
    again = build_site(loaded(notice_dir), out, draft=False, workers=1)
    assert again.warnings == ()  # nothing changed (a skipped build)

    _edit(notice_dir, "Protecting our", "Guarding our")
    result = CliRunner().invoke(main, ["build", str(notice_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Guarding our" in (out / "en/index.html").read_text()
    assert tree(out / "versions") == archived
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "versions/1.2.0/" in warnings[0], result.stderr


@pytest.mark.usefixtures("fake_pdfs")
def test_a_draft_names_a_supplement_that_did_not_load(notice_dir: Path, tmp_path: Path) -> None:
    supplement = notice_dir / "supplements/california.yaml"
    supplement.write_text(supplement.read_text() + "zz: 1\n")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(notice_dir), "--out", str(out), "--draft"])
    assert result.exit_code == 0, result.output
    assert not (out / "en/california.html").exists()
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, result.stderr
    assert "supplements/california.yaml" in warnings[0] and "1 finding" in warnings[0]


@pytest.mark.usefixtures("fake_pdfs")
def test_a_failed_build_leaves_the_previous_site(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    before = tree(out)

    def broken(root: Path, documents: list[str], workers: int | None = None) -> list[bytes]:
        raise BuildError("PDF rendering failed: no font")

    monkeypatch.setattr(site, "render_pdfs", broken)
    with pytest.raises(BuildError):
        build_site(loaded(notice_dir), out, draft=True)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "site"]


@pytest.mark.usefixtures("fake_pdfs")
def test_unwritable_output_is_one_line(notice_dir: Path, tmp_path: Path) -> None:
    # A file where the output's parent folder should be: no user, not even root, can write there.
    (tmp_path / "occupied").write_text("a file, not a folder")
    with pytest.raises(BuildError, match="cannot write") as raised:
        build_site(loaded(notice_dir), tmp_path / "occupied" / "site")
    assert "\n" not in str(raised.value)


@pytest.mark.usefixtures("fake_pdfs")
def test_supplement_in_fewer_languages_links_to_one_it_has(
    notice_dir: Path, tmp_path: Path
) -> None:
    text = (
        (notice_dir / "notice.yaml").read_text().replace("languages: [en]", "languages: [en, fr]")
    )
    (notice_dir / "notice.yaml").write_text(text)
    supplement = notice_dir / "supplements/california.yaml"
    supplement.write_text(
        supplement.read_text().replace(
            "applies_to: Residents of California",
            "applies_to: Residents of California\n  languages: [en]",
        )
    )
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    assert (out / "fr/index.html").exists() and not (out / "fr/california.html").exists()
    assert 'href="../en/california.html"' in (out / "fr/index.html").read_text()
    french = (out / "fr/index.html").read_text()
    assert '<html lang="fr"' in french and 'hreflang="en"' in french


@pytest.mark.usefixtures("fake_pdfs")
def test_cli_refuses_a_notice_with_errors_unless_draft(notice_dir: Path, tmp_path: Path) -> None:
    text = (
        (notice_dir / "notice.yaml")
        .read_text()
        .replace(
            "data: [device.ip_address]\n    legal_basis", "data: [device.nowhere]\n    legal_basis"
        )
    )
    (notice_dir / "notice.yaml").write_text(text)
    out = tmp_path / "site"
    runner = CliRunner()
    refused = runner.invoke(main, ["build", str(notice_dir), "--out", str(out)])
    assert refused.exit_code == 1
    assert "device.nowhere" in refused.output and "[error]" in refused.output
    assert not out.exists()
    draft = runner.invoke(main, ["build", str(notice_dir), "--out", str(out), "--draft"])
    assert draft.exit_code == 0, draft.output
    assert "DRAFT" in (out / "en/index.html").read_text()
    assert "DRAFT" in (out / "en/california.html").read_text()


def test_cli_usage_errors_are_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "missing"), "--out", str(tmp_path / "s")]
    )
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_font_fails_the_build_in_one_line(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticegen.publish.render import pdf

    monkeypatch.setattr(pdf, "installed_font_families", set)
    with pytest.raises(BuildError, match="no font found") as raised:
        build_site(loaded(notice_dir), tmp_path / "site", workers=1)
    assert "\n" not in str(raised.value)
    assert not (tmp_path / "site").exists()


def test_a_missing_asset_fails_the_build_in_one_line(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticegen.publish.render import html

    monkeypatch.setattr(html, "ASSETS_DIR", tmp_path / "nowhere")
    with pytest.raises(BuildError, match="missing asset") as raised:
        build_site(loaded(notice_dir), tmp_path / "site")
    assert "\n" not in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice"]


@pytest.mark.usefixtures("fake_pdfs")
def test_refuses_to_replace_a_folder_it_did_not_build(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.txt").write_text("years of work")
    with pytest.raises(BuildError, match="not a site noticegen built"):
        build_site(loaded(notice_dir), out)
    assert (out / "thesis.txt").read_text() == "years of work"


def test_a_worker_that_cannot_start_fails_the_build_in_one_line(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from noticegen.publish.render import pdf

    if threading.active_count() > 1:
        pytest.skip("workers start from a fork server here: the patch would not reach them")
    monkeypatch.setattr(pdf, "installed_font_families", set)
    with pytest.raises(BuildError, match="no font found"):
        build_site(loaded(notice_dir), tmp_path / "site", workers=2)


@pytest.mark.usefixtures("fake_pdfs")
def test_cli_rebuild_with_unchanged_inputs_writes_nothing(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(notice_dir), "--out", str(out)]).exit_code == 0
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = runner.invoke(main, ["build", str(notice_dir), "--out", str(out)])
    assert again.exit_code == 0 and "up to date" in again.output
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == written
    (notice_dir / "noticegen.toml").write_text("# the lint configuration is an input\n")
    third = runner.invoke(main, ["build", str(notice_dir), "--out", str(out)])
    assert third.exit_code == 0 and "built site" in third.output


@pytest.mark.usefixtures("fake_pdfs")
def test_an_unchanged_notice_is_still_linted(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lint reads more than the hashed inputs (the git revision the review rules compare with).
    out = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(notice_dir), "--out", str(out)]).exit_code == 0
    error = Finding("NG802", Severity.ERROR, "A material change is not logged.", "notice.yaml")
    monkeypatch.setattr(linting, "lint", lambda loaded, config=None, profiles=(): [error])
    again = runner.invoke(main, ["build", str(notice_dir), "--out", str(out)])
    assert again.exit_code == 1 and "not building" in again.output


@pytest.mark.usefixtures("fake_pdfs")
def test_a_suppressed_error_does_not_stop_the_build(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As for lint's exit code: the reason given in the notice settles the finding.
    error = Finding("NG201", Severity.ERROR, "m", "notice.yaml", suppressed="legal hold")
    monkeypatch.setattr(linting, "lint", lambda loaded, config=None, profiles=(): [error])
    built = CliRunner().invoke(main, ["build", str(notice_dir), "--out", str(tmp_path / "s")])
    assert built.exit_code == 0 and "built site" in built.output


@pytest.mark.usefixtures("fake_pdfs")
def test_a_configuration_in_a_parent_pyproject_is_an_input(notice_dir: Path) -> None:
    out = notice_dir.parent / "site"
    config = notice_dir.parent / "pyproject.toml"
    config.write_text('[tool.noticegen]\nignore = ["NG419"]\n', encoding="utf-8")
    first = build_site(loaded(notice_dir), out, config=config)
    assert not first.skipped and build_site(loaded(notice_dir), out, config=config).skipped
    config.write_text('[tool.noticegen]\nignore = ["NG420"]\n', encoding="utf-8")
    assert not build_site(loaded(notice_dir), out, config=config).skipped


# --- the output folder: only a folder noticegen built is replaced ----------------------------


def _build_cli(notice: Path, out: Path, *extra: str) -> Result:
    return CliRunner().invoke(main, ["build", str(notice), "--out", str(out), *extra])


def _refused_in_one_line(result: Result, why: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert why in result.output, result.output


@pytest.mark.usefixtures("fake_pdfs")
@pytest.mark.parametrize(
    "manifest",
    [
        "{}\n",  # the reproduction: any JSON object was taken for a site
        '{"name": "App", "start_url": "/", "display": "standalone"}\n',  # a web app's manifest
        '{"generator": "noticegen 0.1.0", "inputs": "0", "files": {}}\n',  # a look-alike
    ],
)
def test_a_folder_with_a_manifest_json_is_not_replaced(
    manifest: str, notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "public"
    out.mkdir()
    (out / "manifest.json").write_text(manifest)
    (out / "keep.txt").write_text("keep me")
    before = tree(out)
    _refused_in_one_line(_build_cli(notice_dir, out), "not a site noticegen built")
    _refused_in_one_line(_build_cli(notice_dir, out, "--draft"), "not a site noticegen built")
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "public"]


@pytest.mark.usefixtures("fake_pdfs")
def test_a_repository_holding_the_notice_is_not_replaced(tmp_path: Path) -> None:
    # The reproduction: `echo '{}' > repo/manifest.json; noticegen build repo/notice --out repo`
    repo = tmp_path / "repo"
    notice = Path(shutil.copytree(SMALL, repo / "notice"))
    (repo / ".git").mkdir()
    (repo / "manifest.json").write_text("{}\n")
    (repo / site.SITE_MARKER).write_text(json.dumps(site.MARKER))  # planted by a pull request
    before = tree(repo)
    _refused_in_one_line(_build_cli(notice, repo), "holds the notice folder")
    assert tree(repo) == before


@pytest.mark.usefixtures("fake_pdfs")
@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("notice/site", "is inside the notice folder"),
        ("notice", "holds the notice folder"),
        (".", "holds the notice folder"),
        ("other-repo", "is the root of a git repository"),
        ("link", "is a symbolic link"),
        ("newer", "not a site noticegen built"),
    ],
)
def test_unsafe_output_folders_are_refused(
    where: str, why: str, notice_dir: Path, tmp_path: Path
) -> None:
    marker = json.dumps(site.MARKER)
    (tmp_path / "other-repo/.git").mkdir(parents=True)
    (tmp_path / "other-repo" / site.SITE_MARKER).write_text(marker)
    built = tmp_path / "built"
    assert _build_cli(notice_dir, built).exit_code == 0
    (tmp_path / "link").symlink_to(built)
    (tmp_path / "newer").mkdir()  # a site of a later layout that this noticegen does not know
    (tmp_path / "newer" / site.SITE_MARKER).write_text('{"format": 2, "tool": "noticegen"}')
    (tmp_path / "newer/page.html").write_text("kept")
    before = tree(tmp_path)
    _refused_in_one_line(_build_cli(notice_dir, tmp_path / where), why)
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("/", "is the root of the file system"),
        ("~", "is your home folder"),
        ("~/f", "not a folder"),
    ],
)
def test_the_root_and_home_folders_are_refused(
    where: str, why: str, notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "f").write_text("a file")
    monkeypatch.setenv("HOME", str(home))
    with pytest.raises(site.UnsafeOutput, match=why):
        site.check_output(Path(where).expanduser(), notice_dir)


@pytest.mark.usefixtures("fake_pdfs")
def test_an_empty_folder_and_a_site_noticegen_built_are_written(
    notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    out.mkdir()
    assert _build_cli(notice_dir, out).exit_code == 0
    (out / "stale.html").write_text("a page of an earlier site")
    _edit(notice_dir, "Protecting our", "Guarding our")
    assert _build_cli(notice_dir, out).exit_code == 0
    assert not (out / "stale.html").exists()  # the site is replaced as a whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "site"]


# --- a build killed at any step ----------------------------------------------------------------


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no cleanup either."""


def _intact(out: Path) -> dict[str, str]:
    """The manifest's file list, after checking that every file in it has its hash."""
    files = json.loads((out / "manifest.json").read_text())["files"]
    for name, digest in files.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return files


@pytest.mark.usefixtures("fake_pdfs")
@pytest.mark.parametrize(
    "step",
    ["rendering", "moving the old site aside", "renaming the new site in", "deleting the old site"],
)
def test_a_build_killed_at_any_step_is_recovered_by_the_next(
    step: str, notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    first = tree(out)
    _edit(notice_dir, 'version: "1.2.0"\n  effective', 'version: "1.3.0"\n  effective')

    renames = []
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        renames.append(self)
        if (step, len(renames)) in {("moving the old site aside", 1),
                                    ("renaming the new site in", 2)}:  # fmt: skip
            raise Killed
        return real_rename(self, target)

    def remove(folder: Path) -> None:
        if folder.exists():
            if step == "deleting the old site":
                shutil.rmtree(folder / "en")  # killed halfway
            raise Killed

    def render(root: Path, documents: list[str], workers: int | None = None) -> list[bytes]:
        raise Killed

    with monkeypatch.context() as killed:
        killed.setattr(Path, "rename", rename)
        killed.setattr(site, "_remove_ours", remove)
        if step == "rendering":
            killed.setattr(site, "render_pdfs", render)
        with pytest.raises(Killed):
            build_site(loaded(notice_dir), out)

    # Killed, the build left the old site, the new one, or the old one moved aside.
    left = out if out.exists() else tmp_path / ".site.old"
    assert "versions/1.2.0/en/index.html" in _intact(left)

    result = build_site(loaded(notice_dir), out)
    assert result.skipped == (step == "deleting the old site")  # the new site was in place
    files = _intact(out)
    assert "versions/1.3.0/en/index.html" in files
    assert {n: d for n, d in tree(out).items() if n.startswith("versions/1.2.0/")} == {
        n: d for n, d in first.items() if n.startswith("versions/1.2.0/")
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "site"]


@pytest.mark.usefixtures("fake_pdfs")
def test_a_leftover_folder_without_the_marker_is_not_ours_to_remove(
    notice_dir: Path, tmp_path: Path
) -> None:
    lookalike = tmp_path / ".site.build"
    lookalike.mkdir()
    (lookalike / "notes.txt").write_text("someone's own folder")
    with pytest.raises(BuildError, match="cannot write the site"):
        build_site(loaded(notice_dir), tmp_path / "site")
    assert (lookalike / "notes.txt").read_text() == "someone's own folder"


# --- write errors and damaged outputs -----------------------------------------------------------


@pytest.mark.usefixtures("fake_pdfs")
def test_a_full_disk_names_the_file_and_the_reason(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    before = tree(out)
    _edit(notice_dir, "Protecting our", "Guarding our")
    real_write_bytes = Path.write_bytes

    def write_bytes(self: Path, data: bytes) -> int:
        if self.suffix == ".pdf":  # what a write on a full disk raises: no file name
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    with pytest.raises(BuildError) as raised:
        build_site(loaded(notice_dir), out)
    message = str(raised.value)
    assert "None" not in message and "\n" not in message
    assert "No space left on device" in message and "example-notice.pdf" in message
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "site"]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (OSError(errno.EACCES, "Permission denied", "/x/y"), "/x/y: Permission denied"),
        (shutil.Error([("/a/v1", "/b/v1", "[Errno 28] No space left on device")]), "/b/v1: "),
        (OSError("a message of its own"), "a message of its own"),
        (OSError(), "OSError"),
    ],
)
def test_an_os_error_is_described_without_none(error: OSError, expected: str) -> None:
    described = site.describe_os_error(error)
    assert expected in described and "None" not in described


@pytest.mark.usefixtures("fake_pdfs")
@pytest.mark.parametrize("damage", ["truncate", "delete", "replace by a link"])
def test_a_damaged_file_is_rebuilt_although_the_inputs_are_unchanged(
    damage: str, notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    before = tree(out)
    page = out / "en/index.html"
    if damage == "truncate":
        page.write_bytes(page.read_bytes()[:100])
    elif damage == "delete":
        page.unlink()
    else:
        (tmp_path / "copy.html").write_bytes(page.read_bytes())
        page.unlink()
        page.symlink_to(tmp_path / "copy.html")
    result = build_site(loaded(notice_dir), out)
    assert not result.skipped
    assert tree(out) == before and not page.is_symlink()


def _processes_naming(path: Path) -> list[int]:
    """Processes whose command line names `path` (a forked PDF worker keeps its build's)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(path).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue  # the process ended meanwhile
    return found


def _wait_until(condition: Callable[[], bool], what: str) -> None:
    """Poll; the deadline is a guard against a hang, not a measure of speed."""
    deadline = time.monotonic() + 180
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.05)


@pytest.mark.skipif(
    not Path("/proc/self/cmdline").exists() or (os.cpu_count() or 1) < 2,
    reason="needs /proc and a pool of PDF workers",
)
def test_a_killed_build_leaves_no_worker_and_no_lock_behind(
    notice_dir: Path, tmp_path: Path
) -> None:
    # The reproduction: SIGKILL during rendering left the pool's workers waiting for work
    # forever, and they held the output folder's lock, so the next build never started.
    out = tmp_path / "site"
    command = [sys.executable, "-m", "noticegen", "build", str(notice_dir), "--out", str(out)]
    assert subprocess.run(command, capture_output=True).returncode == 0
    _edit(notice_dir, 'version: "1.2.0"', 'version: "1.3.0"')
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_until(
        lambda: len(_processes_naming(out)) > 1 or build.poll() is not None, "the PDF workers"
    )
    assert build.poll() is None, "the build ended before its workers could be seen"
    build.send_signal(signal.SIGKILL)
    build.wait()
    _wait_until(lambda: not _processes_naming(out), "the workers to end with their build")
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    files = _intact(out)
    assert {"versions/1.2.0/en/index.html", "versions/1.3.0/en/index.html"} <= files.keys()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice", "site"]


# --- publishing the source while translations catch up ------------------------------------

TRANSLATED = Path(__file__).parents[1] / "notice"  # en, fr and de, every catalog up to date
OLD_LABEL = "label: Providing and managing your account"
NEW_LABEL = "label: Providing and running your account"


@pytest.fixture
def translated(tmp_path: Path) -> Path:
    return Path(shutil.copytree(TRANSLATED, tmp_path / "notice"))


def fake_pdf(html_text: str) -> bytes:
    return b"%PDF-fake " + hashlib.sha256(html_text.encode()).digest()


def _published_then_edited(notice: Path, out: Path) -> dict[str, bytes]:
    """Publish version 2.0.0 with every translation, then edit one English word so that the
    French and German catalogs translate an earlier text; the site as published."""
    result = _build_cli(notice, out)
    assert result.exit_code == 0, result.output
    _edit(notice, OLD_LABEL, NEW_LABEL)
    return tree(out)


@pytest.mark.usefixtures("fake_pdfs")
def test_stale_translations_block_the_build_by_default(translated: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    published = _published_then_edited(translated, out)
    result = _build_cli(translated, out)
    assert result.exit_code == 1, result.output
    assert "NG707" in result.output and "not building" in result.stderr
    assert tree(out) == published
    result = _build_cli(translated, out, "--stale-translations", "block")
    assert result.exit_code == 1, result.output


@pytest.mark.usefixtures("fake_pdfs")
def test_publishing_the_source_marks_each_stale_translation_as_an_earlier_version(
    translated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    published = _published_then_edited(translated, out)
    _edit(translated, 'version: "2.0.0"', 'version: "2.0.1"')
    result = _build_cli(translated, out, "--stale-translations", "publish-source")
    assert result.exit_code == 0, result.output
    for lang in ("fr", "de"):
        assert (
            f"the {lang} catalog does not translate the current text yet: the {lang} pages are "
            "those of version 2.0.0" in result.stderr
        )
    site_now = tree(out)
    assert NEW_LABEL.removeprefix("label: ").encode() in site_now["en/index.html"]
    for lang in ("fr", "de"):
        pages = [name for name in published if name.startswith(f"{lang}/")]
        assert pages and sorted(pages) == sorted(n for n in site_now if n.startswith(f"{lang}/"))
        for name in pages:
            if not name.endswith(".html"):
                continue
            page = site_now[name].decode()
            # The page as version 2.0.0 published it, with one note first in its body.
            note = re.search(r'\n<div class="earlier-translation".*?</div>', page)
            assert note is not None, name
            # In the page's language, dated by the conventions of the controller's country.
            _ = Strings(lang, "FR")
            said = html.unescape(note.group(0))
            which = _(
                "{first} · {second}",
                first=_("Version {version}", version="2.0.0"),
                second=_("Effective {date}", date=_.date(datetime.date(2026, 11, 24))),
            )
            earlier = "This translation is of an earlier version of this notice ({version})."
            assert _(earlier, version=which) in said
            assert "earlier version" not in said  # no English left on a French or German page
            assert 'href="../en/index.html"' in note.group(0)
            assert (page[: note.start()] + page[note.end() :]).encode() == published[name]
            pdf = name.replace("index.html", "ims-consulting.pdf").replace(".html", ".pdf")
            assert site_now[pdf] == fake_pdf(page)  # the PDF says so too
    # Version 2.0.1 is archived with the languages that translate it, and no other.
    archived = {name.split("/")[2] for name in site_now if name.startswith("versions/2.0.1/")}
    assert "en" in archived and not {"fr", "de"} & archived
    assert site_now["versions/2.0.0/fr/index.html"] == published["versions/2.0.0/fr/index.html"]


@pytest.mark.usefixtures("fake_pdfs")
def test_a_stale_translation_never_archived_is_left_out(translated: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _edit(translated, OLD_LABEL, NEW_LABEL)
    result = _build_cli(translated, out, "--stale-translations", "publish-source")
    assert result.exit_code == 0, result.output
    assert "no archived version has fr pages: fr is left out" in result.stderr
    site_now = tree(out)
    assert not [name for name in site_now if name.startswith(("fr/", "de/"))]
    for name in ("index.html", "en/index.html", "en/eu.html"):
        page = site_now[name].decode()
        assert "fr/" not in page and 'hreflang="de"' not in page, name
    assert "pt-BR/brazil.html" in site_now  # a language whose catalog is up to date stays


@pytest.mark.usefixtures("fake_pdfs")
def test_the_configuration_chooses_and_the_option_overrides_it(
    translated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    _published_then_edited(translated, out)
    (translated / "noticegen.toml").write_text('stale-translations = "publish-source"\n')
    assert _build_cli(translated, out, "--stale-translations", "block").exit_code == 1
    result = _build_cli(translated, out)
    assert result.exit_code == 0, result.output
    assert b"earlier-translation" in (out / "fr/index.html").read_bytes()


def test_an_unknown_stale_translations_setting_is_one_line(
    translated: Path, tmp_path: Path
) -> None:
    (translated / "noticegen.toml").write_text('\nstale-translations = "mix"\n')
    result = _build_cli(translated, tmp_path / "site")
    assert result.exit_code == 2, result.output
    assert f"{translated / 'noticegen.toml'}:2:1: `stale-translations` must be one of" in (
        result.stderr
    )
    assert not (tmp_path / "site").exists()


@pytest.mark.usefixtures("fake_pdfs")
def test_every_published_notice_page_links_the_versions_page(
    notice_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out)
    assert (out / VERSIONS_PAGE).is_file()
    notice = loaded(notice_dir).notice
    assert notice is not None
    href = versions_link(notice)
    for lang in languages_of(notice):
        page = out / lang / "index.html"
        assert f'<a href="{href}">' in page.read_text(encoding="utf-8"), page
    target = href if notice.notice.url is None else f"../{VERSIONS_PAGE}"
    assert (out / "en" / target).resolve() == (out / VERSIONS_PAGE).resolve()


@pytest.mark.usefixtures("fake_pdfs")
def test_a_draft_with_no_archive_links_no_versions_page(notice_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(loaded(notice_dir), out, draft=True)
    assert not (out / VERSIONS_PAGE).exists()
    assert "Change log</a>" not in (out / "en" / "index.html").read_text(encoding="utf-8")


def test_the_input_hash_reads_nothing_a_link_leads_to_outside_the_notice(
    notice_dir: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "outside.po"
    secret.write_text("secret one\n", encoding="utf-8")
    (notice_dir / "locales").mkdir(exist_ok=True)
    (notice_dir / "locales" / "xx.po").symlink_to(secret)
    before = inputs_hash(notice_dir, draft=False)
    secret.write_text("secret two, which the hash must not have read\n", encoding="utf-8")
    assert inputs_hash(notice_dir, draft=False) == before
