"""One commit, built in two clones at different paths, publishes the same bytes (issue 29).

Both clones are of this repository's commit (the example intranet with its real git history),
one at tmp/a/intranet, the other deeper at tmp/b/elders/ergens/intranet, each with its own
cache. Each is built as the pipelines build the default branch: `sh ci/build.sh` (plein build
--strict with ci/mkdocs-publish.yml: git history, search, minified pages, precompressed copies
and the link check) for the published address. Then every file of the two site/ folders is
compared, byte for byte, and the first differing files are named with an excerpt.

What may differ by design is the clock's day, which scheduled news and the insights page
follow: when Amsterdam's date changes between the two builds, the first is built again."""
from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from incremental_helpers import excerpt
from test_pipelines import REPO, git, seed_venv

SITE_URL = "https://wetterveen.pages.example.org/intranet/"
SHOW = 8  # differing files named in the failure


def clone_at(path: Path) -> Path:
    """A clone of this repository's HEAD at `path`, ready for ci/build.sh as a CI job finds it:
    .venv (seeded: this project's libraries, the clone's own code) and node_modules."""
    path.parent.mkdir(parents=True)
    git(path.parent, "clone", "--quiet", str(REPO), str(path))
    seed_venv(path)
    (path / "node_modules").symlink_to(REPO / "node_modules")  # as `make node` leaves it
    return path


def pipeline_build(clone: Path) -> Path:
    """ci/build.sh as the default branch's build job runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_", "CI_", "SOURCE_DATE"))}
    env.update({"NO_MKDOCS_2_WARNING": "1", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main",
                "CI_PIPELINE_SOURCE": "push", "PLEIN_SITE_URL": SITE_URL})
    done = subprocess.run(["sh", "ci/build.sh"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"ci/build.sh in {clone} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
    return clone / "site"


def tree(site: Path) -> dict[str, bytes | str]:
    """Every entry under `site`: a file's bytes, a symlink's target, a folder as 'folder'."""
    out: dict = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_symlink():
            out[rel] = "symlink to " + os.readlink(path)
        elif path.is_dir():
            out[rel] = "folder"
        else:
            out[rel] = path.read_bytes()
    return out


def report(a: dict, b: dict, where: tuple[Path, Path]) -> str:
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    differ = [p for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    if not (only_a or only_b or differ):
        return ""
    out = [f"one commit built in {where[0]} and in {where[1]} gives other bytes:"]
    for paths, label in ((differ, "differ"), (only_a, f"only in {where[0]}"), (only_b, f"only in {where[1]}")):
        if paths:
            out.append(f"{len(paths)} files {label}: " + ", ".join(paths[:SHOW]) + (", ..." if len(paths) > SHOW else ""))
    for rel in differ[:2]:
        if isinstance(a[rel], bytes) and isinstance(b[rel], bytes):
            out += [f"--- {rel}", excerpt(a[rel], b[rel])]
    return "\n".join(out)


def amsterdam_day() -> str:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).strftime("%Y-%m-%d")


@pytest.mark.slow
def test_one_commit_in_two_clones_at_different_paths_gives_the_same_bytes(tmp_path):
    first = clone_at(tmp_path / "a" / "intranet")
    second = clone_at(tmp_path / "b" / "elders" / "ergens" / "intranet")
    assert git(first, "rev-parse", "HEAD") == git(second, "rev-parse", "HEAD")
    day = amsterdam_day()
    site_a = pipeline_build(first)
    site_b = pipeline_build(second)
    if amsterdam_day() != day:  # midnight passed: the day is the same for both builds
        site_a = pipeline_build(first)
    a, b = tree(site_a), tree(site_b)
    assert len(a) > 500 and "plein-search/stamp.json" in a and "sitemap.xml.gz" in a
    assert "index.html.gz" in a  # the pipeline's build: precompressed, minified, searched
    problems = report(a, b, (first, second))
    assert not problems, problems
    # and the bytes name no folder of the machine that built them
    for root in (first, second, tmp_path):
        needle = str(root).encode()
        assert not [rel for rel, data in a.items() if isinstance(data, bytes) and needle in data
                    and not rel.endswith(".gz")], root
