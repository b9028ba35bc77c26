"""The publishing policy (issue 28): every case under tests/cases/policy/ through the pure
function `plein.policy.decide`, and the cases marked `git: true` also end to end: a real
repository in a temporary folder, the change committed on a branch (symbolic links and
submodules as Git stores them), and `plein review --format json` run as a subprocess.

A case is YAML:
  about     what it shows (and the trap of ../shared/open-publishing.md it covers, if any)
  user      the forge username of who made the change (null: none given)
  options   publish (kinds), communications (usernames), language (default en), review_above,
            refuse_above; in a git case they are written to the target's mkdocs.yml
  change    add: {path: text}   edit: {path: text | {replace: [old, new] or a list of pairs}}
            delete: [path]      rename: {old: new | {to: new, replace: …}}
            modes: {path: '120000' | '160000' | '100755'} for added paths;
            chmod: {path: mode} changes only the mode of a target file;
            many: {count: N, pattern: 'path with {n}', text: …}
            Texts: '<png>', '<jpeg>', '<gif>' make an image; '<bytes N>' N bytes.
  target    more files on the target branch ({path: text}) and mkdocs (git cases: extra YAML
            under plugins: plein:)
  expect    decision; reasons (substrings that some reason holds); no_reasons; files {path: verdict}
  git       true: also end to end; env: variables for the subprocess; commit_as: [name, e-mail]
            of the commit (a forged author)
The target branch is tests/cases/policy/target/ (a small organisation) plus `target`.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from PIL import Image

from conftest import git
from plein.config.settings import PUBLISH_DEFAULT
from plein.policy import ChangeSet, FileChange, PolicyOptions, TargetState, decide

CASES = Path(__file__).parent / "cases" / "policy"
TARGET = CASES / "target"
PLEIN = str(Path(sys.executable).with_name("plein"))


def _cases() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.yml"))


def load(name: str) -> dict:
    return yaml.safe_load((CASES / f"{name}.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _target_files() -> tuple:
    return tuple(sorted((p.relative_to(TARGET).as_posix(), p.read_bytes())
                        for p in TARGET.rglob("*") if p.is_file()))


def target_files(case: dict) -> dict[str, bytes]:
    files = dict(_target_files())
    files.update({path: data(text) for path, text in (case.get("target") or {}).items() if path != "mkdocs"})
    files["mkdocs.yml"] = mkdocs(case).encode("utf-8")
    return files


def image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (90, 140, 60)).save(out, format=fmt)
    return out.getvalue()


def data(text) -> bytes:
    if isinstance(text, bytes):
        return text
    special = {"<png>": "PNG", "<jpeg>": "JPEG", "<gif>": "GIF"}
    if text in special:
        return image(special[text])
    if isinstance(text, str) and text.startswith("<bytes "):
        return b"x" * int(text[len("<bytes "):-1])
    return str(text).encode("utf-8")


def edited(old: bytes, how) -> bytes:
    if isinstance(how, str):
        return data(how)
    text = old.decode("utf-8")
    pairs = how.get("replace", [])
    for a, b in ([pairs] if pairs and isinstance(pairs[0], str) else pairs):
        assert a in text, f"case edit: {a!r} is not in the target file"
        text = text.replace(a, b)
    return (text + how.get("append", "")).encode("utf-8")


def options_of(case: dict) -> PolicyOptions:
    o = case.get("options") or {}
    return PolicyOptions(publish=frozenset(o.get("publish", PUBLISH_DEFAULT)),
                         communications=frozenset(u.casefold() for u in o.get("communications", ())),
                         language=o.get("language", "en"), review_above=o.get("review_above", 100),
                         refuse_above=o.get("refuse_above", 3000))


def change_of(case: dict, base: dict[str, bytes]) -> ChangeSet:
    spec, files = case.get("change") or {}, []
    modes = spec.get("modes") or {}
    for path, text in (spec.get("add") or {}).items():
        mode = str(modes.get(path, "100644"))
        files.append(FileChange(path, "added", None, mode, None, None if mode == "160000" else data(text)))
    for path, how in (spec.get("edit") or {}).items():
        files.append(FileChange(path, "changed", "100644", "100644", base[path], edited(base[path], how)))
    for path, mode in (spec.get("chmod") or {}).items():
        files.append(FileChange(path, "changed", "100644", str(mode), base[path], base[path]))
    for path in spec.get("delete") or ():
        files.append(FileChange(path, "deleted", "100644", None, base[path], None))
    for old, to in (spec.get("rename") or {}).items():
        new_path, how = (to, None) if isinstance(to, str) else (to["to"], to)
        new = edited(base[old], how) if how else base[old]
        files.append(FileChange(new_path, "renamed", "100644", "100644", base[old], new, old_path=old))
    many = spec.get("many")
    if many:
        for n in range(many["count"]):
            files.append(FileChange(many["pattern"].format(n=n + 1), "added", None, "100644", None,
                                    data(many.get("text", "x\n").replace("{n}", str(n + 1)))))
    return ChangeSet(tuple(files))


def check(case: dict, result: dict) -> None:
    expect = case["expect"]
    context = json.dumps(result, indent=1, ensure_ascii=False)
    assert result["decision"] == expect["decision"], context
    reasons = "\n".join(result["reasons"])
    for text in expect.get("reasons", ()):
        assert text in reasons, f"{text!r} not in the reasons:\n{context}"
    for text in expect.get("no_reasons", ()):
        assert text not in reasons, f"{text!r} in the reasons:\n{context}"
    assert all(f["code"] and f["reason"] for f in result["files"]), context  # every file says why
    verdicts = {f["path"]: f["verdict"] for f in result["files"]}
    for path, verdict in (expect.get("files") or {}).items():
        assert verdicts.get(path) == verdict, f"{path}: {verdicts.get(path)}, expected {verdict}\n{context}"


@lru_cache(maxsize=None)
def _target_state(extra: str, options: PolicyOptions) -> TargetState:
    return TargetState.from_files(target_files(json.loads(extra)), options)


@pytest.mark.parametrize("name", _cases())
def test_policy_case(name):
    case = load(name)
    options = options_of(case)
    target = _target_state(json.dumps({"target": case.get("target") or {}}), options)
    change = change_of(case, target_files(case))
    decision = decide(change, target, case.get("user"), options)
    result = decision.to_json()
    assert set(result) >= {"decision", "reasons", "files"}
    assert result["reasons"], "every decision gives its reasons"
    check(case, result)


def test_there_are_enough_cases():
    """Issue 28: at least 40 data cases."""
    assert len(_cases()) >= 40


# --- end to end: a real repository, a branch, and `plein review --format json` -------------------

def mkdocs(case: dict) -> str:
    o = case.get("options") or {}
    lines = ["site_name: Test intranet", "docs_dir: content", "plugins:", "  - plein:",
             f"      language: {o.get('language', 'en')}"]
    if "publish" in o:
        lines.append(f"      publish: {json.dumps(o['publish'])}")
    if o.get("communications"):
        lines.append(f"      communications_usernames: {json.dumps(o['communications'])}")
    extra = (case.get("target") or {}).get("mkdocs")
    return "\n".join(lines) + "\n" + (extra or "")


def write(root: Path, path: str, raw: bytes) -> None:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(raw)


def make_repo(tmp_path: Path, case: dict) -> Path:
    root = tmp_path / "intranet"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    for path, raw in target_files(case).items():
        write(root, path, raw)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "Target")
    return root


def apply_in_git(root: Path, case: dict) -> str:
    """Commit the case's change on a branch as a person would; return the commit."""
    spec, base = case.get("change") or {}, target_files(case)
    git(root, "switch", "-q", "-c", "change")
    modes, gitlinks = spec.get("modes") or {}, []
    for path, text in (spec.get("add") or {}).items():
        mode = str(modes.get(path, "100644"))
        if mode == "120000":
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            os.symlink(text, root / path)
        elif mode == "160000":  # a submodule: a gitlink entry, as `git submodule add` makes
            gitlinks.append(path)
        else:
            write(root, path, data(text))
            if mode == "100755":
                (root / path).chmod(0o755)
    for path, how in (spec.get("edit") or {}).items():
        write(root, path, edited(base[path], how))
    for path, mode in (spec.get("chmod") or {}).items():
        (root / path).chmod(0o755 if str(mode) == "100755" else 0o644)
    for path in spec.get("delete") or ():
        git(root, "rm", "-q", "--", path)
    for old, to in (spec.get("rename") or {}).items():
        new_path, how = (to, None) if isinstance(to, str) else (to["to"], to)
        (root / new_path).parent.mkdir(parents=True, exist_ok=True)
        git(root, "mv", "--", old, new_path)
        if how:
            write(root, new_path, edited(base[old], how))
    many = spec.get("many")
    if many:
        for n in range(many["count"]):
            write(root, many["pattern"].format(n=n + 1), data(many.get("text", "x\n").replace("{n}", str(n + 1))))
    git(root, "add", "-A")
    for path in gitlinks:
        sha = git(root, "rev-parse", "HEAD").strip()
        git(root, "update-index", "--add", "--cacheinfo", f"160000,{sha},{path}")
    who = case.get("commit_as") or ["Plein Test", "test@plein.example"]
    git(root, "-c", f"user.name={who[0]}", "-c", f"user.email={who[1]}", "commit", "-q", "--no-verify",
        "-m", "Change")
    return git(root, "rev-parse", "HEAD").strip()


