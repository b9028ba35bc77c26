"""Pages whose inputs come from another process (a thread's related content, made by the
search's process) are decided as MkDocs writes them (pagecache.PageCache.later): the build makes
the other pages meanwhile instead of waiting (issue 29). The decision must be the one made up
front would have been, and a build that fails before such a page is written must not leave
the record vouching for it."""
from __future__ import annotations

import os

from plein.site.pagecache import PageCache, PleinFile


class _Config:
    def __init__(self, tmp_path):
        self.site_dir = str(tmp_path / "site")


def _files(tmp_path):
    config = _Config(tmp_path)
    return config, [PleinFile(f"discussions/t{n}.md", str(tmp_path / "docs"), config.site_dir, True)
                    for n in range(3)]


def _write(files):
    for f in files:
        if f.is_modified():
            os.makedirs(os.path.dirname(f.abs_dest_path), exist_ok=True)
            with open(f.abs_dest_path, "w", encoding="utf-8") as fh:
                fh.write(f.src_uri)


def _build(tmp_path, config, files, inputs: dict, asked: list, fail_after=None):
    cache = PageCache(config.site_dir, tmp_path / "cache", b"key", persist=True)
    for f in files:
        cache.later(f, lambda f=f: asked.append(f.src_uri) or inputs[f.src_uri])
    assert all(f.is_modified() for f in files) and asked == []  # MkDocs reads pages: nothing asked yet
    cache.begin(files, dirty=True)
    for n, f in enumerate(files):
        if n == fail_after:
            return cache  # the build fails here: no commit
        _write([f])
    cache.commit(files)
    return cache


def test_a_later_page_is_decided_as_it_is_written_as_it_would_have_been_up_front(tmp_path):
    config, files = _files(tmp_path)
    inputs = {f.src_uri: ("related", f.src_uri) for f in files}
    asked: list = []
    _build(tmp_path, config, files, inputs, asked)
    assert asked == [f.src_uri for f in files]  # asked once each, when written

    config, files = _files(tmp_path)
    inputs["discussions/t1.md"] = ("related", "changed")
    asked = []
    cache = _build(tmp_path, config, files, inputs, asked)
    assert [f.changed for f in files] == [False, True, False]  # only the changed one is made again
    assert cache.made == 0 and cache.waiting == 3  # counted as waiting, not as made up front

    config, files = _files(tmp_path)
    asked = []
    _build(tmp_path, config, files, inputs, asked)
    assert [f.changed for f in files] == [False, False, False]


def test_a_build_failing_before_a_later_page_is_written_leaves_it_to_be_made_again(tmp_path):
    config, files = _files(tmp_path)
    inputs = {f.src_uri: ("related", f.src_uri) for f in files}
    _build(tmp_path, config, files, inputs, [])

    config, files = _files(tmp_path)
    inputs["discussions/t2.md"] = ("related", "changed")
    _build(tmp_path, config, files, inputs, [], fail_after=2)  # t2, changed, was not written

    config, files = _files(tmp_path)
    inputs["discussions/t2.md"] = ("related", "discussions/t2.md")  # back as its output on disk says
    _build(tmp_path, config, files, inputs, [])
    assert files[2].changed  # its output was not vouched for since the failed build began
    assert [f.changed for f in files] == [True, True, True]  # (nor were the others': made again, safely)


def test_a_build_that_is_not_dirty_records_its_later_pages_too(tmp_path):
    """`mkdocs build` without --dirty writes every page without asking whether it changed: the
    record must still hold their fingerprints, or the next dirty build makes them all again."""
    config, files = _files(tmp_path)
    inputs = {f.src_uri: ("related", f.src_uri) for f in files}
    cache = PageCache(config.site_dir, tmp_path / "cache", b"key", persist=True)
    for f in files:
        cache.later(f, lambda f=f: inputs[f.src_uri])
    cache.begin(files, dirty=False)
    for f in files:  # written, never asked
        os.makedirs(os.path.dirname(f.abs_dest_path), exist_ok=True)
        with open(f.abs_dest_path, "w", encoding="utf-8") as fh:
            fh.write(f.src_uri)
    cache.commit(files)

    config, files = _files(tmp_path)
    _build(tmp_path, config, files, inputs, [])
    assert [f.changed for f in files] == [False, False, False]
