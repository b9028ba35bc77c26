"""A build whose inputs are those of the last one is not made again, until the clock makes
something due (issue 29: a scheduled run that changes nothing finds that out in seconds).

On a clone of this repository, built as the pipelines build it (`sh ci/build.sh`): a second
run says so and takes no build; so does a new job that finds only the cache (site/ gone); a
changed file, a new commit or a failed build in between each make it build again. And the
moment until which the clock changes nothing (site/horizon.py) is checked by building the
example as if at a time, just before that moment, and at it."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from test_byte_stable import SITE_URL, clone_at, report, tree
from test_pipelines import REPO, git

SKIPPED = "nothing changed since the last build"
BUILT = "Documentation built in"


def run_build(clone: Path) -> tuple[int, str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_", "CI_", "SOURCE_DATE"))}
    env.update({"NO_MKDOCS_2_WARNING": "1", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main",
                "CI_PIPELINE_SOURCE": "schedule", "PLEIN_SITE_URL": SITE_URL})
    start = time.monotonic()
    done = subprocess.run(["sh", "ci/build.sh"], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr, time.monotonic() - start


def built(clone: Path) -> tuple[str, float]:
    rc, out, took = run_build(clone)
    assert rc == 0, out[-3000:]
    return out, took


@pytest.mark.slow
def test_a_scheduled_run_with_nothing_changed_takes_no_build(tmp_path):
    clone = clone_at(tmp_path / "a" / "intranet")
    first, took_first = built(clone)
    assert BUILT in first and SKIPPED not in first
    site = tree(clone / "site")

    again, took_again = built(clone)  # the hourly schedule, nothing merged
    assert SKIPPED in again and BUILT not in again, again[-2000:]
    assert not report(site, tree(clone / "site"), (clone, clone))
    assert took_again < took_first

    # a new CI job: the cache restored with site/ in it, as the pipelines keep it (plein build
    # --move), each file a new one with its time
    for kept in (clone / "site", clone / ".plein-cache"):
        shutil.copytree(kept, kept.with_name(kept.name + ".restored"))
        shutil.rmtree(kept)
        kept.with_name(kept.name + ".restored").rename(kept)
    fresh, _ = built(clone)
    assert SKIPPED in fresh, fresh[-2000:]
    problems = report(site, tree(clone / "site"), (clone, clone))
    assert not problems, problems

    shutil.rmtree(clone / "site")  # a cache that did not keep site/: built whole, never empty
    whole, _ = built(clone)
    assert BUILT in whole and SKIPPED not in whole, whole[-2000:]
    problems = report(site, tree(clone / "site"), (clone, clone))
    assert not problems, problems

    profile = clone / "profiles" / "ahmed-bouzid.yml"
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited, _ = built(clone)  # a file the commit does not have: a build decides
    assert BUILT in edited and SKIPPED not in edited

    git(clone, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "an edit")
    merged, _ = built(clone)  # a new commit
    assert BUILT in merged and SKIPPED not in merged
    assert SKIPPED in built(clone)[0]

    # a build that fails vouches for nothing: after it, the same commit is built again
    profile.write_text("name: [unclosed\n", encoding="utf-8")
    rc, out, _ = run_build(clone)
    assert rc != 0, out[-2000:]
    git(clone, "checkout", "--", "profiles/ahmed-bouzid.yml")
    after, _ = built(clone)
    assert BUILT in after and SKIPPED not in after, after[-2000:]


def build_at(clone: Path, when: datetime, name: str) -> dict:
    """The example built as if at `when` (the plugin's option now), into a site of its own."""
    config = clone / f"mkdocs-{name}.yml"
    config.write_text(f"INHERIT: mkdocs.yml\nplugins:\n  plein:\n    now: '{when:%Y-%m-%d %H:%M}'\n",
                      encoding="utf-8")
    done = subprocess.run([str(REPO / ".venv" / "bin" / "plein"), "build", "-q", "-f", str(config),
                           "-d", str(clone / f"site-{name}")], cwd=clone, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    return tree(clone / f"site-{name}")


# (what is due, a time before it, the moment it is due): from the example's files
HORIZONS = [
    ("scheduled news appears", datetime(2030, 6, 1, 8, 0), datetime(2030, 6, 1, 9, 0)),
    ("a reply leaves the moderators' page", datetime(2026, 9, 11, 8, 0), datetime(2026, 9, 11, 9, 11)),
    ("the day turns", datetime(2027, 3, 3, 12, 0), datetime(2027, 3, 4, 0, 0)),
]


@pytest.mark.slow
@pytest.mark.parametrize("what,before,due", HORIZONS, ids=[h[0] for h in HORIZONS])
def test_the_site_stays_the_same_until_the_next_change(tmp_path, what, before, due):
    from plein.model.load import load
    from plein.site.horizon import next_change
    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    org, _ = load(clone)
    horizon = next_change(org, before)
    assert horizon == due, f"{what}: the next change after {before} is {horizon}, not {due}"
    at_start = build_at(clone, before, "before")
    just_before = build_at(clone, horizon - timedelta(minutes=1), "just-before")
    problems = report(at_start, just_before, (before, horizon - timedelta(minutes=1)))
    assert not problems, f"{what}: the site changed before {horizon}, the moment the build said:\n{problems}"
    if what != "the day turns":  # the day's stamp aside, what is due shows at its moment
        assert report(just_before, build_at(clone, horizon, "at"), (horizon - timedelta(minutes=1), horizon))