def review_json(root: Path, user: str | None, env: dict | None = None, *more: str) -> tuple[int, dict]:
    clean = {k: v for k, v in os.environ.items() if k not in ("GITLAB_USER_LOGIN", "GITHUB_ACTOR")}
    args = [PLEIN, "review", "--base", "main", "--root", str(root), "--format", "json", *more]
    if user:
        args += ["--pusher", user]
    done = subprocess.run(args, capture_output=True, text=True, env={**clean, **(env or {})}, timeout=120)
    assert not done.stderr.strip() or done.returncode, done.stderr
    assert done.stdout.strip(), done.stderr
    return done.returncode, json.loads(done.stdout)


@pytest.mark.parametrize("name", [n for n in _cases() if load(n).get("git")])
def test_policy_case_end_to_end(name, tmp_path):
    case = load(name)
    root = make_repo(tmp_path, case)
    head = apply_in_git(root, case)
    rc, result = review_json(root, case.get("user"), case.get("env"))
    assert rc == 0
    check(case, result)
    assert result["head"] == head  # the decision names the commit it read: the merge pins it


def test_strict_exits_1_on_refuse_and_the_change_is_never_run(tmp_path):
    """A hostile change: a pipeline file and a hook that would leave a mark if anything ran it,
    and a reply in someone else's name. The decision is read as data only."""
    case = load("12-reply-in-someone-elses-name-is-refused")
    root = make_repo(tmp_path, case)
    (root / "plugins").mkdir()
    (root / "plugins" / "__init__.py").write_text(f"open({str(tmp_path / 'ran')!r}, 'w')\n")
    (root / "mkdocs.yml").write_text(mkdocs(case) + "hooks: [plugins/__init__.py]\n")
    apply_in_git(root, case)
    rc, result = review_json(root, case["user"], None, "--strict")
    assert rc == 1 and result["decision"] == "refuse"
    assert not (tmp_path / "ran").exists()
    rc, result = review_json(root, case["user"], None)
    assert rc == 0  # without --strict the report is information


