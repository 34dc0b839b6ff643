"""`noticegen fmt`: canonical key order, comments kept, idempotent, `--check` for CI."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from noticegen.authoring.formatting import CANONICAL_ORDER, format_text
from noticegen.cli import main
from noticegen.model import Notice
from noticegen.sources.loading import load

ROOT = Path(__file__).resolve().parents[1]
NOTICE = ROOT / "notice"

SHUFFLED = """\
# Head comment, kept at the top.
controller:
  email: privacy@example.com  # end-of-line comment on email
  name: Example Ltd
notice:
  title: Privacy Notice  # the title
  # a comment line inside the mapping
  id: example
  effective: 2026-01-01
  version: "1.0.0"
  languages: [en]

# A comment before scope.
scope:
  applies_to: [The example.com website]
data:
  contact.email: {source: provided, label: 'Email address'}
  a.first: {label: First, source: provided}
purposes:
  account:
    description: |
      We create and run your account.
      Second line.
    label: Managing your account
    data: [contact.email, a.first]
    legal_basis: contract
retention:
  - period: P1Y
    after: account_closure
    data: [contact.email, a.first]
    id: account_data
"""


def fmt(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["fmt", *args])
    return result.exit_code, result.output


def comments(text: str) -> list[str]:
    return sorted(m.group(0).strip() for m in re.finditer(r"#.*", text))


def top_keys(text: str) -> list[str]:
    return list(YAML().load(text))


def test_canonical_order_lists_every_field_once() -> None:
    for model, order in CANONICAL_ORDER.items():
        assert sorted(order) == sorted(model.model_fields), model


@pytest.mark.skipif(not (NOTICE / "notice.yaml").exists(), reason="no notice/ yet")
def test_the_repository_notice_is_formatted(tmp_path: Path) -> None:
    copy = tmp_path / "notice"
    shutil.copytree(NOTICE, copy)
    assert fmt("--check", str(copy))[0] == 0
    assert fmt(str(copy))[0] == 0
    for original in NOTICE.rglob("*.yaml"):
        assert (copy / original.relative_to(NOTICE)).read_bytes() == original.read_bytes()


def test_reorders_into_model_order_and_keeps_every_comment(tmp_path: Path) -> None:
    path = tmp_path / "notice.yaml"
    path.write_text(SHUFFLED, encoding="utf-8")
    before = load(tmp_path).notice
    code, output = fmt("--check", str(tmp_path))
    assert code == 1 and "would reformat" in output
    assert path.read_text(encoding="utf-8") == SHUFFLED, "--check must not write"

    assert fmt(str(tmp_path))[0] == 0
    text = path.read_text(encoding="utf-8")
    assert comments(text) == comments(SHUFFLED)
    assert text.startswith("# Head comment")
    order = CANONICAL_ORDER[Notice]
    assert top_keys(text) == sorted(top_keys(SHUFFLED), key=order.index)
    assert list(YAML().load(text)["notice"]) == ["id", "title", "version", "effective", "languages"]
    assert list(YAML().load(text)["retention"][0]) == ["id", "data", "after", "period"]
    # ids keep the author's order; flow style, quotes and block scalars stay as written
    assert list(YAML().load(text)["data"]) == ["contact.email", "a.first"]
    assert "contact.email: {label: 'Email address', source: provided}" in text
    assert "description: |\n      We create and run your account.\n      Second line.\n" in text
    assert load(tmp_path).notice == before, "formatting must not change the meaning"
    assert fmt("--check", str(tmp_path))[0] == 0, "formatting must be idempotent"


def test_blank_line_and_comment_before_a_section_stay_before_it() -> None:
    assert "\n\n# A comment before scope.\nscope:\n" in format_text(SHUFFLED, Notice)


def test_supplements_are_formatted_against_their_model(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests" / "rules" / "base" / "notice.yaml", tmp_path / "notice.yaml")
    (tmp_path / "supplements").mkdir()
    supplement = tmp_path / "supplements" / "ca.yaml"
    supplement.write_text(
        "sections:\n  extra: {title: Extra, body: Text.}\n"
        "supplement: {title: California, id: ca, jurisdiction: ccpa, applies_to: Residents}\n",
        encoding="utf-8",
    )
    assert fmt(str(tmp_path))[0] == 0
    text = supplement.read_text(encoding="utf-8")
    assert text.startswith("supplement: {id: ca, title: California, jurisdiction: ccpa")


def test_keeps_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "notice.yaml"
    path.write_text(SHUFFLED, encoding="utf-8")
    path.chmod(0o644)
    assert fmt(str(tmp_path))[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("notice: [unclosed\n", "line"),
        ("a: 1\na: 2\n", "twice"),
        ("x: !!python/object/apply:os.system [ls]\n", "tag"),
    ],
)
def test_unreadable_files_are_usage_errors_and_untouched(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "notice.yaml"
    path.write_text(text, encoding="utf-8")
    code, output = fmt(str(tmp_path))
    assert code == 2 and message in output.lower()
    assert len(output.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == text


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    assert fmt(str(tmp_path / "nowhere"))[0] == 2
    assert fmt(str(tmp_path))[0] == 2  # a folder with no notice.yaml


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("notice:\n  languages: [en,  # the source\n    fr]\n", 2),
        ("notice:\n  id: x\n  jurisdictions: {a: 1, # first\n    b: 2}\n", 3),
    ],
)
def test_a_comment_inside_a_flow_collection_is_never_dropped(
    tmp_path: Path, text: str, line: int
) -> None:
    """ruamel.yaml drops a comment inside `[...]` or `{...}`: fmt refuses instead."""
    path = tmp_path / "notice.yaml"
    path.write_text(text, encoding="utf-8")
    code, output = fmt(str(tmp_path))
    assert code == 2 and f"line {line}: the comment" in output
    assert path.read_text(encoding="utf-8") == text


def test_a_hash_inside_quotes_or_a_block_is_text_not_a_comment(tmp_path: Path) -> None:
    text = 'notice:\n  title: "a # b"\n  id: x\nsections:\n  - |\n    # heading\n'
    path = tmp_path / "notice.yaml"
    path.write_text(text, encoding="utf-8")
    assert fmt(str(tmp_path))[0] == 0


def test_a_file_that_cannot_be_written_is_one_line_and_left_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a read-only folder) gave a traceback."""
    import errno
    import os

    path = tmp_path / "notice.yaml"
    path.write_text(SHUFFLED, encoding="utf-8")

    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("noticegen.authoring.formatting.atomic_write_text", full_disk)
    code, output = fmt(str(tmp_path))
    assert code == 2 and "No space left on device" in output
    assert len(output.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == SHUFFLED


def test_a_yaml_version_directive_it_cannot_read_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notice.yaml").write_text("%YAML 1.3\n---\nnotice: {}\n", encoding="utf-8")
    code, output = fmt(str(tmp_path))
    assert code == 2 and "%YAML 1.3" in output and "Traceback" not in output
