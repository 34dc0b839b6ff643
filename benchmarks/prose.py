"""Precision and recall of the prose reader and of the contradiction rules on the annotated
set in tests/data/prose/, and how fast the reader reads.

Run with `make bench` (or `.venv/bin/python benchmarks/prose.py`).

statements.tsv: each text's company statements (action and mark: `+` fact, `-` negated fact,
`~` hedged), compared as sets with what the reader finds whose actor is the company or the
passive voice. A found statement in the set is a true positive, one not in it a false
positive, one of the set not found a false negative; a statement found with the right action
but the wrong mark counts as both.

contradictions.tsv: each text becomes the body of a section of notice.yaml, and the codes the
measured rules report are compared with the codes annotated.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.prose import Statement, company_pattern, read_text
from noticegen.sources.loading import load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "prose"
MEASURED = {
    "NG601",
    "NG651",
    "NG652",
    "NG653",
    "NG660",
    "NG661",
    "NG662",
    "NG663",
    "NG664",
    "NG665",
}


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _mark(statement: Statement) -> str:
    if not statement.is_fact:
        return "~"
    return "-" if statement.negated else "+"


def _company(source: str) -> re.Pattern[str] | None:
    if source == "own":
        return company_pattern("Example Ltd")
    controller = YAML(typ="safe").load(ROOT / "tests" / "corpus" / source / "notice.yaml")
    c = controller["controller"]
    return company_pattern(c.get("name"), c.get("legal_name"))


def _score(name: str, tp: int, fp: int, fn: int, n: int) -> None:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{name}: {n} texts, precision {precision:.2f} ({tp}/{tp + fp}), "
        f"recall {recall:.2f} ({tp}/{tp + fn})"
    )


def _miss(expected: str, found: set[str], text: str) -> str:
    return f"  expected {expected:<22} found {' '.join(sorted(found)) or '.':<22} {text[:70]}"


def statements() -> None:
    tp = fp = fn = 0
    actions_only = Counter[str]()
    companies: dict[str, re.Pattern[str] | None] = {}
    rows = _rows("statements.tsv")
    misses = []
    for source, expected_text, text in rows:
        company = companies.setdefault(source, _company(source))
        expected = set() if expected_text == "." else set(expected_text.split())
        found = {f"{s.action}{_mark(s)}" for s in read_text(text, company) if s.by_company}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
        actions_only["tp"] += len({f[:-1] for f in found} & {e[:-1] for e in expected})
        actions_only["found"] += len({f[:-1] for f in found})
        actions_only["expected"] += len({e[:-1] for e in expected})
        if found != expected:
            misses.append(_miss(expected_text, found, text))
    _score("statements (action and mark)", tp, fp, fn, len(rows))
    a = actions_only
    _score(
        "statements (action only)",
        a["tp"],
        a["found"] - a["tp"],
        a["expected"] - a["tp"],
        len(rows),
    )
    if "-v" in sys.argv:
        print("\n".join(misses))


def contradictions() -> None:
    yaml = YAML(typ="safe", pure=True)
    base = yaml.load(DATA / "notice.yaml")
    tp = fp = fn = 0
    rows = _rows("contradictions.tsv")
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for expected_text, text in rows:
            notice = dict(base, sections={"text": {"title": "Text", "body": text}})
            with (folder / "notice.yaml").open("w", encoding="utf-8") as handle:
                yaml.dump(notice, handle)
            findings = lint(load(folder), Config(), ())
            found = {f.rule for f in findings} & MEASURED
            expected = set() if expected_text == "." else set(expected_text.split())
            tp += len(found & expected)
            fp += len(found - expected)
            fn += len(expected - found)
            if found != expected:
                misses.append(_miss(expected_text, found, text))
    _score("contradiction rules", tp, fp, fn, len(rows))
    if "-v" in sys.argv:
        print("\n".join(misses))


def speed() -> None:
    texts = [row[2] for row in _rows("statements.tsv")]
    filler = "The notice explains your rights and how to reach us about them. " * 40
    corpus = (filler + " ".join(texts)) * 20
    start = time.perf_counter()
    read_text(corpus)
    elapsed = time.perf_counter() - start
    print(f"reader speed: {len(corpus) / elapsed / 1e6:.2f} MB/s ({len(corpus)} characters)")


if __name__ == "__main__":
    statements()
    contradictions()
    speed()