def test_the_pipelines_username_is_a_default_for_information(tmp_path):
    """In an MR pipeline GITLAB_USER_LOGIN (which the MR's YAML can set) is only the default of
    --pusher, and the JSON says where the username came from; --pusher wins."""
    case = load("01-own-reply-publishes")
    root = make_repo(tmp_path, case)
    apply_in_git(root, case)
    _, result = review_json(root, None, {"GITLAB_USER_LOGIN": "jdevries"})
    assert (result["decision"], result["username"], result["username_from"]) == \
        ("publish", "jdevries", "GITLAB_USER_LOGIN")
    _, result = review_json(root, "felamrani", {"GITHUB_ACTOR": "jdevries"})
    assert (result["decision"], result["username"], result["username_from"]) == ("refuse", "felamrani", "option")
    _, result = review_json(root, None)
    assert (result["decision"], result["username"], result["username_from"]) == ("review", None, "")


def test_unreadable_target_settings_send_everything_to_review(tmp_path):
    case = load("01-own-reply-publishes")
    root = make_repo(tmp_path, case)
    (root / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\nINHERIT: missing.yml\n")
    git(root, "commit", "-q", "-am", "broken settings")
    apply_in_git(root, case)
    rc, result = review_json(root, case["user"])
    assert result["decision"] == "review", result
    assert any("het publicatiebeleid op de doelbranch is niet te lezen" in r for r in result["reasons"]), result
