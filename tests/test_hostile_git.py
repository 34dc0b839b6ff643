"""A git tree from a stranger's pull request: `noticegen diff` and the review rules read it
without writing, reading or deleting anything outside their own temporary folder, refuse in
one line (exit 2) what no checkout would write, and never call such a tree "no change"."""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from gitrepo import AUTHOR, git
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from noticegen.cli import main
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules.review import _previous
from noticegen.lint.rules.review._previous import PreviousVersionOptions
from noticegen.sources import gitsource
from noticegen.sources.gitsource import MAX_BYTES
from noticegen.sources.loading import load

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_bytes()
SUPPLEMENT = b"""supplement:
  id: california
  title: Privacy Notice for California Residents
  jurisdiction: ccpa
  applies_to: Residents of California
"""
SECRET = "NG-SECRET-" + uuid.uuid4().hex


# --- trees made by hand: any name, any mode, as `git mktree` would not always allow ---------


@dataclass(frozen=True)
class Blob:
    content: bytes
    mode: str = "100644"


@dataclass(frozen=True)
class Link:
    target: bytes


@dataclass(frozen=True)
class Submodule:
    commit: str = "1" * 40


Tree = list[tuple[bytes, "Blob | Link | Submodule | Tree"]]


def _git_bytes(repo: Path, *args: str, data: bytes = b"") -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, input=data, capture_output=True, check=True,
        env={**os.environ, **AUTHOR},
    )  # fmt: skip
    return done.stdout.decode().strip()


def write_tree(repo: Path, tree: Tree) -> str:
    """The id of `tree` written as it is: names unchecked, in the order given."""
    records = []
    for name, item in tree:
        if isinstance(item, list):
            mode, oid = "40000", write_tree(repo, item)
        elif isinstance(item, Submodule):
            mode, oid = "160000", item.commit
        else:
            data = item.target if isinstance(item, Link) else item.content
            mode = "120000" if isinstance(item, Link) else item.mode
            oid = _git_bytes(repo, "hash-object", "-w", "--stdin", data=data)
        records.append(mode.encode() + b" " + name + b"\0" + bytes.fromhex(oid))
    return _git_bytes(
        repo, "hash-object", "-t", "tree", "-w", "--literally", "--stdin", data=b"".join(records)
    )


def base_notice() -> Tree:
    return [
        (b"notice.yaml", Blob(BASE)),
        (b"supplements", [(b"california.yaml", Blob(SUPPLEMENT))]),
    ]


def commit_notice(repo: Path, branch: str, notice: Tree) -> None:
    """`branch` at a commit on main whose notice/ folder is `notice`."""
    root = write_tree(repo, [(b"notice", notice)])
    commit = _git_bytes(repo, "commit-tree", root, "-p", "main", "-m", branch)
    git(repo, "branch", "-f", branch, commit)


@dataclass
class Scene:
    """A repository with notice/ on main, a folder noticegen must leave alone, and the only
    folder it may use for temporary files."""

    top: Path
    repo: Path
    sentinel: Path
    temp: Path

    def files(self) -> dict[str, tuple[int, int]]:
        """Every file and folder under the top but git's own objects and our temporary folder,
        with its size and modification time."""
        found = {}
        for path in self.top.rglob("*"):
            inside = path.relative_to(self.top)
            if inside.parts[:3] == ("repo", ".git", "objects") or path == self.temp:
                continue
            if inside.parts[:1] == (self.temp.name,):
                continue
            info = path.lstat()
            found[inside.as_posix()] = (info.st_size, info.st_mtime_ns)
        return found


def make_scene(top: Path) -> Scene:
    repo, sentinel, temp = top / "repo", top / "sentinel", top / "tmp"
    (repo / "notice" / "supplements").mkdir(parents=True)
    (repo / "notice" / "notice.yaml").write_bytes(BASE)
    (repo / "notice" / "supplements" / "california.yaml").write_bytes(SUPPLEMENT)
    sentinel.mkdir()
    (sentinel / "secret.yaml").write_text(
        SUPPLEMENT.decode().replace("Residents of California", SECRET), "utf-8"
    )
    (sentinel / "run.sh").write_text("#!/bin/sh\necho sentinel\n", "utf-8")
    (sentinel / "run.sh").chmod(0o755)
    temp.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return Scene(top, repo, sentinel, temp)


