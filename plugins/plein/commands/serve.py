"""plein serve: mkdocs serve of the intranet, also watching profiles/ (outside docs_dir)."""
from __future__ import annotations

import click
from mkdocs.commands.serve import serve as mkdocs_serve

from .build import config_path, mkdocs_errors


@click.command("serve")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the repository's).")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT",
              help="Address to serve on.")
@click.option("--no-livereload", is_flag=True, help="Do not rebuild when files change.")
@click.option("-q", "--quiet", is_flag=True, help="Show warnings and errors only.")
def serve(config_file, dev_addr, no_livereload, quiet):
    """Build and serve the intranet, rebuilding when profiles or content change."""
    path = config_path(config_file)
    profiles = path.parent / "profiles"
    with mkdocs_errors(quiet, serving=True):
        # dirty: only pages whose inputs changed are made again (see pagecache)
        mkdocs_serve(config_file=str(path), dev_addr=dev_addr, livereload=not no_livereload, build_type="dirty",
                     watch=[str(profiles)] if profiles.is_dir() else [])
    return 0
