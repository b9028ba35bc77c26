"""The `plein` command: parses arguments and dispatches to plein.commands.<verb>."""
from __future__ import annotations

import importlib
import logging
import os
import sys

import click

from .errors import FatalError

# verb -> module in plein.commands holding a click command of the same name (hyphens → _)
VERBS = {
    "validate": "Check every profile and content file, and report all problems.",
    "schema": "Write the JSON Schemas of profiles and teams.",
    "build": "Build the intranet site (mkdocs build, with a cache).",
    "serve": "Build and serve the intranet, rebuilding on changes.",
    "search": "Search people, news and discussions.",
    "who-knows": "Who knows about a topic: people ranked by expertise and evidence.",
    "new": "Create a new profile.",
    "ask": "Ask a question (opens a merge request).",
    "reply": "Reply to a discussion (opens a merge request).",
    "update": "Post a status update (opens a merge request).",
    "kudos": "Give kudos to a colleague or team (opens a merge request).",
    "news": "Write a news item (opens a merge request).",
    "codeowners": "Write CODEOWNERS from the profiles and teams.",
    "review": "Report on the changes of a merge request branch.",
    "merge-request": "The trusted merge: decide a merge request with the policy and merge it, or label it.",
    "digest": "E-mail each person a digest of what is new for them; or ask experts about new questions.",
    "notify": "E-mail at once about new replies to one's question and @mentions (after a merge).",
    "import": "Import people from HR (CSV or LDAP) as one merge request.",
    "insights": "Participation figures (the site's Insights page) as text, JSON or CSV.",
}
MODULES = {"import": "import_"}  # verbs that are Python keywords


class _Lazy(click.Group):
    def list_commands(self, ctx):
        return list(VERBS)

    def get_command(self, ctx, name):
        if name not in VERBS:
            return None
        try:
            module = importlib.import_module(f"plein.commands.{_module(name)}")
        except ModuleNotFoundError as err:
            if err.name and err.name.startswith("plein.commands"):
                return _missing(name)
            raise
        return getattr(module, _module(name))


def _module(verb: str) -> str:
    return MODULES.get(verb, verb.replace("-", "_"))


def _missing(name):
    @click.command(name, help=VERBS[name] + " (not available yet)")
    def cmd():
        raise FatalError(f"'plein {name}' is not available in this version")
    return cmd


@click.group(cls=_Lazy, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="plein")
def plein():
    """Plein: your organisation's intranet, kept in Git."""


def main(argv: list[str] | None = None) -> int:
    try:
        rc = plein.main(args=argv, prog_name="plein", standalone_mode=False)
    except FatalError as err:
        click.echo(f"plein: {err}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("plein: interrupted", err=True)
        return 130
    except click.exceptions.Exit as ex:
        return ex.exit_code
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - last resort: a bug, not a user error
        import traceback
        log = _crash_log(traceback.format_exc())
        click.echo(f"plein: unexpected error; please report it with the details in {log}", err=True)
        return 3
    return rc if isinstance(rc, int) else 0


def _crash_log(text: str) -> str:
    import tempfile
    with tempfile.NamedTemporaryFile("w", prefix="plein-crash-", suffix=".log", delete=False) as fh:
        fh.write(text)
    return fh.name


# Commands after which the process holds nothing to tidy: they leave without Python's teardown,
# which frees every object one by one (after a build at L, 1.5 GB of them: 5 s of the
# pipeline's job, issue 29). Their output is flushed and their processes are ended by then.
QUICK_EXIT = frozenset({"build"})


def entry() -> None:
    code = main()
    if sys.argv[1:2] and sys.argv[1] in QUICK_EXIT:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
