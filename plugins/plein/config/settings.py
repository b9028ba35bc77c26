"""The plein plugin's options in mkdocs.yml, read the way MkDocs reads them: the one reader.

mkdocs.yml may hold tags such as !ENV or !!python/name, so it is read with MkDocs' own
`load_config` and never with a plain YAML reader. `read(root)` reads the work tree's
mkdocs.yml; `read_file(path)` any copy of it (the publishing policy reads the target branch's).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FatalError
from ..model.clock import local_now
from ..model.convert import Bad

# the kinds of contribution that may go live without a moderator (the option `publish`)
PUBLISH_KINDS = ("reply", "question", "update", "kudos", "profile", "news", "helped")
PUBLISH_DEFAULT = ("reply", "question", "update", "kudos", "profile", "news", "helped")


@dataclass(frozen=True)
class Settings:
    forge: str = "gitlab"
    branch: str = "main"
    repo_url: str = ""
    language: str = "nl"
    communications: str = "@intranet/communicatie"
    moderators: str = "@intranet/moderators"
    cache_dir: str = ".plein-cache"  # relative to mkdocs.yml
    editor_modules: str = "node_modules"  # relative to mkdocs.yml
    editor: bool = True  # the web editor's forms at bewerken/
    hr: dict = field(default_factory=dict)  # `plein import`'s mapping (plein.hr.config)
    timezone: str = "Europe/Amsterdam"  # the zone of the dates in the files
    now: str | None = None  # build as if at this time
    docs_dir: str | None = None  # absolute, as MkDocs gives it
    site_url: str = ""  # as written in mkdocs.yml ($PLEIN_SITE_URL is the site part's business)
    config_dir: Path | None = None  # the folder of mkdocs.yml
    publish: tuple[str, ...] = PUBLISH_DEFAULT  # kinds that go live without a moderator
    communications_usernames: tuple[str, ...] = ()  # forge usernames whose news goes live
    topic_synonyms: dict = field(default_factory=dict)  # more spellings of one topic (model/topics.py)
    publish_per_hour: int = 10  # one person's own contributions within an hour that go live at once


def read(root: Path) -> Settings:
    """The options of `root`/mkdocs.yml, or the defaults when there is none."""
    config_file = Path(root) / "mkdocs.yml"
    if not config_file.is_file():
        return Settings(config_dir=Path(root))
    return read_file(config_file)


def read_file(config_file: Path, **overrides) -> Settings:
    """The options of this mkdocs.yml; `overrides` as MkDocs' load_config takes them (the
    publishing policy reads a copy of the target's file, beside an empty docs_dir)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # config warnings belong to `plein build`, not here
    try:
        config = load_config(str(config_file), **overrides)
    except (ConfigurationError, OSError) as err:
        raise FatalError(f"{config_file}: cannot read the site configuration ({err}). "
                         "Fix mkdocs.yml first; `plein build` shows the details") from None
    finally:
        quiet.setLevel(level)  # a later build in this process must still count its warnings
    common = dict(repo_url=(config.repo_url or "").rstrip("/"), docs_dir=config.docs_dir,
                  site_url=config.site_url or "", config_dir=Path(config_file).parent)
    plugin = config.plugins.get("plein")
    if plugin is None:
        return Settings(**common)
    opts = plugin.config
    return Settings(forge=opts.forge, branch=opts.branch, language=opts.language,
                    communications=_group(opts.communications), moderators=_group(opts.moderators),
                    cache_dir=opts.cache_dir, editor_modules=opts.editor_modules, editor=opts.editor,
                    hr=dict(opts.hr), timezone=opts.timezone, now=opts.now,
                    publish=tuple(opts.publish),
                    communications_usernames=tuple(opts.communications_usernames),
                    topic_synonyms=dict(opts.topic_synonyms),
                    publish_per_hour=opts.publish_per_hour,
                    **common)


def _group(name: str) -> str:
    name = name.strip()
    return name if name.startswith("@") else f"@{name}"


def now(settings: Settings):
    """The wall-clock time in the site's time zone, which is how the files give dates: a
    laptop or a runner on UTC would otherwise stamp a reply an hour or two early."""
    try:
        return local_now(settings.timezone)
    except Bad as bad:
        raise FatalError(f"mkdocs.yml: timezone: {bad.message}. Fix: {bad.hint}") from None