@pytest.fixture
def scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Scene]:
    made = make_scene(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(made.temp))
    monkeypatch.chdir(made.repo)
    yield made


def diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def assert_refused(code: int, output: str) -> None:
    assert code == 2, output
    assert output.startswith("noticegen: error: ") and output.count("\n") == 1, output
    assert "No change" not in output


# --- the reproductions --------------------------------------------------------------------


def test_a_tree_named_dot_dot_writes_nothing_outside_and_is_refused(scene: Scene) -> None:
    # The reproduction of issue 11: notice/../../<dirs>/pwned.txt aimed at an executable.
    pwned = [(b"run.sh", Blob(b"#!/bin/sh\necho pwned\n", "100755"))]
    escape: Tree = [(b"sentinel", pwned)]
    for _ in range(6):
        escape = [(b"..", escape)]
    commit_notice(scene.repo, "evil", [*base_notice(), *escape])
    before = scene.files()
    code, output = diff("main", "evil")
    assert_refused(code, output)
    assert "notice/.." in output
    assert scene.files() == before
    assert (scene.sentinel / "run.sh").read_text("utf-8") == "#!/bin/sh\necho sentinel\n"
    assert list(scene.temp.iterdir()) == []


def test_the_issue_reproduction_made_with_mktree(scene: Scene) -> None:
    repo = scene.repo
    blob = _git_bytes(repo, "hash-object", "-w", "--stdin", data=b"x\n")
    inner = _git_bytes(repo, "mktree", data=f"100644 blob {blob}\tpwned.txt\n".encode())
    up = _git_bytes(repo, "mktree", data=f"040000 tree {inner}\t..\n".encode())
    listing = git(repo, "ls-tree", "main:notice") + f"040000 tree {up}\t..\n"
    notice = _git_bytes(repo, "mktree", data=listing.encode())
    root = _git_bytes(repo, "mktree", data=f"040000 tree {notice}\tnotice\n".encode())
    git(
        repo, "branch", "-f", "evil", _git_bytes(repo, "commit-tree", root, "-p", "main", "-m", "e")
    )
    code, output = diff("main", "evil")
    assert_refused(code, output)
    assert not list(scene.top.rglob("pwned.txt"))
    assert list(scene.temp.iterdir()) == []


@pytest.mark.parametrize(
    ("notice", "said"),
    [
        ([(b"notice.yaml", Link(b"../../sentinel/secret.yaml"))], "symbolic link"),
        ([*base_notice()[:1], (b"supplements", Link(b"/etc"))], "symbolic link"),
        (
            [*base_notice()[:1], (b"supplements", [(b"x.yaml", Link(b"/etc/passwd"))])],
            "symbolic link",
        ),
        ([*base_notice()[:1], (b"supplements", [(b"x.yaml", Submodule())])], "submodule"),
        ([*base_notice(), (b"notice.yaml", Blob(b"notice: {}\n"))], "no checkout would write"),
        ([*base_notice(), (b"supplements/x.yaml", Blob(SUPPLEMENT))], "unsafe path"),
        ([*base_notice(), (b"\x1b[2J\n::error::pwned", Blob(b""))], "unsafe path"),
        ([*base_notice(), (b".", [(b"x.yaml", Blob(b""))])], "unsafe path"),
        ([*base_notice(), (b"a\\..\\..\\x", Blob(b""))], "unsafe path"),
        ([*base_notice(), ("\u202eevil".encode(), Blob(b""))], "unsafe path"),
        ([*base_notice(), (b"\xff.yaml", Blob(b""))], "not UTF-8"),
        ([(b"notice.yaml", Blob(b"#" * (MAX_BYTES + 1)))], "a notice file may be at most"),
    ],
    ids=["main-link", "folder-link", "supplement-link", "submodule", "twice", "slash",
         "control", "dot", "backslash", "bidi", "not-utf8", "too-large"],
)  # fmt: skip
def test_a_hostile_tree_is_refused_in_one_line(scene: Scene, notice: Tree, said: str) -> None:
    commit_notice(scene.repo, "evil", notice)
    before = scene.files()
    code, output = diff("main", "evil")
    assert_refused(code, output)
    assert said in output and SECRET not in output
    assert "\x1b" not in output and "\n::" not in output
    assert scene.files() == before and list(scene.temp.iterdir()) == []


