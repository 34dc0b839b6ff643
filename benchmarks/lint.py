"""Time `noticegen lint` as a whole process, beside check-jsonschema and the import floor.

Run with `make bench` (or `.venv/bin/python benchmarks/lint.py [--runs N] [--profile]`).

Every timing is the median of N runs of a fresh process; the commands of one row are run
interleaved, so that a busy machine slows all of them alike. The notices are `notice/` and
notices generated from it (or from tests/rules/base/notice.yaml when notice/ is absent) by
adding data categories, purposes, recipients and retention rules that reference each other,
in the proportions of a large real notice: a purpose per 4 data categories (at most 500), a
recipient per 10 (at most 200).

check-jsonschema validates the main notice file against schema/notice.schema.json: structure
only, no references, no consistency, no profile rules. It is what a user might run instead.

With `--profile`, each rule is timed in-process on the two largest notices: a rule whose time
grows faster than the notice (time ratio well above the size ratio) is not linear.
"""

from __future__ import annotations

import argparse
import copy
import gc
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = (50, 200, 500, 2000)
FLOOR = [sys.executable, "-c", "import pydantic, ruamel.yaml, click"]


def base_notice() -> tuple[Path, dict[str, Any]]:
    """The notice the generated ones grow from: notice/ when present, else the rule-test base."""
    for candidate in (ROOT / "notice" / "notice.yaml", ROOT / "tests/rules/base/notice.yaml"):
        if candidate.is_file():
            return candidate, YAML(typ="safe", pure=True).load(candidate.read_text("utf-8"))
    raise SystemExit("no notice to grow from")


def _first(mapping: dict[str, Any], **wanted: Any) -> dict[str, Any]:
    """A copy of the first entry whose fields match `wanted` (else the first entry): generated
    entries take the shape of ones the base notice already has, so they are just as complete."""
    entries = list(mapping.values())
    for entry in entries:
        if all(entry.get(k) == v for k, v in wanted.items()):
            return copy.deepcopy(entry)
    return copy.deepcopy(entries[0])


