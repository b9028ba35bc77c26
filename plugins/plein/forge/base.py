"""What the trusted merge needs from a forge, and nothing more: one merge request as the
forge's API reports it, who pushed to its branch, a merge pinned to a commit, a label and a
comment. GitLab and GitHub each implement `Forge`; nothing above this part knows which one runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Protocol

from ..errors import FatalError

SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


class ForgeError(FatalError):
    """The forge's API failed or answered something unexpected: the job stops, merges nothing."""


@dataclass(frozen=True)
class Push:
    """One push to a branch, as the forge recorded it: who (the forge's account, never a commit
    field), and the branch tip before (None for a new branch) and after."""
    username: str
    before: str | None
    after: str


@dataclass(frozen=True)
class MR:
    """A merge request (GitLab) or pull request (GitHub), re-read from the API."""
    number: int
    author: str  # the username the forge set when the MR was opened
    head_sha: str
    source_branch: str
    target_branch: str
    default_branch: str  # the project's, as the API says
    fork: bool  # the source branch lives in another project
    draft: bool
    state: str  # "open", "closed", "merged" or "locked"
    labels: tuple[str, ...]
    head_ref: str  # what `git fetch` asks for: refs/merge-requests/N/head or refs/pull/N/head


@dataclass(frozen=True)
class Merged:
    """The outcome of a pinned merge: merged now, queued until the pipeline passes, or not."""
    done: bool
    queued: bool = False
    why: str = ""


class Forge(Protocol):
    name: str
    labels: dict[str, str]  # decision ("review", "refuse") -> the label this forge uses

    def default_branch(self) -> str: ...

    def merge_request(self, number: int) -> MR: ...

    def pushes(self, mr: MR) -> Iterator[Push]:
        """Pushes to the MR's source branch, newest first, as far back as the forge keeps them."""

    def merge(self, number: int, sha: str) -> Merged:
        """Merge only if the head is still `sha`; a moved or unmergeable MR is Merged(False)."""

    def label(self, number: int, name: str) -> None: ...

    def comment(self, number: int, text: str) -> None: ...

    def open_numbers(self, target_branch: str) -> list[int]: ...


def checked_sha(value, what: str) -> str:
    """A commit id from the API, or ForgeError: it goes into git commands and a merge call."""
    if not isinstance(value, str) or not SHA.fullmatch(value):
        raise ForgeError(f"the forge gave no valid commit for {what} ({value!r}); nothing was merged")
    return value


def checked_number(value, what: str = "the merge request number") -> int:
    """A positive integer, from JSON or from a command line; anything else is refused."""
    if isinstance(value, bool):
        value = None
    if isinstance(value, str) and re.fullmatch(r"[1-9][0-9]{0,9}", value):
        value = int(value)
    if not isinstance(value, int) or not 0 < value < 2 ** 31:
        raise FatalError(f"{what} must be a positive whole number, not {str(value)[:40]!r}; nothing was done")
    return value
