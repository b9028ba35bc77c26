"""plein build: a dirty mkdocs build into a staging folder in the cache, published on success.

The staging folder keeps the previous build, so only pages whose inputs changed are made
again (pagecache). Publishing copies the first build to a folder beside the site and swaps
it in; later builds copy only the files that differ. A pipeline's job publishes with links
(`--link`) or by moving the staging folder to the site folder (`--move`), which the next
build takes back. A content error (the plugin's
file:line report) becomes a plain FatalError message, and the site that was there before
stays untouched: a half-built site is never published."""
from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from hashlib import blake2b
from pathlib import Path

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from ..errors import FatalError
from ..git.repo import find_root
from ..model.clock import local_now
from ..model.convert import Bad
from ..site import lastbuild

GC_YOUNG = 50_000  # new objects before a collection (Python's default: 700)
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' notice about 2.0 is noise here


class _Collect(logging.Handler):
    """Keeps MkDocs' error messages for the FatalError; shows the rest on stderr."""

    def __init__(self, quiet: bool, serving: bool = False):
        super().__init__(logging.DEBUG)
        self.errors: list[str] = []
        self.quiet, self.serving = quiet, serving

    def emit(self, record):
        if record.levelno >= logging.ERROR and self.serving:  # the server goes on: say it now
            click.echo("ERROR: " + record.getMessage(), err=True)
        elif record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        elif record.levelno >= (logging.WARNING if self.quiet else logging.INFO):
            prefix = "" if record.levelno == logging.INFO else record.levelname + ": "
            click.echo(prefix + record.getMessage(), err=True)


@contextmanager
def mkdocs_errors(quiet: bool = False, serving: bool = False):
    """Run MkDocs with its log on stderr; turn its failures into one FatalError message.
    `serving`: errors are shown as they come, since the server goes on after them."""
    logger = logging.getLogger("mkdocs")
    handler, level, propagate = _Collect(quiet, serving), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield handler
    except (Abort, ConfigurationError, MkDocsException) as err:
        detail = "\n".join(handler.errors) or str(err)
        raise FatalError(f"the site was not built:\n{detail}") from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def config_path(config_file: str | None) -> Path:
    path = Path(config_file) if config_file else find_root() / "mkdocs.yml"
    if not path.is_file():
        raise FatalError(f"{path}: no such file. Run the command inside your intranet's clone, "
                         "or pass --config-file")
    return path.resolve()


def build_site(config_file: Path, site_dir: str | None = None, strict: bool | None = None,
               quiet: bool = False, link: bool = False, move: bool = False) -> Path:
    """Build into the staging folder and publish it to the site folder; returns the latter.
    When the last build had the same inputs and the clock changed nothing since
    (site/lastbuild.py), the staging folder is the site already: it is only published.
    `link`: a new site folder gets hard links to the staging folder's files, not copies (see
    `publish`). `move`: the staging folder itself becomes the site folder (see `take_back`)."""
    with mkdocs_errors(quiet):
        config = load_config(config_file=str(config_file))
        target = Path(site_dir or config.site_dir).resolve()
        staging = _staging(config_file, config, target)
        take_back(staging, target)
        known = _inputs(config, config_file, target, strict)
        if known is not None and lastbuild.unchanged(staging, *known):
            logging.getLogger("mkdocs").info(
                "nothing changed since the last build (the same commit, code and settings, and nothing "
                "scheduled has come due): its site is published as it was")
            _publish(staging, target, link, move)
            return target
        lastbuild.forget(staging)  # vouches for nothing until this build succeeded
        _unshare(staging, target)
        options = {"strict": strict} if strict is not None else {}
        config = load_config(config_file=str(config_file), site_dir=str(staging), **options)
        config.plugins.on_startup(command="build", dirty=True)
        try:
            mkdocs_build(config, dirty=True)
        finally:
            config.plugins.on_shutdown()
    _publish(staging, target, link, move)
    if known is not None:
        lastbuild.remember(staging, known[0], getattr(config.plugins.get("plein"), "until", None))
    return target


def _inputs(config, config_file: Path, target: Path, strict) -> tuple | None:
    """(the key of what this build reads, the site's now), or None when it cannot be told."""
    plein = config.plugins.get("plein")
    if plein is None:
        return None
    try:
        now = local_now(plein.config.timezone, plein.config.now)
    except Bad:
        return None  # the build reports it
    root = Path(plein.config.root or config_file.parent).resolve()
    return lastbuild.key(config, plein.config, root, target, strict), now


def _staging(config_file: Path, config, target: Path) -> Path:
    plein = config.plugins.get("plein")
    cache = config_file.parent / (plein.config.cache_dir if plein else ".plein-cache")
    name = blake2b(str(target).encode(), digest_size=8).hexdigest()
    staging = cache / "sites" / name
    staging.mkdir(parents=True, exist_ok=True)
    return staging


MOVED = "moved"  # beside the staging folder: the last build's site was moved to the site folder


