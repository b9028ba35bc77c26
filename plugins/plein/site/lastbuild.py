"""A build that would give the bytes the last one gave is not made again (issue 29: a scheduled
run that changes nothing finds that out in seconds).

The last successful `plein build` into a staging folder leaves a record beside it: a key of
everything the build reads, and the moment until which the clock changes nothing
(site/horizon.py). The next build compares before it starts; when both hold, the staging
folder already is the site, and only publishing it remains. The key is made without reading
the content: the Git commit of a clean work tree (a commit names its files and its history,
which the pages show), Plein's code, every installed package's version, mkdocs.yml as loaded,
the editor's npm packages and the environment variables the build reads. Anything it cannot
vouch for (no Git, changed or new files, content outside the repository) gives no key, and
the build runs as always. The record is removed before a build starts, so a build that fails
never leaves one behind."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime
from hashlib import blake2b
from importlib import metadata
from pathlib import Path

from .pagecache import code_digest, read_or_empty

RECORD = "last-build.json"
FORMAT = 1
# Environment variables the build reads (site.publish, model.siteconfig, ci/build.sh)
ENV_PREFIXES = ("PLEIN_", "CI_PAGES_URL", "SOURCE_DATE_EPOCH")


def key(config, plugin_config, root: Path, target: Path, strict) -> str | None:
    """What the build would read, as a digest; None if that cannot be told without reading it."""
    found = (_git(root, "rev-parse", "--show-toplevel", "HEAD") or "").splitlines()
    if len(found) != 2:
        return None
    top, head = Path(found[0]).resolve(), found[1]
    inputs = [root / "profiles", root / "content", Path(config.docs_dir),
              *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])]
    inputs = [p.resolve() for p in inputs if p.exists()]
    if not all(p.is_relative_to(top) for p in inputs):
        return None  # content Git does not name
    config_file = Path(config.config_file_path).resolve()
    own = [f":(exclude){config_file.relative_to(top).as_posix()}"] if config_file.is_relative_to(top) else []
    # a changed or new file anywhere (a hook, the theme's overrides), or an ignored one among the
    # content: the commit does not name it, so a build decides
    # (both at once: each walks the work tree, a second at L)
    for status in _gits(top, ["status", "--porcelain", "-z", "--untracked-files=all", "--", ".", *own],
                        ["status", "--porcelain", "-z", "--untracked-files=all", "--ignored=matching", "--",
                         *(p.relative_to(top).as_posix() for p in inputs)]):
        if status is None or status:
            return None
    digest = blake2b(digest_size=16)
    for part in (FORMAT, head, sys.version, str(target), strict, _config(config), _packages(),
                 sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIXES))):
        digest.update(json.dumps(part, default=str, sort_keys=True).encode() + b"\0")
    digest.update(code_digest())
    for path in (config_file, *_editor_packages(config, plugin_config)):
        digest.update(read_or_empty(path) + b"\0")
    return digest.hexdigest()


def unchanged(staging: Path, build_key: str | None, now: datetime) -> bool:
    """Whether the last build into `staging` had this key, and the clock changed nothing since."""
    if build_key is None:
        return False
    try:
        record = json.loads((staging.parent / f"{staging.name}.{RECORD}").read_text())
        return record["key"] == build_key and now < datetime.fromisoformat(record["until"]) \
            and staging.is_dir()
    except (OSError, ValueError, KeyError, TypeError):
        return False


def forget(staging: Path) -> None:
    (staging.parent / f"{staging.name}.{RECORD}").unlink(missing_ok=True)


def remember(staging: Path, build_key: str | None, until: datetime | None) -> None:
    if build_key is None or until is None:
        return
    path = staging.parent / f"{staging.name}.{RECORD}"
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"key": build_key, "until": until.isoformat()}))
    os.replace(tmp, path)


def _git(cwd: Path, *args) -> str | None:
    return _gits(cwd, list(args))[0]


def _gits(cwd: Path, *commands: list) -> list:
    """The output of each Git command, run side by side; None for one that failed."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # status writes no index
    running, out = [], []
    try:
        for args in commands:
            running.append(subprocess.Popen(["git", *args], cwd=cwd, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL, text=True, env=env))
        for process in running:
            stdout, _ = process.communicate(timeout=60)
            out.append(stdout.strip() if process.returncode == 0 else None)
    except (OSError, subprocess.SubprocessError):
        for process in running:
            process.kill()
            process.wait()
        return [None] * len(commands)
    return out


def _config(config) -> list:
    """mkdocs.yml as loaded (with its !ENV values and INHERIT): every setting, and each
    plugin's options (the plugins themselves have no stable form)."""
    out = [[name, _stable(value)] for name, value in sorted(config.items()) if name != "plugins"]
    out += [[name, _stable(dict(p.config))] for name, p in sorted(config.plugins.items())]
    return out


def _stable(value):
    """A value as JSON that is the same in every process: sets sorted (their order follows
    the hash seed), the theme with its folders and templates, anything else by its repr."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if hasattr(value, "static_templates"):  # mkdocs.theme.Theme
        return [value.name, list(map(str, value.dirs)), sorted(value.static_templates), _stable(dict(value))]
    if isinstance(value, Mapping):
        return sorted([str(k), _stable(v)] for k, v in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted((_stable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    return repr(value)


def _packages() -> list:
    return sorted({(d.metadata["Name"] or "", d.version) for d in metadata.distributions()})


def _editor_packages(config, plugin_config) -> list:
    """The npm packages the web editor copies (their package.json names the version)."""
    modules = Path(config.config_file_path).parent / getattr(plugin_config, "editor_modules", "node_modules")
    return [modules / "decap-cms" / "package.json", modules / "yaml" / "package.json"]
