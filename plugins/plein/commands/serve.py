"""plein serve: mkdocs serve of the intranet, also watching profiles/ (outside docs_dir), with
the web editor's local backend (decap-server) when Node.js is installed."""
from __future__ import annotations

import os

import click
from mkdocs.commands.serve import serve as mkdocs_serve

from ..contrib import settings as site_settings
from ..editor.site import LOCAL_BACKEND, LOCAL_PUBLISH
from ..serve.editor import LocalEditor
from ..serve.publish import Publisher
from .build import config_path, mkdocs_errors


@click.command("serve")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the repository's).")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, metavar="IP:PORT",
              help="Address to serve on.")
@click.option("--editor-port", default=8081, show_default=True, type=int,
              help="Port of the web editor's local backend (decap-server).")
@click.option("--no-livereload", is_flag=True, help="Do not rebuild when files change.")
@click.option("--no-publish", is_flag=True,
              help="Leave the editor's cms/… branches alone: nothing is merged into the local branch.")
@click.option("-q", "--quiet", is_flag=True, help="Show warnings and errors only.")
def serve(config_file, dev_addr, editor_port, no_livereload, no_publish, quiet):
    """Build and serve the intranet, rebuilding when profiles or content change."""
    path = config_path(config_file)
    profiles = path.parent / "profiles"
    opts = site_settings.read(path.parent)
    editor = LocalEditor(path.parent, path.parent / opts.cache_dir, path.parent / opts.editor_modules,
                         opts.branch, editor_port)
    url, line = editor.start()
    click.echo(line, err=True)
    if url:
        os.environ[LOCAL_BACKEND] = url
        click.echo(f"web editor: http://{dev_addr}/bewerken/", err=True)
    # what the publishing policy lets go live directly is merged into the local branch (publish.py)
    publisher = None if no_publish else Publisher(path.parent, opts.branch, opts.language,
                                                  editor.clone if url else None)
    if publisher:
        publisher.start()
        os.environ[LOCAL_PUBLISH] = "1"  # the editor then says "within seconds" after Save
    try:
        with mkdocs_errors(quiet, serving=True):
            # dirty: only pages whose inputs changed are made again (see pagecache)
            mkdocs_serve(config_file=str(path), dev_addr=dev_addr, livereload=not no_livereload,
                         build_type="dirty", watch=[str(profiles)] if profiles.is_dir() else [])
    finally:
        os.environ.pop(LOCAL_BACKEND, None)
        os.environ.pop(LOCAL_PUBLISH, None)
        if publisher:
            publisher.stop()
        editor.stop()
    return 0
