"""Which forge, where, and with which token: read from the CI environment.

GitLab: CI_SERVER_URL, CI_PROJECT_ID (or CI_PROJECT_PATH), and the bot's token in the protected,
masked variable PLEIN_BOT_TOKEN. GitHub: GITHUB_API_URL, GITHUB_REPOSITORY and the token in
PLEIN_BOT_TOKEN (a GitHub App token, or GITHUB_TOKEN). PLEIN_FORGE_URL overrides the address
(the tests point it at a local stand-in). The token is only ever sent over HTTPS, or to this
machine: a pipeline variable that names another server gets nothing.
"""
from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from ..errors import FatalError
from .base import Forge


def connect(kind: str | None = None, env=None) -> Forge:
    env = os.environ if env is None else env
    kind = kind or env.get("PLEIN_FORGE") or ("github" if env.get("GITHUB_ACTIONS") == "true" else
                                              "gitlab" if env.get("GITLAB_CI") == "true" else "")
    token = env.get("PLEIN_BOT_TOKEN", "")
    if kind == "gitlab":
        url = env.get("PLEIN_FORGE_URL") or env.get("CI_SERVER_URL", "")
        project = env.get("CI_PROJECT_ID") or env.get("CI_PROJECT_PATH", "")
        _need(token, url, project, "CI_SERVER_URL", "CI_PROJECT_ID")
        from .gitlab import GitLab
        return GitLab(_safe(url), project, token)
    if kind == "github":
        url = env.get("PLEIN_FORGE_URL") or env.get("GITHUB_API_URL") or "https://api.github.com"
        repository = env.get("GITHUB_REPOSITORY", "")
        _need(token, url, repository, "GITHUB_API_URL", "GITHUB_REPOSITORY")
        from .github import GitHub
        return GitHub(_safe(url), repository, token)
    raise FatalError("which forge is this? Fix: run in GitLab CI or GitHub Actions, or set PLEIN_FORGE "
                     "to gitlab or github")


def _need(token: str, url: str, project: str, url_name: str, project_name: str) -> None:
    if not token:
        raise FatalError("the bot's token is missing; nothing was merged. Fix: set the protected, masked "
                         "CI/CD variable (or secret) PLEIN_BOT_TOKEN, see the Help page Publiceren")
    if not url or not project:
        raise FatalError(f"{url_name} and {project_name} must be set (the forge sets them in CI); nothing was merged")


def _safe(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url.rstrip("/")
    if parts.scheme == "http" and parts.hostname and _loopback(parts.hostname):
        return url.rstrip("/")
    raise FatalError(f"the forge's address {url[:80]!r} is not https; the bot's token is not sent there. "
                     "Fix: use the https address of GitLab or GitHub")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
