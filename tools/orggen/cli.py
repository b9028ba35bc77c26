"""Command lines of tools/generate-org and tools/generate-example."""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ensure_pillow(argv0: str) -> None:
    """Pillow lives in the project's venv: re-run there when the current python lacks it."""
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    venv = os.path.join(REPO, ".venv")
    venv_python = os.path.join(venv, "bin", "python")
    if os.path.exists(venv_python) and os.path.realpath(sys.prefix) != os.path.realpath(venv):
        os.execv(venv_python, [venv_python, argv0] + sys.argv[1:])
    sys.exit("Pillow is needed for photos: run with the project's venv (.venv/bin/python).")


def main_org(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="generate-org",
        description="Write a synthetic organisation of any size (profiles/, content/) into OUT, "
                    "deterministic for a seed. Counts scale with --people like the reference "
                    "organisation L (15,000 people); each can be overridden.")
    ap.add_argument("out", metavar="OUT", help="output folder (created; must be empty unless --force)")
    ap.add_argument("--people", type=int, required=True, help="number of people")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    for name, per in (("teams", "people/30, at least 3"), ("news", "4/3 per person"),
                      ("threads", "2/3 per person"), ("replies", "10/3 per person"),
                      ("updates", "2 per person"), ("kudos", "1/3 per person")):
        ap.add_argument(f"--{name}", type=int, default=None, help=f"number of {name} (default {per})")
    ap.add_argument("--photos", action="store_true", help="also draw avatar photos (slower)")
    ap.add_argument("--git", action="store_true", help="make OUT a git repository with a history")
    ap.add_argument("--commits", type=int, default=0,
                    help="with --git: number of commits (default 0: everything in one commit)")
    ap.add_argument("--force", action="store_true",
                    help="OUT may exist: its profiles/ and content/ folders are replaced")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.photos:
        ensure_pillow(sys.argv[0])
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        if not args.force:
            ap.error(f"{args.out} is not empty (use --force to replace its profiles/ and content/)")
        if args.git and os.path.exists(os.path.join(out, ".git")):
            ap.error(f"{args.out} already is a git repository")
        for sub in ("profiles", "content"):
            shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    os.makedirs(out, exist_ok=True)

    from . import synth
    t0 = time.perf_counter()
    org = synth.generate(out, args.people, args.seed, photos=args.photos, keep_events=args.git,
                         teams=args.teams, news=args.news, threads=args.threads, replies=args.replies,
                         updates=args.updates, kudos=args.kudos)
    t1 = time.perf_counter()
    n_commits = None
    if args.git:
        from .githistory import write_history
        n_commits = write_history(org, out, args.commits, args.seed)
    t2 = time.perf_counter()
    if not args.quiet:
        c = org.counts
        print(f"{len(org.files)} files in {out}: {c.people} people, {c.teams} teams, {c.news} news, "
              f"{c.threads} threads, {c.replies} replies, {c.updates} updates, {c.kudos} kudos "
              f"({t1 - t0:.1f} s)")
        if n_commits is not None:
            print(f"git: {n_commits} commits ({t2 - t1:.1f} s)")
    return 0


def main_example(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="generate-example",
        description="Write the example organisation (Gemeente Wetterveen) into profiles/ and content/. "
                    "Deterministic; files it wrote before and no longer writes are removed, "
                    "nothing else is touched.")
    ap.add_argument("--out", default=REPO, help="root to write into (default: this repository)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    ensure_pillow(sys.argv[0])
    from .example import write_example
    written, removed = write_example(os.path.abspath(args.out))
    if not args.quiet:
        print(f"wrote {len(written)} files into {args.out}" + (f", removed {len(removed)} old ones" if removed else ""))
    return 0
