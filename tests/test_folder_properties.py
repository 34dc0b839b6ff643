"""Property test: whatever a pull request puts in a notice folder (links to outside or inside,
`..`, absolute targets, loops, pipes, folders, names with control characters and newlines),
lint never reads a file outside the folder and never crashes.

A secret file and a secret folder sit beside the notice folder; their text is written so that
each reader would echo it if it read it (a YAML value, a PO keyword, a TOML table). The secret
must never appear in lint's output, in any format.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from noticegen.lint.config import ConfigError, find_config, load_config
from noticegen.lint.linting import lint
from noticegen.lint.reporters import REPORTERS
from noticegen.sources.loading import NoticeNotFound, load

BASE_NOTICE = Path(__file__).parent / "rules" / "base" / "notice.yaml"
SECRET = "NG-PROPERTY-SECRET-7130"
# What each reader would echo if it read the file: an invalid id, an unknown PO keyword, an
# unknown configuration table.
SECRETS = {
    "secret.yaml": f"supplement: {{id: {SECRET}, title: {SECRET}}}\nnotice: {{id: {SECRET}}}\n",
    "secret.po": f"{SECRET} {SECRET}\n",
    "secret.toml": f'[{SECRET}]\nselect = ["{SECRET}"]\n',
}
SUPPLEMENT = "supplement:\n  id: x\n  title: X\n  jurisdiction: ccpa\n  applies_to: Everyone\n"

# Where an entry goes, by the names lint reads, and anywhere under any name a file system takes
# (no `/`, no NUL, no surrogates; newlines and controls included).
READ_PLACES = st.sampled_from(
    [
        ("locales", "fr.po"),
        ("locales", "de.po"),
        ("supplements", "eu.yaml"),
        ("supplements", "new.yaml"),
        (".", "notice.yaml"),
        (".", "noticegen.toml"),
        (".", "locales"),
        (".", "supplements"),
    ]
)
ODD_NAMES = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="/\x00"),
    min_size=1,
    max_size=30,
).filter(lambda name: name not in (".", "..") and len(name.encode()) < 200)
ODD_PLACES = st.tuples(
    st.sampled_from(["supplements", "locales", "."]),
    ODD_NAMES | ODD_NAMES.map(lambda name: name + ".yaml"),
)

# Link targets, relative to the entry unless absolute; {out} is the secrets' folder.
SECRET_TARGETS = st.sampled_from(
    [
        *(f"{{out}}/{name}" for name in SECRETS),
        *(f"../../outside/{name}" for name in SECRETS),
        *(f"../outside/{name}" for name in SECRETS),
        "{out}/dir",
        "../outside/dir",
        "../../outside/dir",
    ]
)
OTHER_TARGETS = st.sampled_from(
    [
        "..",
        ".",
        "../..",
        "/",
        "/proc/self/environ",
        "/dev/zero",
        "/etc/passwd",
        "../notice.yaml",
        "../supplements",
        "../supplements/eu.yaml",
        "notice.yaml",
        "missing.yaml",
        "loop.yaml",
    ]
)
ENTRY = st.tuples(
    READ_PLACES | ODD_PLACES,
    st.sampled_from(["link", "link", "link", "fifo", "folder", "supplement", "garbage"]),
    SECRET_TARGETS | OTHER_TARGETS | ODD_NAMES,
)


Entry = tuple[tuple[str, str], str, str]


def build(root: Path, entries: list[Entry], outside: Path) -> None:
    for (place, name), kind, target in entries:
        folder = root / place
        if folder.is_symlink() or not folder.is_dir():
            continue  # a place an earlier entry made a link or a file: leave it
        path = folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        try:
            if kind == "link":
                path.symlink_to(target.replace("{out}", str(outside)))
            elif kind == "fifo":
                os.mkfifo(path)
            elif kind == "folder":
                path.mkdir()
            elif kind == "supplement":
                path.write_text(SUPPLEMENT, encoding="utf-8")
            else:
                path.write_bytes(target.encode("utf-8", "surrogatepass") * 3)
        except OSError as error:  # a name the file system refuses (too long, say)
            event(f"not created: {error.strerror}")


def lint_outputs(root: Path) -> str:
    try:
        loaded = load(root)
        config = load_config(find_config(loaded.root))
    except (NoticeNotFound, ConfigError) as error:
        event("usage error")
        return str(error)
    findings = lint(loaded, config)
    crashed = [f for f in findings if f.message.startswith("Internal error")]
    assert not crashed, crashed[0].message
    event("validated" if loaded.notice is not None else "refused by the loader")
    return "".join(REPORTERS[fmt](findings) for fmt in ("text", "json", "sarif", "github"))


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ENTRY, min_size=1, max_size=6))
def test_lint_reads_nothing_outside_the_notice_folder(entries: list[Entry]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outside = Path(tmp) / "outside"
        (outside / "dir").mkdir(parents=True)
        for name, text in SECRETS.items():
            (outside / name).write_text(text, encoding="utf-8")
        for name in ("fr.po", "de.po", "eu.yaml", "new.yaml", "notice.yaml", "noticegen.toml"):
            text = SECRETS["secret" + Path(name).suffix]
            (outside / "dir" / name).write_text(text, encoding="utf-8")
        root = Path(tmp) / "repo" / "notice"
        (root / "supplements").mkdir(parents=True)
        (root / "locales").mkdir()
        notice = BASE_NOTICE.read_text(encoding="utf-8")
        (root / "notice.yaml").write_text(
            notice.replace("languages: [en]", "languages: [en, fr, de]"), encoding="utf-8"
        )
        (root / "supplements" / "eu.yaml").write_text(SUPPLEMENT, encoding="utf-8")
        build(root, entries, outside)
        output = lint_outputs(root)
        assert SECRET not in output
        assert "root:x:0:0" not in output