def test_a_refusal_in_markdown_is_a_comment_that_nothing_can_break_out_of(
    scene: Scene,
) -> None:
    name = b"````\n</details>\n# pwned @everyone ``````"
    commit_notice(scene.repo, "evil", [*base_notice(), (name, Blob(b""))])
    result = CliRunner().invoke(main, ["diff", "main", "evil", "--format", "markdown"])
    assert result.exit_code == 2
    # Read as GitHub reads a comment (CommonMark): one heading, one paragraph, and the one-line
    # error as code, whole; no HTML, no second heading.
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    blocks = [t.type for t in tokens if t.nesting != -1 and t.type != "inline"]
    assert blocks == ["heading_open", "paragraph_open", "fence"], blocks
    error = result.stderr.removeprefix("noticegen: error: ")
    assert tokens[-1].content == error and error.count("\n") == 1 and "``````" in error


@pytest.mark.parametrize(
    ("cap", "said"), [("MAX_TREES", "more than 2 folders"), ("MAX_ENTRIES", "more than 2 entries")]
)
def test_a_tree_past_the_caps_is_refused(
    scene: Scene, monkeypatch: pytest.MonkeyPatch, cap: str, said: str
) -> None:
    monkeypatch.setattr(gitsource, cap, 2)
    folders: Tree = [(f"f{i}".encode(), [(b"x.txt", Blob(b"x"))]) for i in range(3)]
    commit_notice(scene.repo, "big", [*base_notice(), *folders])
    code, output = diff("main", "big")
    assert_refused(code, output)
    assert said in output


