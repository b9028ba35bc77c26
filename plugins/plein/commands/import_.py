"""plein import SOURCE: people from HR (a CSV export or LDAP/Active Directory) as one merge
request with the joiners, movers, leavers and returners."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..contrib import settings as site_settings
from ..contrib.flow import Options
from ..errors import FatalError
from ..git.repo import find_root
from ..hr.config import from_options
from ..hr.csvsource import read_csv
from ..hr.ldapsource import read_ldap
from ..hr.records import parse_date
from ..hr.run import Import


@click.command("import")
@click.argument("source")
@click.option("--dry-run", is_flag=True, help="Print the summary and the diff; write nothing.")
@click.option("--max-leavers", type=click.FloatRange(0, 100), metavar="PERCENT",
              help="Most leavers one import may make, as a share of the people (default: "
                   "hr: max_leavers in mkdocs.yml, else 10).")
@click.option("--date", "day", metavar="YYYY-MM-DD",
              help="The date leavers left (default: today in Europe/Amsterdam).")
@click.option("--root", type=click.Path(file_okay=False, exists=True),
              help="The intranet clone (default: found from here).")
@click.option("--remote", default="origin", show_default=True, help="The remote to push to.")
@click.option("--no-push", is_flag=True, help="Only commit on a new branch; prints the push command.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation (for scripts and CI).")
def import_(source, dry_run, max_leavers, day, root, remote, no_push, yes):
    """Import people from SOURCE: a CSV file, or ldap://host (ldaps://host) for LDAP or
    Active Directory, with the bind DN and password in PLEIN_LDAP_BIND_DN and
    PLEIN_LDAP_PASSWORD. Column and attribute mappings: plugins: plein: hr: in mkdocs.yml.

    GitLab or GitHub usernames (forge_username) come from the CSV column forge_username, or
    from the LDAP attribute set in hr: ldap: attributes: forge_username (e.g. sAMAccountName
    or uid); an empty or missing one never clears a profile's."""
    settings = site_settings.read(find_root(root))
    config = from_options(settings.hr)
    today = _day(day, settings)
    if source.startswith(("ldap://", "ldaps://")):
        entries = read_ldap(source, config)
    else:
        entries = read_csv(Path(source), config)
    opts = Options(root=root, remote=remote, push=not no_push, yes=yes)
    with Import(opts, "import") as run:
        return run.run(entries, config, source, today, dry_run, max_leavers)


def _day(text: str | None, settings) -> date:
    if not text:
        return site_settings.now(settings).date()
    try:
        value = parse_date(text)
    except ValueError:
        value = None
    if value is None:
        raise FatalError(f"--date: '{text}' is not a date. Fix: write it as YYYY-MM-DD")
    return value
