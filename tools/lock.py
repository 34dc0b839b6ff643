"""Keep requirements.lock in step with pyproject.toml.

`python tools/lock.py check` fails, naming the command that refreshes the locks, when the
dependency tables of pyproject.toml changed since they were written; `python tools/lock.py write UV`
writes them with uv (hashes, every platform and every Python the package supports).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements.lock"
RUNTIME_LOCK = ROOT / "requirements-runtime.lock"
LOCKS = {
    LOCK: "development, tests and CI: the package with its test extra",
    RUNTIME_LOCK: "the GitHub Action and the Pages workflow: the package alone",
}
MARK = "# pyproject-dependencies-sha256: "
REFRESH = "make lock"


def fingerprint() -> str:
    data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    project = data["project"]
    tables = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": data.get("build-system", {}).get("requires", []),
    }
    return hashlib.sha256(json.dumps(tables, sort_keys=True).encode()).hexdigest()


def recorded(lock: Path) -> str | None:
    if not lock.is_file():
        return None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.startswith(MARK):
            return line.removeprefix(MARK).strip()
    return None


def check() -> int:
    stale = [lock.name for lock in LOCKS if recorded(lock) != fingerprint()]
    if stale:
        print(
            f"{' and '.join(stale)} do(es) not match the dependencies in pyproject.toml:"
            f" run `{REFRESH}`",
            file=sys.stderr,
        )
        return 1
    return 0


def compile_lock(uv: str, target: Path, extras: list[str], uv_options: list[str]) -> int:
    build = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["build-system"]["requires"]
    with tempfile.TemporaryDirectory() as tmp:
        # The build backend is locked too: the package is installed without build isolation.
        build_in = Path(tmp) / "build-system.in"
        build_in.write_text("\n".join(build) + "\n", encoding="utf-8")
        out = Path(tmp) / "lock.txt"
        command = [
            uv, "pip", "compile", "--quiet", "--universal", "--generate-hashes",
            "--python-version", "3.11", "--no-header", *(f"--extra={e}" for e in extras),
            *uv_options, "pyproject.toml", str(build_in), "-o", str(out),
        ]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, check=False)
        if done.returncode:
            return done.returncode
        body = out.read_text(encoding="utf-8").replace(str(build_in), "build-system.requires")
    header = (
        f"# Locked dependencies ({LOCKS[target]}). Do not edit: run `{REFRESH}`.\n"
        f"{MARK}{fingerprint()}\n"
    )
    target.write_text(header + body, encoding="utf-8")
    return 0


def write(uv: str, *uv_options: str) -> int:
    """The runtime lock is resolved within the full one, so both pin the same versions."""
    return compile_lock(uv, LOCK, ["test"], list(uv_options)) or compile_lock(
        uv, RUNTIME_LOCK, [], ["--constraint", str(LOCK), *uv_options]
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["check"]:
        sys.exit(check())
    if len(sys.argv) >= 3 and sys.argv[1] == "write":
        sys.exit(write(*sys.argv[2:]))
    sys.exit("usage: lock.py check | lock.py write UV [UV-OPTION ...]")
