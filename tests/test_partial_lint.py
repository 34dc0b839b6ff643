"""A missing or invalid value stops only the rules that read it (issue 13): the loader reports
it, the value is left out of a partial model, and every other rule runs on what remains."""

from __future__ import annotations

import io
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from noticegen.cli import main
from noticegen.lint.config import Config, find_config, load_config
from noticegen.lint.linting import lint
from noticegen.lint.rules import BY_CODE
from noticegen.model.findings import Finding
from noticegen.sources.loading import load

ROOT = Path(__file__).resolve().parent.parent
IMS = ROOT / "notice"
AS_PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"
LOADER_CODES = frozenset(code for code, rule in BY_CODE.items() if rule.reported_by_loader)


def copy_of(folder: Path, into: Path) -> Path:
    target = into / folder.name
    shutil.copytree(folder, target)
    return target


def replace_line(path: Path, old: str, new: str) -> int:
    """Replace the one line holding `old`; its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    [number] = [i for i, line in enumerate(lines) if old in line]
    lines[number] = lines[number].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return number + 1


def lint_folder(folder: Path) -> list[Finding]:
    loaded = load(folder)
    return lint(loaded, load_config(find_config(loaded.root)))


def by_rule(findings: list[Finding]) -> dict[str, set[tuple[int, str]]]:
    grouped: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for f in findings:
        grouped[f.rule].add((f.line, f.message))
    return grouped


def test_an_invalid_email_on_the_ims_notice_is_its_one_finding(tmp_path: Path) -> None:
    """The clean notice has no finding: with a broken email it has the loader's only, and no
    rule reports the email as missing."""
    folder = copy_of(IMS, tmp_path)
    line = replace_line(folder / "notice.yaml", "email: privacy@example.com", "email: not-an-email")
    findings = lint_folder(folder)
    assert [(f.rule, f.line) for f in findings] == [("NG004", line)]
    assert "controller.email" in findings[0].message
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "site")])
    assert result.exit_code == 1, result.output
    assert not (tmp_path / "site").exists()


def test_a_broken_field_stops_only_the_rules_that_read_it(tmp_path: Path) -> None:
    """On the notice as published (90 findings), an invalid `source` of one data category adds
    NG004 and removes only findings of NG321 and NG219, which read each category's source (they
    stop at the broken one); every other rule reports exactly what it reports on the intact
    notice."""
    clean = by_rule(lint_folder(AS_PUBLISHED))
    folder = copy_of(AS_PUBLISHED, tmp_path)
    line = replace_line(
        folder / "notice.yaml",
        "contact.email: {label: Email address, source: provided}",
        "contact.email: {label: Email address, source: telepathy}",
    )
    broken = by_rule(lint_folder(folder))
    assert {(n, m.split(":")[0]) for n, m in broken.pop("NG004")} == {
        (line, "`data.contact.email.source`")
    }
    changed = {code for code in clean.keys() | broken.keys() if clean[code] != broken[code]}
    assert changed == {"NG321", "NG219"}
    assert broken["NG321"] < clean["NG321"]
    assert broken["NG219"] < clean["NG219"]


def test_a_missing_required_section_lets_the_other_rules_run(tmp_path: Path) -> None:
    folder = copy_of(AS_PUBLISHED, tmp_path)
    text = (folder / "notice.yaml").read_text(encoding="utf-8")
    (folder / "notice.yaml").write_text(
        text.replace("controller:\n  name: IMS Consulting", "controlle:\n  name: IMS Consulting"),
        encoding="utf-8",
    )
    findings = lint_folder(folder)
    loader = sorted(f.rule for f in findings if f.rule in LOADER_CODES)
    assert loader == ["NG003", "NG005"]  # the unknown key, and `controller` missing
    assert len({f.rule for f in findings} - LOADER_CODES) > 30
    assert not [f for f in findings if f.message.startswith("Internal error")]


def test_a_broken_supplement_is_linted_with_its_values_left_out(tmp_path: Path) -> None:
    folder = copy_of(IMS, tmp_path)
    california = folder / "supplements" / "california.yaml"
    replace_line(california, "jurisdiction: ccpa", "jurisdiction: x")
    findings = lint_folder(folder)
    assert [(Path(f.file).name, f.rule) for f in findings] == [("california.yaml", "NG004")]


# -- every scalar of the IMS notice, corrupted one at a time --------------------------------

_rt = YAML()
_rt.width = 4096  # no line folded: the other lines keep their numbers


def scalar_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in scalar_paths(value, (*path, key))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in scalar_paths(value, (*path, i))]
    return [path]


IMS_TEXT = (IMS / "notice.yaml").read_text(encoding="utf-8")
SCALARS = scalar_paths(_rt.load(IMS_TEXT))


def corruption(kind: str) -> Any:
    """A value that no scalar field accepts, written in flow style on the scalar's line."""
    if kind == "list":
        value: Any = CommentedSeq([CommentedMap({"": []})])
    else:
        value = CommentedMap({"": CommentedSeq([1])})
    value.fa.set_flow_style()
    return value


def corrupted(path: tuple[Any, ...], kind: str) -> tuple[str, int]:
    """The notice's text with the scalar at `path` corrupted, and that scalar's line."""
    data = _rt.load(IMS_TEXT)
    parent_of(data, path)[path[-1]] = corruption(kind)
    out = io.StringIO()
    _rt.dump(data, out)
    parent, key = parent_of(_rt.load(out.getvalue()), path), path[-1]
    line = (parent.lc.item(key) if isinstance(parent, list) else parent.lc.value(key))[0] + 1
    return out.getvalue(), line


def parent_of(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def test_the_corrupted_scalars_cover_the_notice() -> None:
    assert len(SCALARS) > 300


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(path=st.sampled_from(SCALARS), kind=st.sampled_from(["list", "mapping"]))
def test_corrupting_any_scalar_gives_the_loader_finding_and_no_crash(
    path: tuple[Any, ...], kind: str
) -> None:
    text, line = corrupted(path, kind)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notice"
        shutil.copytree(IMS, folder)
        (folder / "notice.yaml").write_text(text, encoding="utf-8")
        loaded = load(folder)
        findings = lint(loaded, Config())
    assert loaded.notice is None and loaded.partial is not None
    loader = [(f.rule, f.line) for f in findings if f.rule in LOADER_CODES]
    assert any(number == line for _, number in loader), (path, loader)
    crashed = [f.message for f in findings if f.message.startswith("Internal error")]
    assert crashed == []
    # The intact notice is clean: any other finding would be about the value left out.
    others = [f"{f.rule} {f.line}: {f.message}" for f in findings if f.rule not in LOADER_CODES]
    assert others == [], path
