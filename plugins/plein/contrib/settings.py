"""The plein plugin's options in mkdocs.yml, read the way MkDocs reads them.

mkdocs.yml may hold tags such as !ENV or !!python/name, so it is read with MkDocs' own
`load_config` and never with a plain YAML reader.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FatalError
from ..model.clock import local_now
from ..model.convert import Bad


@dataclass(frozen=True)
class Settings:
    forge: str = "gitlab"
    branch: str = "main"
    repo_url: str = ""
    communications: str = "@intranet/communicatie"
    moderators: str = "@intranet/moderators"
    cache_dir: str = ".plein-cache"  # relative to mkdocs.yml
    editor_modules: str = "node_modules"  # relative to mkdocs.yml
    editor: bool = True  # the web editor's forms at bewerken/
    hr: dict = field(default_factory=dict)  # `plein import`'s mapping (plein.hr.config)
    timezone: str = "Europe/Amsterdam"  # the zone of the dates in the files


def read(root: Path) -> Settings:
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Settings()
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # config warnings belong to `plein build`, not here
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as err:
        raise FatalError(f"{config_file}: cannot read the site configuration ({err}). "
                         "Fix mkdocs.yml first; `plein build` shows the details") from None
    finally:
        quiet.setLevel(level)
    plugin = config.plugins.get("plein")
    if plugin is None:
        return Settings(repo_url=config.repo_url or "")
    opts = plugin.config
    return Settings(forge=opts.forge, branch=opts.branch, repo_url=(config.repo_url or "").rstrip("/"),
                    communications=_group(opts.communications), moderators=_group(opts.moderators),
                    cache_dir=opts.cache_dir, editor_modules=opts.editor_modules, editor=opts.editor,
                    hr=dict(opts.hr), timezone=opts.timezone)


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
