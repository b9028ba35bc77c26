"""A build brings search up to date in a process of its own (search.follow.Beside), beside the
pages: what it writes is what the build's own process wrote before, and when it fails the
build fails, plainly and with no site published (fail closed). Real `plein build`s of a clone
of this repository."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from test_byte_stable import tree
from test_pipelines import REPO, git

PLEIN = REPO / ".venv" / "bin" / "plein"


def build(clone: Path, site: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLEIN_", "CI_"))}
    return subprocess.run([str(PLEIN), "build", "-q", "-d", site], cwd=clone, capture_output=True, text=True,
                          timeout=600, env={**env, "NO_MKDOCS_2_WARNING": "1"})


def test_a_failing_search_process_fails_the_build_and_publishes_nothing(tmp_path):
    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    first = build(clone, "site")
    assert first.returncode == 0, first.stderr[-3000:]
    before = tree(clone / "site")
    assert any(name.startswith("plein-search/") for name in before)  # the search process exported

    index = clone / ".plein-cache" / "search-nl"
    for path in sorted(index.iterdir()):
        path.unlink()
    index.rmdir()
    index.write_text("not an index\n")  # the search process cannot make its index here
    (clone / "profiles" / "ahmed-bouzid.yml").write_text(
        (clone / "profiles" / "ahmed-bouzid.yml").read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")

    failed = build(clone, "site")
    assert failed.returncode != 0
    assert "plein: search:" in failed.stderr and "Traceback" not in failed.stderr, failed.stderr[-3000:]
    assert tree(clone / "site") == before  # the site that was there stays as it was

    fresh = build(clone, "other-site")
    assert fresh.returncode != 0 and not (clone / "other-site").exists()  # never a half-built site


def test_with_other_threads_the_search_process_loads_the_files_itself_and_exports_the_same(tmp_path, monkeypatch):
    """`plein build` forks its search process, which starts with the loaded model. A build in a
    process that runs other threads (a hook's server, say) must not fork: a fresh interpreter
    loads the files again, and the export is the same, byte for byte."""
    import threading

    from plein.commands.build import build_site
    from plein.search import follow

    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    forked = build(clone, "site")
    assert forked.returncode == 0, forked.stderr[-3000:]
    exported = {k: v for k, v in tree(clone / "site").items() if k.startswith("plein-search/")}
    assert exported

    for name in [k for k in os.environ if k.startswith(("PLEIN_", "CI_"))]:
        monkeypatch.delenv(name)  # as `build` runs it
    methods: list[str] = []
    real = follow.multiprocessing.get_context
    monkeypatch.setattr(follow.multiprocessing, "get_context", lambda method: methods.append(method) or real(method))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        monkeypatch.chdir(clone)
        build_site(clone / "mkdocs.yml", site_dir=str(clone / "other-site"), quiet=True)
    finally:
        stop.set()
    assert methods == ["spawn"]
    again = {k: v for k, v in tree(clone / "other-site").items() if k.startswith("plein-search/")}
    assert again == exported


def test_a_build_that_fails_on_the_content_leaves_the_parse_cache_saved(tmp_path):
    """The forked search process saves the parse cache the build loaded (off the build's path).
    A build that then fails on the content must still leave it saved, whole, with the files
    as they are now: the next build (the author's fix) starts warm, not parsing 130,000 files
    at L."""
    from plein.model.parsecache import ParseCache
    from plein.model.scan import content_key

    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    first = build(clone, "site")
    assert first.returncode == 0, first.stderr[-3000:]

    path = clone / "profiles" / "ahmed-bouzid.yml"
    raw = path.read_bytes().replace(b"\nteam: ruimte\n", b"\nteam: geen-team-zo\n")
    path.write_bytes(raw)
    failed = build(clone, "site")
    assert failed.returncode != 0
    assert "profiles/ahmed-bouzid.yml" in failed.stderr and "Traceback" not in failed.stderr, failed.stderr[-3000:]

    cache_dir = clone / ".plein-cache"
    assert ParseCache(cache_dir).digest_of("profiles/ahmed-bouzid.yml") == content_key("profiles/ahmed-bouzid.yml", raw)
    assert not [p.name for p in cache_dir.iterdir() if p.name.startswith(".parsed-")]  # no half-saved file


def test_the_pages_are_made_while_the_search_process_makes_the_related_content(tmp_path, monkeypatch):
    """On a first build the search process indexes everything before it knows the related
    content of threads (two thirds of a first build at L, issue 29). The build makes every
    other page meanwhile: it waits for the related content only at the first thread page,
    and the thread pages still show it."""
    from mkdocs import utils

    from plein.commands.build import build_site
    from plein.search import follow

    clone = tmp_path / "intranet"
    git(tmp_path, "clone", "--quiet", str(REPO), str(clone))
    for name in [k for k in os.environ if k.startswith(("PLEIN_", "CI_"))]:
        monkeypatch.delenv(name)  # as `build` runs it
    events: list[str] = []
    real_related, real_write = follow.Beside.related, utils.write_file
    monkeypatch.setattr(follow.Beside, "related", lambda self: events.append("related") or real_related(self))
    monkeypatch.setattr(utils, "write_file", lambda data, path: events.append(path) or real_write(data, path))
    monkeypatch.chdir(clone)
    build_site(clone / "mkdocs.yml", site_dir=str(clone / "site"), quiet=True)

    waited = events.index("related")
    before, after = events[:waited], events[waited:]
    assert any("/people/" in p for p in before) and any("/news/" in p for p in before)
    threads = {p.name for p in (clone / "content" / "discussions").iterdir() if p.is_dir()}
    thread_pages = [p for p in events[:-1] if p.endswith("/index.html") and Path(p).parent.parent.name == "discussions"
                    and Path(p).parent.name in threads]
    assert len(thread_pages) == len(threads)
    assert not set(thread_pages) & set(before) and set(thread_pages) <= set(after)  # none before the wait
    assert sum("plein-related" in (clone / "site" / "discussions" / t / "index.html").read_text(encoding="utf-8")
               for t in threads) >= len(threads) - 1  # the related content is on the thread pages
