"""Files of a notice folder are read through one door (noticegen.sources.folder.read_folder_file):
nothing outside the folder, nothing but regular files, never more than the cap, and a refusal
is a finding at line 1 that never shows what the refused file holds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from noticegen.sources.folder import FolderFileRefused, read_folder_file

NOTICE = Path(__file__).parent.parent / "notice"
SECRET = "NG-TEST-SECRET-4242"
TIMEOUT = 30


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    (tmp_path / "outside.txt").write_text(
        f"{SECRET}\naws_secret_access_key = {SECRET}\nnotice: {SECRET}\n", encoding="utf-8"
    )
    return folder


def lint_outputs(folder: Path, env: dict[str, str] | None = None) -> list[str]:
    """lint's whole output in text and in json, as CI runs it; never a traceback."""
    outputs = []
    for fmt in ("text", "json"):
        done = subprocess.run(
            [sys.executable, "-m", "noticegen", "lint", str(folder), "--format", fmt],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=env,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "Traceback" not in done.stderr
        outputs.append(done.stdout + done.stderr)
    return outputs


def findings_in(folder: Path, relative: str) -> list[dict[str, object]]:
    text = lint_outputs(folder)[1]
    return [f for f in json.loads(text)["findings"] if str(f["file"]).endswith(relative)]


def replace_by_link(path: Path, target: Path | str) -> None:
    path.unlink(missing_ok=True)
    path.symlink_to(target)


@pytest.mark.parametrize(
    ("relative", "rule"),
    [("locales/fr.po", "NG703"), ("supplements/eu.yaml", "NG009"), ("notice.yaml", "NG009")],
)
def test_a_link_to_a_file_outside_the_folder_is_refused_unread(
    notice: Path, relative: str, rule: str
) -> None:
    replace_by_link(notice / relative, notice.parent / "outside.txt")
    for output in lint_outputs(notice):
        assert SECRET not in output
    found = findings_in(notice, relative)
    assert [(f["rule"], f["line"]) for f in found] == [(rule, 1)]
    assert "outside the notice folder" in str(found[0]["message"])


def test_a_catalog_linked_to_etc_passwd_prints_none_of_its_lines(notice: Path) -> None:
    replace_by_link(notice / "locales" / "fr.po", "/etc/passwd")
    for output in lint_outputs(notice):
        assert "root:" not in output


def test_a_catalog_linked_to_the_process_environment_prints_no_variable(notice: Path) -> None:
    replace_by_link(notice / "locales" / "fr.po", "/proc/self/environ")
    env = {**os.environ, "NG_TEST_TOKEN": SECRET}
    for output in lint_outputs(notice, env):
        assert SECRET not in output


def test_a_link_through_a_linked_folder_is_refused(notice: Path) -> None:
    outside = notice.parent / "elsewhere"
    outside.mkdir()
    shutil.copy(notice / "locales" / "fr.po", outside / "fr.po")
    (outside / "fr.po").write_text(f'msgid "{SECRET}"\nmsgstr "x"\n', encoding="utf-8")
    shutil.rmtree(notice / "locales")
    (notice / "locales").symlink_to(outside)
    for output in lint_outputs(notice):
        assert SECRET not in output


def test_a_link_that_stays_inside_the_folder_is_read(notice: Path) -> None:
    (notice / "drafts").mkdir()
    (notice / "supplements" / "eu.yaml").rename(notice / "drafts" / "eu.yaml")
    replace_by_link(notice / "supplements" / "eu.yaml", "../drafts/eu.yaml")
    assert findings_in(notice, "supplements/eu.yaml") == []


def test_a_pipe_is_refused_without_waiting_for_it(notice: Path) -> None:
    os.mkfifo(notice / "supplements" / "pipe.yaml")
    found = findings_in(notice, "supplements/pipe.yaml")
    assert [(f["rule"], f["line"]) for f in found] == [("NG009", 1)]
    assert "not a regular file" in str(found[0]["message"])


def test_a_huge_file_is_refused_by_size(notice: Path) -> None:
    with (notice / "supplements" / "huge.yaml").open("wb") as handle:
        handle.truncate(1 << 30)  # sparse: a gigabyte that takes no disk
    found = findings_in(notice, "supplements/huge.yaml")
    assert [(f["rule"], f["line"]) for f in found] == [("NG008", 1)]
    assert "1,073,741,824 bytes" in str(found[0]["message"])


def test_the_reader_reads_one_byte_past_the_cap_at_most(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(1 << 30)
    with pytest.raises(FolderFileRefused) as refused:
        read_folder_file(tmp_path, big, 10)
    assert refused.value.too_large
    (tmp_path / "small.yaml").write_bytes(b"0123456789")
    assert read_folder_file(tmp_path, tmp_path / "small.yaml", 10) == b"0123456789"


def test_a_folder_is_not_read_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.yaml").mkdir()
    with pytest.raises(FolderFileRefused, match="not a regular file"):
        read_folder_file(tmp_path, tmp_path / "dir.yaml", 10)


def test_a_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    with pytest.raises(FolderFileRefused):
        read_folder_file(tmp_path, tmp_path / "a.yaml", 10)


def test_fmt_refuses_a_link_out_of_the_folder_and_leaves_it(notice: Path) -> None:
    link = notice / "supplements" / "eu.yaml"
    replace_by_link(link, notice.parent / "outside.txt")
    done = subprocess.run(
        [sys.executable, "-m", "noticegen", "fmt", str(notice)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 2
    assert "outside the notice folder" in done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert link.is_symlink()


def test_a_configuration_linked_out_of_the_folder_is_a_usage_error(notice: Path) -> None:
    (notice.parent / "outside.toml").write_text(f'[{SECRET}]\nselect = ["NG"]\n', "utf-8")
    (notice / "noticegen.toml").symlink_to(notice.parent / "outside.toml")
    done = subprocess.run(
        [sys.executable, "-m", "noticegen", "lint", str(notice)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 2
    assert SECRET not in done.stdout + done.stderr


def test_a_supplement_named_with_a_line_break_cannot_forge_a_finding(notice: Path) -> None:
    forged = "a\nnotice.yaml:1:1: NG999 [error] forged.yaml"
    (notice / "supplements" / forged).write_text("supplement: {id: x}\n", encoding="utf-8")
    text, _ = lint_outputs(notice)
    assert not any(line.startswith("notice.yaml:1:1: NG999") for line in text.splitlines())
    found = findings_in(notice, "forged.yaml")
    assert [(f["rule"], f["line"]) for f in found] == [("NG009", 1)]
    assert str(found[0]["file"]).endswith(forged.replace("\n", "\\n"))


def test_a_supplements_folder_linked_outside_is_neither_listed_nor_read(notice: Path) -> None:
    outside = notice.parent / "elsewhere"
    outside.mkdir()
    (outside / f"{SECRET}.yaml").write_text(f"supplement: {{id: {SECRET}}}\n", "utf-8")
    shutil.rmtree(notice / "supplements")
    (notice / "supplements").symlink_to(outside)
    for output in lint_outputs(notice):
        assert SECRET not in output
    found = findings_in(notice, "supplements")
    assert [(f["rule"], f["line"]) for f in found] == [("NG009", 1)]
    assert "folder is a symbolic link" in str(found[0]["message"])