def test_a_notice_at_the_top_of_a_large_repository_is_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The rest of the repository is not the notice's: its folders are not listed.
    monkeypatch.setattr(gitsource, "MAX_TREES", 2)
    (tmp_path / "notice.yaml").write_bytes(BASE)
    for i in range(5):
        (tmp_path / f"src{i}").mkdir()
        (tmp_path / f"src{i}" / "module.py").write_text("VALUE = 1\n", "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    code, output = diff("HEAD", "--path", ".")
    assert code == 0 and "No change" in output, output


def test_the_review_rules_read_no_hostile_tree(scene: Scene) -> None:
    # The previous version at `base` is read from git: a hostile tree there is no previous
    # version, and nothing is written outside the temporary folder.
    escape: Tree = [(b"..", [(b"..", [(b"..", [(b"sentinel", [(b"new.txt", Blob(b"x"))])])])])]
    supplements: Tree = [(b"california.yaml", Blob(SUPPLEMENT)), *escape]
    # A notice that differs from the working one, so that the rules read it.
    changed = Blob(BASE.replace(b"P1Y", b"P3Y"))
    commit_notice(scene.repo, "evil", [(b"notice.yaml", changed), (b"supplements", supplements)])
    before = scene.files()
    _previous._from_git.cache_clear()
    options = {code: PreviousVersionOptions(base="evil") for code in ("NG801", "NG802", "NG803")}
    findings = lint(load(scene.repo / "notice"), Config(options=options))
    assert not [f for f in findings if f.rule in ("NG801", "NG802", "NG803")]
    assert scene.files() == before and list(scene.temp.iterdir()) == []


# --- property: whatever the tree holds ----------------------------------------------------

UNSAFE_NAMES = [b"..", b".", b"", b"/etc", b"x\ny", b"x\r", b"\x1b[31m", b"a\\b", b"\xff\xfe",
                "\u2028".encode(), "e\u202e".encode(), b"a/../../b"]  # fmt: skip
PLAIN_NAMES = st.sampled_from(
    [b"notice.yaml", b"supplements", b"locales", b"fr.po", b"x.yaml", b"run.sh", b"sentinel",
     b"::error::pwned", b"```", b"<details>"]
) | st.from_regex(rb"\A[a-z0-9_.-]{1,12}\Z").filter(lambda n: n not in (b".", b".."))  # fmt: skip
NAMES = st.sampled_from(UNSAFE_NAMES) | PLAIN_NAMES
ITEMS = st.one_of(
    st.builds(Blob, st.sampled_from([b"", b"x\n", SUPPLEMENT, b"\x00binary"]),
              st.sampled_from(["100644", "100755"])),
    st.builds(Link, st.sampled_from([b"../../sentinel/secret.yaml", b"/etc/passwd", b"..", b"."])),
    st.just(Submodule()),
)  # fmt: skip
# Where an entry goes: under the notice folder, its supplements or locales, then a path.
PLACES = st.sampled_from([(), (b"supplements",), (b"locales",)])
ENTRIES = st.lists(st.tuples(PLACES, st.lists(NAMES, min_size=1, max_size=5), ITEMS), max_size=4)


def _insert(tree: Tree, path: list[bytes], item: Blob | Link | Submodule) -> None:
    name, rest = path[0], path[1:]
    if not rest:
        tree.append((name, item))
        return
    for existing, child in tree:
        if existing == name and isinstance(child, list):
            _insert(child, rest, item)
            return
    child_tree: Tree = []
    tree.append((name, child_tree))
    _insert(child_tree, rest, item)


def _is_hostile(path: list[bytes], item: Blob | Link | Submodule) -> bool:
    """Whether the entry's path holds an unsafe name, or it is a link or submodule where the
    loader reads: notice.yaml, supplements/ or supplements/*.yaml."""
    if any(name in UNSAFE_NAMES for name in path):
        return True
    read = path in ([b"notice.yaml"], [b"supplements"]) or (
        len(path) == 2 and path[0] == b"supplements" and path[1].endswith(b".yaml")
    )
    return read and not isinstance(item, Blob)


@pytest.fixture(scope="module")
def shared_scene(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    return make_scene(tmp_path_factory.mktemp("hostile"))


def _targets_outside(temp: Path, path: list[bytes]) -> list[Path]:
    """Where a naive export of `path` from a notice folder in `temp` would write, step by
    step, where that is outside `temp`: the temporary folder itself is checked empty."""
    where = [*temp.parts, "noticegen-rev-x", "notice"]
    found = []
    for name in path:
        for step in name.decode("utf-8", "replace").split("/") if name else [""]:
            if step == "..":
                where = where[:-1] or where
            elif step == "" and name.startswith(b"/"):
                where = ["/"]
            elif step not in ("", ".") and "\0" not in step:
                where.append(step)
            target = Path(*where)
            if not target.is_relative_to(temp):
                found.append(target)
    return found


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=ENTRIES)
def test_no_tree_makes_noticegen_touch_anything_outside_its_folders(
    shared_scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    entries: list[tuple[tuple[bytes, ...], list[bytes], Blob | Link | Submodule]],
) -> None:
    scene = shared_scene
    monkeypatch.setattr(tempfile, "tempdir", str(scene.temp))
    monkeypatch.chdir(scene.repo)
    notice = base_notice()
    hostile = False
    targets: list[Path] = []
    for place, path, item in entries:
        _insert(notice, [*place, *path], item)
        hostile = hostile or _is_hostile([*place, *path], item)
        targets += _targets_outside(scene.temp, [*place, *path])
    commit_notice(scene.repo, "evil", notice)
    before = scene.files()
    existed = [target.exists() for target in targets]

    code, output = diff("main", "evil")
    _previous._from_git.cache_clear()
    options = {rule: PreviousVersionOptions(base="evil") for rule in ("NG801", "NG802", "NG803")}
    lint(load(scene.repo / "notice"), Config(options=options))

    assert scene.files() == before
    assert [target.exists() for target in targets] == existed
    assert list(scene.temp.iterdir()) == []
    assert SECRET not in output and "Traceback" not in output
    if hostile:
        assert_refused(code, output)
    else:
        assert code in (0, 2) and "\x1b" not in output


def test_a_previous_version_outside_the_notice_folder_is_not_read(tmp_path: Path) -> None:
    # `previous` may be set by a noticegen.toml that comes with a pull request, and the
    # changes NG802 finds are quoted in its message.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "notice.yaml").write_bytes(BASE.replace(b"P1Y", b"P3Y"))
    notice = tmp_path / "notice"
    notice.mkdir()
    (notice / "notice.yaml").write_bytes(BASE)
    options = {code: PreviousVersionOptions(previous="../elsewhere") for code in ("NG801", "NG802")}
    _previous._from_git.cache_clear()
    findings = lint(load(notice), Config(options=options))
    assert not [f for f in findings if f.rule in ("NG801", "NG802")]
