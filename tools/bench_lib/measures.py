"""Each measurement with its baseline, run in the same invocation. Every function returns
rows: {what, size, plein, baseline, ratio, target, ok, note}."""
from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from . import orgs
from .runner import ENV, PLEIN, PYTHON, REPO, folder_bytes, free_port, run

BUILD_LINE = re.compile(r"^(?P<name>.+?)\s+(?P<pages>[\d,]+) pages\s+(?P<seconds>[\d.]+) s build\s+"
                        r"(?P<wall>[\d.]+) s wall\s+(?P<cpu>[\d.]+) s CPU\s+[\d.]+ pages/s\s+"
                        r"peak RSS\s+(?P<rss>\d+) MB", re.M)


def row(what, size, plein, baseline=None, target=None, ok=None, note="", ratio=None):
    if ratio is None and isinstance(plein, (int, float)) and isinstance(baseline, (int, float)) and baseline:
        ratio = plein / baseline
    return {"what": what, "size": size, "plein": plein, "baseline": baseline, "ratio": ratio,
            "target": target or "", "ok": ok, "note": note}


def material(people: int) -> list:
    """tools/bench-build at one size: Plein against plain Material with as many pages. Its
    organisations and sites live in tools/.bench/ whatever --cache says."""
    done = run([PYTHON, REPO / "tools" / "bench-build", "--people", str(people), "--no-example"])
    found = {m["name"].strip(): m for m in BUILD_LINE.finditer(done.out)}
    plein, base = found.get(f"plein, {people:,} people"), found.get("plain Material")
    if done.rc or not plein or not base:
        return [row("build: Plein vs plain Material (tools/bench-build)", f"{people:,} people", None,
                    note=f"bench-build failed: {done.err.strip()[-300:]}")]
    work = REPO / "tools" / ".bench"
    size = f"{people:,} people, {_pages(plein):,} pages"
    pp, pm = _pages(plein) / float(plein["seconds"]), _pages(base) / float(base["seconds"])
    cold = _pages(found["plein, cold cache"]) / float(found["plein, cold cache"]["seconds"])
    (bytes_p, pages_p), (bytes_m, pages_m) = (folder_bytes(work / f"plein-{people}" / "site"),
                                              folder_bytes(work / "material" / "site"))
    return [row("build: pages/s, vs plain Material", size, pp, pm, "ratio >= 1.0 (bench-build)", pp >= pm,
                "warm parse cache, search off"),
            row("build: pages/s, cold parse cache, vs plain Material", size, cold, pm),
            row("build: peak RSS MB, vs plain Material", size, float(plein["rss"]), float(base["rss"])),
            row("build: output bytes per page, vs plain Material", size, bytes_p / max(pages_p, 1),
                bytes_m / max(pages_m, 1))]


def _pages(m) -> int:
    return int(m["pages"].replace(",", ""))


def plein_builds(root: Path, work: Path, label: str, people: int | None) -> tuple[list, dict]:
    """`plein build` twice in a fresh folder, nothing changed in between (the second reuses the
    parse cache): the incremental row, and the first build as a point of the scaling curve."""
    config = orgs.write_config(root, work / "mkdocs.yml")
    shutil.rmtree(work / ".plein-cache", ignore_errors=True)
    site = work / "site"
    first, second = (run([PLEIN, "build", "-q", "-f", config, "-d", site]) for _ in range(2))
    for r in (first, second):
        if r.rc:
            raise SystemExit(f"plein build of {root} failed:\n{r.err[-3000:]}")
    total, pages = folder_bytes(site)
    point = {"label": label, "people": people, "pages": pages, "seconds": first.wall, "cpu": first.cpu,
             "rss_mb": first.rss_mb, "bytes": total, "per_page_ms": first.wall / max(pages, 1) * 1000}
    return [row("incremental: 2nd plein build, no change (s)", f"{label}, {pages:,} pages", second.wall,
                first.wall, "<= 1/3 of the 1st", second.wall <= first.wall / 3,
                f"CPU {second.cpu:.1f} vs {first.cpu:.1f} s; search on")], point


