"""Every corpus notice publishes once its errors are suppressed with reasons (issue 13).

On a copy of each notice in tests/corpus/, every error lint reports gets an inline suppression
(`# noticegen: ignore[CODE] reason`) on the line above it, with the reason expected.yaml gives:
under `expected` for a true error (what its publisher would have to fix or accept), under
`false_today` for a false one that the rule work is removing (listed there with why it is
false). `noticegen build` must then publish the notice: anything else that stops it is a fault
of the build, not of the notice.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from noticegen.cli import main
from noticegen.lint.config import find_config, load_config
from noticegen.lint.linting import lint
from noticegen.model.findings import Finding, blocking
from noticegen.sources.loading import load

CORPUS = Path(__file__).parent / "corpus"
NOTICES = sorted(folder.name for folder in CORPUS.iterdir() if (folder / "notice.yaml").is_file())

Key = tuple[str, str, int]
"""A finding's place in expected.yaml: file (relative to the notice folder), rule, line."""

_safe = YAML(typ="safe", pure=True)


def reasons(folder: Path) -> dict[Key, str]:
    """Why each judged finding is reported, by its key: true and false ones alike."""
    data = _safe.load((folder / "expected.yaml").read_text(encoding="utf-8"))
    judged: dict[Key, str] = {}
    for verdict, said in (("expected", "true"), ("false_today", "judged false")):
        for entry in data.get(verdict) or []:
            for line in entry["lines"]:
                key = (entry.get("file", "notice.yaml"), entry["rule"], line)
                judged[key] = f"{said}: {' '.join(entry['reason'].split())}"
    return judged


def errors(folder: Path) -> list[Finding]:
    loaded = load(folder)
    return blocking(lint(loaded, load_config(find_config(loaded.root))))


def suppress(folder: Path, findings: list[Finding], judged: dict[Key, str]) -> None:
    """Write a suppression above each line holding an error, naming its codes and reasons."""
    by_line: dict[tuple[Path, int], dict[str, str]] = defaultdict(dict)
    unjudged = []
    for f in findings:
        key = (Path(f.file).relative_to(folder).as_posix(), f.rule, f.line)
        if key not in judged:
            unjudged.append(f"{key}: {f.message}")
        by_line[Path(f.file), f.line][f.rule] = judged.get(key, "")
    assert unjudged == [], "errors expected.yaml does not judge:\n" + "\n".join(unjudged)
    for path in {path for path, _ in by_line}:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        for (_, number), codes in sorted(by_line.items(), reverse=True):
            if _ == path:
                target = lines[number - 1]
                indent = target[: len(target) - len(target.lstrip())]
                why = "; ".join(dict.fromkeys(codes.values()))
                lines.insert(number - 1, f"{indent}# noticegen: ignore[{', '.join(codes)}] {why}\n")
        suppressed = "".join(lines)
        # A comment line inside a block of text would become part of the text.
        assert _safe.load(suppressed) == _safe.load(text), f"{path}: a suppression changed data"
        path.write_text(suppressed, encoding="utf-8")


@pytest.mark.parametrize("name", NOTICES)
def test_the_notice_publishes_once_its_errors_are_suppressed_with_reasons(
    name: str, tmp_path: Path
) -> None:
    folder = tmp_path / name
    shutil.copytree(CORPUS / name, folder)
    suppress(folder, errors(folder), reasons(folder))
    assert errors(folder) == []
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(site)])
    assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages, f"no HTML page built for {name}"
    assert any(p.endswith("index.html") for p in pages), pages
