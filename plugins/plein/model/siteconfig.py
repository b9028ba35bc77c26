"""What `plein validate` reads of mkdocs.yml: the site's name, where it is published, docs_dir.

It is read with MkDocs' own YAML reader (mkdocs.utils.yaml: !ENV, INHERIT), not with
load_config, which loads every plugin and the theme: that took twice as long as validating
the example. The build reads the same file with load_config (config/settings.py)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .problems import Problems
from .recordlinks import SiteView

CONFIG = "mkdocs.yml"
# names that are not an organisation's: MkDocs' default, a template's, and the example's own
# (the bundled example intranet of the fictional Gemeente Wetterveen, which a site starts from)
PLACEHOLDERS = {"my docs", "site name", "site_name", "todo", "gemeente wetterveen intranet"}
# the address the pipelines build for, in the order ci/build.sh takes them
URL_VARIABLES = ("PLEIN_SITE_URL", "PLEIN_PUBLISHED_URL", "CI_PAGES_URL")


@dataclass(frozen=True)
class SiteConfig:
    site_name: str | None
    site_name_line: int
    site_url: str
    docs_dir: Path


def read(root: Path) -> SiteConfig | None:
    """mkdocs.yml of `root`, or None when there is none or it cannot be read (the build says why)."""
    path = Path(root) / CONFIG
    if not path.is_file():
        return None
    from mkdocs.utils.yaml import yaml_load
    try:
        with open(path, "rb") as f:
            data = yaml_load(f)
    except Exception:  # noqa: BLE001 - a broken mkdocs.yml is `plein build`'s to report
        return None
    if not isinstance(data, dict):
        return None
    name = data.get("site_name")
    url = data.get("site_url")
    docs = data.get("docs_dir") if isinstance(data.get("docs_dir"), str) else "docs"
    return SiteConfig(name if isinstance(name, str) else None, _line(path, "site_name"),
                      url if isinstance(url, str) else "", (Path(root) / docs).resolve())


def _line(path: Path, key: str) -> int:
    pattern = re.compile(rf"^{key}\s*:")
    for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if pattern.match(line):
            return i
    return 1


def site_view(config: SiteConfig | None) -> SiteView:
    """The published site as the pipelines check its links: the path of the address they build
    for (PLEIN_SITE_URL, else the live site's), else of site_url in mkdocs.yml."""
    url = next((os.environ[v].strip() for v in URL_VARIABLES if os.environ.get(v, "").strip()),
               config.site_url if config else "")
    path = "/".join(p for p in urlsplit(url or "/").path.split("/") if p)
    return SiteView("/" + path + "/" if path else "/", config.docs_dir if config else None)


def check_site_name(config: SiteConfig | None, problems: Problems) -> None:
    """A missing site_name (MkDocs refuses to build: an error) or a placeholder (a notice:
    the header, the browser's tab and every mail would show another organisation's name)."""
    if config is None:
        return
    name = (config.site_name or "").strip()
    if not name:
        problems.add(CONFIG, config.site_name_line if config.site_name is not None else 1,
                     "the site has no name (site_name): MkDocs refuses to build it, and the header, "
                     "the browser's tab and the digest's mail show the name",
                     "add 'site_name: <your organisation> intranet' at the top of mkdocs.yml")
    elif name.casefold() in PLACEHOLDERS:
        problems.add(CONFIG, config.site_name_line,
                     f"site_name '{name}' is a placeholder, not your organisation's name: the header, "
                     "the browser's tab and the digest's mail show it",
                     "set 'site_name' in mkdocs.yml to your organisation's intranet, "
                     "e.g. 'Gemeente Utrecht intranet'", severity="notice")
