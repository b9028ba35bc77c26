"""The link check after a build that changed a few pages (linkcheck.check_once): it reads only
those pages again, and still finds what a check of the whole site finds: a link into a page
that lost its anchor, a link to a file that is gone, and a broken link mended by a new file,
each on a page that itself did not change."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from plein.site import linkcheck


def _page(site: Path, rel: str, body: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head></head><body>{body}</body></html>", encoding="utf-8")
    stat = path.stat()  # a rewrite within the clock's tick still counts as a change
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def _reading(monkeypatch) -> list[str]:
    """The pages the check reads from now on, in order."""
    read: list[str] = []
    real = linkcheck._read
    monkeypatch.setattr(linkcheck, "_read", lambda chunk: read.extend(chunk[2]) or real(chunk))
    return read


def _checked(site: Path, passed: Path) -> list[str]:
    found = [f"{b.page} {b.link}: {b.why}" for b in linkcheck.check_once(site, "/", passed)]
    assert found == [f"{b.page} {b.link}: {b.why}" for b in linkcheck.check(site, "/")]
    return found


def test_unchanged_pages_are_judged_against_what_changed(tmp_path, monkeypatch):
    site, passed = tmp_path / "site", tmp_path / "cache" / "links-checked.txt"
    passed.parent.mkdir()
    _page(site, "a.html", '<a href="b.html#x">b</a> <a href="c/">c</a> <a href="#top" id="top">top</a>')
    _page(site, "b.html", '<h2 id="x">x</h2>')
    _page(site, "c/index.html", "c")
    assert _checked(site, passed) == []
    assert passed.is_file()

    read = _reading(monkeypatch)

    _page(site, "b.html", '<h2 id="y">y</h2>')  # a.html is not read again, and is wrong now
    assert _checked(site, passed)[0] == "a.html b.html#x: b.html has no anchor 'x'"
    assert read[:1] == ["b.html"] and not passed.exists()

    _page(site, "b.html", '<h2 id="x">x</h2>')
    os.remove(site / "c" / "index.html")
    os.rmdir(site / "c")
    read.clear()
    assert _checked(site, passed) == ["a.html c/: no such file in the site"]
    assert sorted(set(read[:2])) == ["a.html", "b.html"]  # a.html led into what is gone

    _page(site, "c/index.html", "c again")  # mends a.html, which did not change
    assert _checked(site, passed) == []
    assert passed.is_file()

    read.clear()  # nothing changed: nothing read, nothing broken, the stamp kept
    stamp = passed.stat().st_mtime_ns
    assert linkcheck.check_once(site, "/", passed) == [] and read == []
    _page(site, "b.html", '<h2 id="x">x</h2>')  # made again, the same bytes: known by them
    assert linkcheck.check_once(site, "/", passed) == [] and read == []
    assert passed.stat().st_mtime_ns == stamp


def test_a_site_restored_as_a_runner_restores_its_cache_is_not_read_again(tmp_path, monkeypatch):
    """A pipeline's build job gets .plein-cache from a zip: every file new (another inode and
    ctime), its time to the second. Pages with the same bytes are not read again."""
    site, passed = tmp_path / "site", tmp_path / "cache" / "links-checked.txt"
    passed.parent.mkdir()
    _page(site, "a.html", '<a href="b.html#x">b</a>')
    _page(site, "b.html", '<h2 id="x">x</h2>')
    _page(site, "c.html", "c")
    assert _checked(site, passed) == []
    restored = tmp_path / "restored"
    shutil.copytree(site, restored, copy_function=shutil.copyfile)
    for path in restored.rglob("*.html"):
        whole = path.stat().st_mtime_ns // 10**9 * 10**9
        os.utime(path, ns=(whole, whole))
    shutil.rmtree(site)
    restored.rename(site)

    read = _reading(monkeypatch)
    assert linkcheck.check_once(site, "/", passed) == [] and read == []
    _page(site, "b.html", '<h2 id="y">y</h2>')  # and a change after the restore is still found
    assert _checked(site, passed) == ["a.html b.html#x: b.html has no anchor 'x'"]
    assert read[:1] == ["b.html"]


def test_a_restored_page_is_known_by_its_size_and_second_unless_this_build_wrote_it(tmp_path, monkeypatch):
    """Make's rule: after a restore, a page of the same size and the same second as checked
    is not even hashed (49,000 pages at L); one written since the build began (`since`) is
    judged by its bytes, however close its time."""
    site, passed = tmp_path / "site", tmp_path / "cache" / "links-checked.txt"
    passed.parent.mkdir()
    _page(site, "a.html", '<a href="b.html#x">b</a>')
    _page(site, "b.html", '<h2 id="x">x</h2>')
    second = 1_900_000_000 * 10**9
    for path in site.glob("*.html"):
        os.utime(path, ns=(second + 500_000_000, second + 500_000_000))
    assert _checked(site, passed) == []
    restored = tmp_path / "restored"
    shutil.copytree(site, restored, copy_function=shutil.copyfile)
    for path in restored.glob("*.html"):
        os.utime(path, ns=(second, second))  # an archive keeps the second
    shutil.rmtree(site)
    restored.rename(site)

    hashed: list[str] = []
    real = linkcheck._sig
    monkeypatch.setattr(linkcheck, "_sig", lambda path: hashed.append(Path(path).name) or real(path))
    read = _reading(monkeypatch)
    later = second + 60 * 10**9
    assert linkcheck.check_once(site, "/", passed, since=later) == [] and read == [] and hashed == []

    # this build, begun within that second, writes b.html anew: same size, same second
    (site / "b.html").write_text((site / "b.html").read_text().replace('"x">x', '"y">y'))
    os.utime(site / "b.html", ns=(second + 700_000_000, second + 700_000_000))
    found = linkcheck.check_once(site, "/", passed, since=second + 200_000_000)
    assert [f"{b.page} {b.link}: {b.why}" for b in found] == ["a.html b.html#x: b.html has no anchor 'x'"]
    assert read == ["b.html"]


def test_the_record_numbers_the_paths_and_renumbers_when_its_table_outgrew_the_site():
    names = [f"old/{n}.html" for n in range(5000)] + ["b.html", "c/index.html"]
    kept = linkcheck._Seen((1, 2, 3, 4), b"", frozenset(), (5000, 5001), (), ())
    fresh = linkcheck._Seen((1, 2, 3, 4), b"", frozenset(), frozenset({"b.html", "d.html"}), (), ())
    record = linkcheck._Record({"a.html", "b.html", "c/index.html", "d.html", "e.html"},
                               {"a.html": kept, "e.html": fresh}, list(names)).numbered(5)
    assert len(record.table) == 3  # the 5,000 paths no page leads to are gone
    targets = {page: {record.table[i] for i in s.targets} for page, s in record.seen.items()}
    assert targets == {"a.html": {"b.html", "c/index.html"}, "e.html": {"b.html", "d.html"}}
    assert record.numbers({"d.html"}) == frozenset({record.table.index("d.html")})