def take_back(staging: Path, target: Path) -> None:
    """After a build published with `move` (a pipeline's job, ci/build.sh): the site folder is
    the staging folder, which the runner's cache kept as the site, so it is renamed back before
    the build, which then writes only what changed. Publishing renames it again. Linking or
    copying 91,000 files instead took 4-5 s of every build at L (issue 29). Without the site
    folder (a cache that did not keep it) the build starts from an empty staging folder, and
    the record of the last build no longer vouches for it; each page is made again since its
    file is missing (pagecache)."""
    marker = staging.parent / f"{staging.name}.{MOVED}"
    if not marker.exists():
        return
    if target.is_dir() and not target.is_symlink() and not any(staging.iterdir()):
        staging.rmdir()
        os.replace(target, staging)
    else:
        lastbuild.forget(staging)
    marker.unlink()


def _publish(staging: Path, target: Path, link: bool, move: bool) -> None:
    if not move:
        publish(staging, target, link)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        swap(staging, target)  # a site not taken back (another build's): replaced whole
    else:
        os.replace(staging, target)
    (staging.parent / f"{staging.name}.{MOVED}").touch()


def publish(staging: Path, target: Path, link: bool = False) -> None:
    """Make `target` equal to `staging`: the first time a full copy swapped in, later file
    by file (each copied beside its place and renamed), only where size or time differ.
    `link`: the full copy is made of hard links (a pipeline's build job, which starts without
    the site and ends after publishing it: the next build, which writes the staging folder's
    files in place, is another job's; at L a copy moves 692 MB, links take seconds)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_dir():
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            shutil.copytree(staging, fresh, dirs_exist_ok=True, copy_function=_link if link else shutil.copy2)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        swap(fresh, target)
        return
    have, want = _tree(str(target)), _tree(str(staging))
    for rel, stat in want.items():
        old = have.get(rel)
        if old is None or (old.st_size, old.st_mtime_ns) != (stat.st_size, stat.st_mtime_ns):
            _copy(staging / rel, target / rel)
    for rel in have.keys() - want.keys():
        (target / rel).unlink(missing_ok=True)
    for folder, _, names in sorted(os.walk(target), reverse=True):  # deepest first
        if folder != str(target) and not names and not os.listdir(folder):
            os.rmdir(folder)


def _unshare(staging: Path, target: Path) -> None:
    """A site published with links shares its files with the staging folder, whose pages the
    build writes in place: the site gets copies of its own first, so that a build that fails
    leaves it as it was. (Never in a pipeline, whose next build is a new job without a site.)"""
    if not target.is_dir():
        return
    for rel, stat in _tree(str(target)).items():
        if stat.st_nlink > 1 and (staging / rel).exists() and os.path.samefile(staging / rel, target / rel):
            _copy(staging / rel, target / rel)


def _link(src: str, dest: str) -> None:
    try:
        os.link(src, dest)
    except OSError:  # another file system, or one without links
        shutil.copy2(src, dest)


def _tree(top: str) -> dict:
    """{relative path: stat} of every file under `top`."""
    out, stack = {}, [("", top)]
    while stack:
        rel, path = stack.pop()
        with os.scandir(path) as entries:
            for e in entries:
                name = f"{rel}{e.name}"
                if e.is_dir(follow_symlinks=False):
                    stack.append((name + "/", e.path))
                else:
                    out[name] = e.stat(follow_symlinks=False)
    return out


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".plein-", dir=dest.parent)
    os.close(fd)
    try:
        shutil.copy2(src, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        os.unlink(tmp)
        raise


def swap(fresh: Path, target: Path) -> None:
    """Put `fresh` where `target` is with renames only; the old site is removed after."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a site is meant to be served
    if not target.exists():
        os.replace(fresh, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


@click.command("build")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the repository's).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Where to write the site (default: site_dir of mkdocs.yml).")
@click.option("-s", "--strict/--no-strict", default=None, help="Fail on warnings.")
@click.option("-q", "--quiet", is_flag=True, help="Show warnings and errors only.")
@click.option("--link", is_flag=True,
              help="A new site folder gets hard links to the cache's files instead of copies "
                   "(for a pipeline's job, which ends after the build).")
@click.option("--move", is_flag=True,
              help="The cache's copy becomes the site folder, and the next build takes it back "
                   "(for a pipeline that keeps the site folder in its cache; a failed build leaves "
                   "no site folder).")
def build(config_file, site_dir, strict, quiet, link, move):
    """Build the intranet site; an existing site is replaced only when the build succeeds."""
    if link and move:
        raise FatalError("--link and --move are two ways to publish: choose one")
    # A build keeps millions of objects alive (the model, the pages, the search index) and
    # Python's collector walked them all, again and again: a fifth of a merge's build at L
    # (issue 29). This process ends after one build: collect the young objects seldom and
    # the old ones not at all; its memory peak stays the same (tools/bench-publish).
    gc.set_threshold(GC_YOUNG, 20, 100)
    target = build_site(config_path(config_file), site_dir, strict, quiet, link, move)
    click.echo(f"built {target}", err=True)
    return 0
