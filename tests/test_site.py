from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from noticegen import linting, site
from noticegen.cli import main
from noticegen.findings import Finding, Severity
from noticegen.loading import LoadedNotice, load
from noticegen.site import BuildError, build_site

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
                     "versions/1.2.0/notice.json"):  # fmt: skip
        assert expected in files, expected
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
        "render/markdown.py",
        "render/templates/base.html",
        "render/assets/notice.css",
        "site.py",
        "exports/ropa.py",
    ],
)
def test_an_edit_to_noticegen_itself_is_an_input(
    changed: str, notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy of the package stands in for a development install being edited.
    package = Path(
        shutil.copytree(
            Path(site.__file__).parent,
            tmp_path / "noticegen",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    )
    monkeypatch.setattr(site, "__file__", str(package / "site.py"))
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
    from noticegen.render import pdf

    monkeypatch.setattr(pdf, "installed_font_families", set)
    with pytest.raises(BuildError, match="no font found") as raised:
        build_site(loaded(notice_dir), tmp_path / "site", workers=1)
    assert "\n" not in str(raised.value)
    assert not (tmp_path / "site").exists()


def test_a_missing_asset_fails_the_build_in_one_line(
    notice_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from noticegen.render import html

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

    from noticegen.render import pdf

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


@pytest.mark.usefixtures("fake_pdfs")
def test_a_site_inside_the_notice_folder_is_not_an_input(notice_dir: Path) -> None:
    out = notice_dir / "site"
    build_site(loaded(notice_dir), out)
    assert build_site(loaded(notice_dir), out).skipped