def serve_edit(root: Path, size: str, timeout: float = 900) -> list:
    """`plein serve`, a profile's role edited, the page polled until it shows the new role."""
    handle, role = orgs.first_profile(root)
    config = orgs.write_config(root, root / "mkdocs.yml")  # beside profiles/, which serve watches
    port = free_port()
    log = open(root.parent / f"serve-{root.name}.log", "w")
    proc = subprocess.Popen([str(PLEIN), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                            stdout=log, stderr=log, env=ENV)
    url = f"http://127.0.0.1:{port}/people/{handle}/"
    try:
        start = time.perf_counter()
        if not _poll(url, role, proc, timeout):
            return [row("serve: edit a profile, page shows it (s)", size, None, note="server did not come up")]
        first_build = time.perf_counter() - start
        times = []  # a first edit, and a second one while search still follows the first
        for n in (1, 2):
            new_role = f"Benchmark {n} {int(time.time())}"
            with orgs.edited_role(root, handle, new_role):
                start = time.perf_counter()
                seen = _poll(url, new_role, proc, timeout)
                times.append(time.perf_counter() - start)
            if not seen:
                break
        seconds = max(times)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        config.unlink(missing_ok=True)
    text = (root.parent / f"serve-{root.name}.log").read_text(errors="replace")
    others = [float(x) for x in re.findall(r"\d+ pages made again in ([\d.]+) s", text)]
    return [row("serve: edit a profile, page shows it (s)", size, seconds if seen else None, None, "<= 5 s",
                seen and seconds <= 5, f"first build {first_build:.0f} s; edits "
                + ", ".join(f"{t:.1f}" for t in times) + " s" + ("" if seen else "; never shown")
                + (f"; every page that shows it within {max(others):.1f} s more" if others else ""))]


def _poll(url: str, text: str, proc, timeout: float) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def validation(root: Path, size: str, target_full: float | None, target_hook: float | None) -> list:
    """`plein validate` without cache on one CPU (the baseline), cold and warm with the cache
    on all CPUs, and the pre-commit hook's run on one changed profile with and without cache."""
    cache = root / ".plein-cache"
    shutil.rmtree(cache, ignore_errors=True)
    (root / "mkdocs.yml").unlink(missing_ok=True)
    validate = [PLEIN, "validate", "--root", root]
    baseline = run(validate, one_cpu=True).check("validate")
    cache.mkdir()
    cold = run(validate).check("validate")
    warm = min((run(validate).check("validate") for _ in range(2)), key=lambda r: r.wall)
    same = baseline.out == cold.out == warm.out
    handle, _ = orgs.first_profile(root)
    rel = f"profiles/{handle}.yml"
    with orgs.edited_role(root, handle, "Benchmark role"):
        hook = min((run([PLEIN, "validate", rel], cwd=root) for _ in range(3)), key=lambda r: r.wall)
        with orgs.moved_aside(cache):
            full = run([PLEIN, "validate", rel], cwd=root)
    same_hook = hook.out == full.out and hook.rc == full.rc
    note = lambda r: f"CPU {r.cpu:.1f} s, peak RSS {r.rss_mb:.0f} MB"  # noqa: E731
    return [
        row("validate: no cache, 1 CPU (baseline) (s)", size, baseline.wall, note=note(baseline)),
        row("validate: cold cache, all CPUs vs baseline (s)", size, cold.wall, baseline.wall,
            f"<= {target_full} s" if target_full else "", cold.wall <= target_full if target_full else None,
            note(cold) + ("" if same else "; OUTPUT DIFFERS")),
        row("validate: warm cache vs baseline (s)", size, warm.wall, baseline.wall,
            f"<= {target_full} s" if target_full else "", warm.wall <= target_full if target_full else None,
            note(warm) + ("" if same else "; OUTPUT DIFFERS")),
        row("hook: validate 1 changed profile, cache vs none (s)", size, hook.wall, full.wall,
            f"<= {target_hook} s" if target_hook else "", hook.wall <= target_hook if target_hook else None,
            note(hook) + ("" if same_hook else "; OUTPUT DIFFERS")),
    ]


def gitlog(cache: Path, commits: int, quick: bool) -> list:
    args = [PYTHON, REPO / "tools" / "bench-gitlog", "--commits", str(commits), "--cache", cache / "gitlog"]
    done = run(args + (["--runs", "1", "--sample", "50"] if quick else []))
    if done.rc:
        return [row("git metadata: scan()", f"{commits:,} commits", None, note="bench-gitlog failed")]
    walls = re.findall(r"^\| (scan\(\)[^|]*|naive[^|]*) \| \d+ \| (\d+) \| ([\d.]+) s", done.out, re.M)
    if len(walls) < 2:
        return [row("git metadata: scan()", f"{commits:,} commits", None, note="no table in bench-gitlog output")]
    (_, files, scan), (_, _, naive) = walls[:2]
    return [row("git metadata: one git log vs git log per file (s)", f"{commits:,} commits, {files} files",
                float(scan), float(naive), "<= 15 s at 20,000 commits",
                float(scan) <= 15 if commits >= 20000 else None, "naive extrapolated from a sample")]


def search(cache: Path, people: int) -> tuple[list, str]:
    """tools/bench-search on an organisation of `people`, in its own folder of the cache."""
    tool = REPO / "tools" / "bench-search"
    if not tool.exists():
        return [row("search", "-", None, note="tools/bench-search not present yet")], ""
    helptext = run([PYTHON, tool, "--help"]).out
    args = [PYTHON, tool] + (["--people", str(people)] if "--people" in helptext else [])
    args += ["--work", cache / f"search-{people}"] if "--work" in helptext else []
    done = run(args)
    status = "its output is below the tables" if done.rc == 0 else f"failed (exit {done.rc}); output below"
    return [row("search (tools/bench-search)", f"{people:,} people", None, note=status)], \
        done.out + done.err[-2000:]