def grow(base: dict[str, Any], categories: int) -> dict[str, Any]:
    """The base notice plus `categories` data categories and proportional purposes,
    recipients and retention rules, all valid and referencing each other."""
    notice = copy.deepcopy(base)
    # One language: catalogs for the generated text would only measure missing translations.
    notice["notice"]["languages"] = [notice["notice"].get("language", "en")]
    purposes = max(1, min(500, categories // 4))
    recipients = max(1, min(200, categories // 10))
    data_template = _first(notice["data"], special_category=False, sensitive=False)
    purpose_template = _first(notice["purposes"], legal_basis="contract")
    purpose_template.update(direct_marketing=False, profiling=False)
    for key in ("automated_decision", "special_category_condition", "legitimate_interest"):
        purpose_template.pop(key, None)
    recipient_template = _first(notice.get("recipients") or {"x": {}}, kind="processor")
    recipient_template.update(kind="processor", sale=False, sharing=False)
    retention_template = copy.deepcopy((notice.get("retention") or [{}])[0])

    data_ids = [f"bulk.g{i % 20}.c{i}" for i in range(categories)]
    purpose_ids = [f"bulk_purpose_{j}" for j in range(purposes)]
    for template in (data_template, purpose_template, recipient_template, retention_template):
        for key, value in template.items():
            if isinstance(value, str) and len(value) > 40:
                template[key] = "Text of the generated entry, as long as a short sentence."
    # Lists are copied, never shared: a shared list would be written as a YAML alias.
    for i, data_id in enumerate(data_ids):
        notice["data"][data_id] = dict(
            copy.deepcopy(data_template), label=f"Generated category {i}"
        )
    for j, purpose_id in enumerate(purpose_ids):
        used = data_ids[j::purposes]
        entry = dict(copy.deepcopy(purpose_template), label=f"Generated purpose {j}", data=used)
        notice["purposes"][purpose_id] = entry
        notice["retention"].append(
            dict(copy.deepcopy(retention_template), id=f"bulk_retention_{j}", data=list(used))
        )
    notice.setdefault("recipients", {})
    for k in range(recipients):
        served = purpose_ids[k::recipients]
        used = [d for j in range(k, purposes, recipients) for d in data_ids[j::purposes]]
        notice["recipients"][f"bulk_recipient_{k}"] = dict(
            copy.deepcopy(recipient_template),
            label=f"Generated provider {k}",
            data=used,
            purposes=served,
        )
    return notice


def as_written(value: Any) -> Any:
    """Generated entries laid out as people write them: block mappings, lists of ids on one line."""
    if isinstance(value, dict):
        return CommentedMap((k, as_written(v)) for k, v in value.items())
    if isinstance(value, list):
        items = CommentedSeq(as_written(v) for v in value)
        if all(isinstance(v, str) for v in value):
            items.fa.set_flow_style()
        return items
    return value


def write_notices(base_path: Path, base: dict[str, Any], out: Path) -> list[tuple[str, Path]]:
    """notice/ itself, then the generated notices: the base file as it is written (comments
    and layout kept), with the generated entries added to its sections."""
    rows: list[tuple[str, Path]] = []
    if base_path.parent.name == "notice":
        rows.append(("notice/", base_path.parent))
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    for size in SIZES:
        document = yaml.load(base_path.read_text("utf-8"))
        grown = grow(base, size)
        document["notice"]["languages"] = as_written(grown["notice"]["languages"])
        for section in ("data", "purposes", "recipients"):
            document.setdefault(section, CommentedMap())
            for key, value in grown[section].items():
                if key not in document[section]:
                    document[section][key] = as_written(value)
        known = {rule["id"] for rule in document.get("retention") or []}
        document.setdefault("retention", CommentedSeq())
        for rule in grown["retention"]:
            if rule["id"] not in known:
                document["retention"].append(as_written(rule))
        folder = out / f"generated-{size}"
        # the rest of the notice folder (supplements, catalogs) comes along unchanged
        shutil.copytree(base_path.parent, folder, ignore=shutil.ignore_patterns(base_path.name))
        with (folder / "notice.yaml").open("w", encoding="utf-8") as handle:
            yaml.dump(document, handle)
        rows.append((f"{size} data categories", folder))
    return rows


def schema_file(out: Path) -> Path:
    committed = ROOT / "schema" / "notice.schema.json"
    if committed.is_file():
        return committed
    subprocess.run([str(BIN / "noticegen"), "schema", "--out", str(out)], check=True)
    return out / "notice.schema.json"


def timed(command: Sequence[str]) -> tuple[float, float, int]:
    """Wall and CPU (user + system) seconds of one run, and its exit status."""
    before, start = os.times(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=ROOT)
    wall, after = time.perf_counter() - start, os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return wall, cpu, done.returncode


def measure(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float, int]]:
    """Median wall and CPU seconds and the last exit status of each command, run interleaved."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    codes: dict[str, int] = {}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu, codes[name] = timed(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: (statistics.median(walls[name]), statistics.median(cpus[name]), codes[name])
        for name in commands
    }


def count_entities(path: Path) -> tuple[int, int]:
    data = YAML(typ="safe", pure=True).load((path / "notice.yaml").read_text("utf-8"))
    entities = sum(len(data.get(k) or {}) for k in ("data", "purposes", "recipients", "retention"))
    return entities, (path / "notice.yaml").stat().st_size


def profile_rules(notices: list[tuple[str, Path]]) -> None:
    """Per-rule time (best of 3, garbage collection off) on the two largest notices, to spot
    a rule that is not linear."""
    from noticegen.lint.config import Config
    from noticegen.lint.linting import active_profiles, build_context, selected_rules
    from noticegen.sources.loading import load

    results = []
    for label, path in notices[-2:]:
        loaded = load(path)
        config = Config()
        active = active_profiles(loaded, config)
        ctx = build_context(loaded, config, active)
        if ctx is None:
            print(f"{label}: does not validate, cannot profile rules")
            return
        per_rule = {}
        gc.disable()  # a collection landing in one rule would read as that rule's cost
        for rule in selected_rules(config, active):
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                for _ in rule().check(ctx):
                    pass
                runs.append(time.perf_counter() - start)
            per_rule[rule.code] = min(runs)
        gc.enable()
        results.append((label, count_entities(path)[0], per_rule))
    (small_label, small_n, small), (large_label, large_n, large) = results
    size_ratio = large_n / small_n
    print(f"\nPer-rule time, {small_label} -> {large_label} (size x{size_ratio:.1f}):")
    print(f"{'rule':8} {'small ms':>9} {'large ms':>9} {'ratio':>7}")
    slowest = sorted(large, key=large.__getitem__, reverse=True)[:15]
    for code in slowest:
        ratio = large[code] / small[code] if small[code] > 0 else float("inf")
        flag = "  <- grows faster than the notice" if ratio > 2 * size_ratio else ""
        print(f"{code:8} {small[code] * 1000:9.1f} {large[code] * 1000:9.1f} {ratio:7.1f}{flag}")
    print(f"all rules: {sum(small.values()) * 1000:.0f} ms -> {sum(large.values()) * 1000:.0f} ms")
    measurable = [c for c in large if small[c] > 0.001]  # below 1 ms the ratio is noise
    steepest = max(measurable, key=lambda c: large[c] / small[c], default=None)
    if steepest:
        ratio = large[steepest] / small[steepest]
        print(f"fastest-growing rule over 1 ms: {steepest} x{ratio:.1f} (notice x{size_ratio:.1f})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--profile", action="store_true", help="time each rule in-process")
    args = parser.parse_args(argv)

    noticegen = str(BIN / "noticegen")
    check_jsonschema = shutil.which("check-jsonschema", path=str(BIN)) or shutil.which(
        "check-jsonschema"
    )
    with tempfile.TemporaryDirectory(prefix="noticegen-bench-") as tmp:
        out = Path(tmp)
        base_path, base = base_notice()
        notices = write_notices(base_path, base, out)
        schema = schema_file(out)
        floor, floor_cpu, _ = measure({"floor": FLOOR}, args.runs)["floor"]
        print(
            "import floor (python -c 'import pydantic, ruamel.yaml, click'): "
            f"{floor * 1000:.0f} ms wall, {floor_cpu * 1000:.0f} ms CPU"
        )
        if check_jsonschema is None:
            print("check-jsonschema is not installed: its columns are empty")
        header = (
            f"{'notice':22} {'entities':>8} {'KB':>5} {'exit':>4} {'lint ms':>8} {'cjs ms':>7} "
            f"{'ratio':>6} {'lint cpu':>8} {'cjs cpu':>7} {'ratio':>6} {'ms/entity':>9} "
            f"{'marginal':>8}"
        )
        print(header)
        print("-" * len(header))
        previous: tuple[int, float] | None = None
        for label, path in notices:
            commands = {"lint": [noticegen, "lint", str(path)]}
            if check_jsonschema:
                main_file = str(path / "notice.yaml")
                commands["cjs"] = [check_jsonschema, "--schemafile", str(schema), main_file]
            result = measure(commands, args.runs)
            lint_s, lint_cpu, lint_rc = result["lint"]
            cjs_s, cjs_cpu, _ = result.get("cjs", (math.nan, math.nan, 0))
            entities, size = count_entities(path)
            marginal = ""
            if label != "notice/":
                if previous is not None:
                    slope = (lint_cpu - previous[1]) / (entities - previous[0]) * 1000
                    marginal = f"{slope:.3f}"
                previous = (entities, lint_cpu)
            print(
                f"{label:22} {entities:8d} {size / 1024:5.0f} {lint_rc:4d} {lint_s * 1000:8.0f} "
                f"{cjs_s * 1000:7.0f} {lint_s / cjs_s:6.2f} {lint_cpu * 1000:8.0f} "
                f"{cjs_cpu * 1000:7.0f} {lint_cpu / cjs_cpu:6.2f} "
                f"{(lint_cpu - floor_cpu) * 1000 / entities:9.3f} {marginal:>8}"
            )
        print(
            "\nms: median wall time; cpu: median user + system CPU time of the process, which a "
            "busy machine inflates less.\nms/entity: lint CPU above the import floor per data "
            "category, purpose, recipient and retention rule;\nmarginal: extra CPU ms per extra "
            "entity from the previous generated size (flat when linear)."
        )
        if args.profile:
            profile_rules([n for n in notices if n[0] != "notice/"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
