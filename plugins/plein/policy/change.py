"""What the policy decides over, and what it returns: plain data, no I/O.

A change is a list of files with their git modes and bytes (old: on the target; new: in the
change). The target is the target branch's files parsed by the one parser (model.parse), its
model, and its policy options: never anything the change itself says.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..config.settings import PUBLISH_DEFAULT
from ..model.load import assemble
from ..model.parse import Parsed, is_photo, parse_file
from .validation import target_problems

REGULAR, EXECUTABLE, SYMLINK, GITLINK = "100644", "100755", "120000", "160000"
STATUSES = ("added", "changed", "deleted", "renamed")


@dataclass(frozen=True)
class FileChange:
    """One file of a change. `path` is where it ends up (for a deletion: where it was);
    `old_path` is where a renamed file came from. Modes are git's ('100644', '120000'…);
    an absent side has mode None and content None."""

    path: str
    status: str  # added | changed | deleted | renamed
    old_mode: str | None = None
    new_mode: str | None = None
    old: bytes | None = None
    new: bytes | None = None
    old_path: str | None = None
    too_large: bool = False  # the loader did not read a blob beyond the limit
    outside: bool = False  # outside the intranet's folder of the repository (path from its top)


@dataclass(frozen=True)
class ChangeSet:
    files: tuple[FileChange, ...] = ()
    total: int | None = None  # files in the change when more than were read (oversized)

    @property
    def count(self) -> int:
        return max(self.total or 0, len(self.files))


@dataclass(frozen=True)
class PolicyOptions:
    publish: frozenset = frozenset(PUBLISH_DEFAULT)  # kinds that may go live directly
    communications: frozenset = frozenset()  # forge usernames (casefolded) whose news goes live
    language: str = "nl"  # of the reasons
    review_above: int = 100  # more files than this: a moderator looks
    refuse_above: int = 3000  # more than this: refused unread (GitHub lists at most 3,000)
    publish_per_hour: int = 10  # one person's own contributions within an hour that go live; 0: no limit
    unreadable: str = ""  # why the target's options could not be read (then nothing publishes)

    @classmethod
    def from_settings(cls, s, **more) -> "PolicyOptions":
        return cls(publish=frozenset(s.publish), language=s.language, publish_per_hour=s.publish_per_hour,
                   communications=frozenset(u.lstrip("@").strip().casefold()
                                            for u in s.communications_usernames), **more)


@dataclass(frozen=True)
class TargetState:
    """The target branch: each staff file parsed (path -> Parsed), the photos it holds, the
    model assembled from them and its problems (so that the change's new problems stand out)."""

    parsed: Mapping[str, Parsed]
    photos: frozenset
    org: object
    problems: tuple
    options: PolicyOptions = PolicyOptions()

    @classmethod
    def from_files(cls, files: Mapping[str, bytes], options: PolicyOptions = PolicyOptions()) -> "TargetState":
        """From the target's files (path -> bytes; only profiles/ and content/ matter)."""
        parsed, photos = {}, set()
        for path, raw in files.items():
            if any(part.startswith(".") for part in path.split("/")):
                continue  # the loader does not read hidden files either (model.scan)
            if is_photo(path):
                photos.add(path)
            elif path.startswith(("profiles/", "content/")):
                result = parse_file(path, raw)
                if result.kind is not None or result.problems:
                    parsed[path] = result
        org, _ = assemble(None, list(parsed.values()), photos_of=())
        problems = target_problems(org, parsed, photos)
        return cls(parsed, frozenset(photos), org, tuple(problems), options)


@dataclass(frozen=True)
class FileVerdict:
    path: str
    verdict: str  # publish | review | refuse
    reason: str
    kind: str | None = None  # reply, thread, update, kudos, profile, photo, news, team
    status: str = "changed"
    code: str = ""  # the reason's key in words.py ('own_reply', 'impersonation', 'symlink'…)


@dataclass(frozen=True)
class Decision:
    decision: str  # publish | review | refuse
    reasons: tuple[str, ...]
    files: tuple[FileVerdict, ...] = ()
    username: str | None = None
    person: str | None = None  # the handle the username belongs to on the target
    language: str = "nl"
    extra: Mapping = field(default_factory=dict)  # base, head… as the caller adds them

    def to_json(self) -> dict:
        return {"decision": self.decision, "reasons": list(self.reasons),
                "files": [{"path": f.path, "status": f.status, "kind": f.kind, "verdict": f.verdict,
                           "code": f.code, "reason": f.reason} for f in self.files],
                "username": self.username, "person": self.person, "language": self.language,
                **dict(self.extra)}
