"""The publishing policy: which changes go live without a moderator (issue 28).

`decide(change, target, username, options)` is a pure function over a change (files added,
changed, deleted and renamed, with their git modes and contents), the target branch's model and
options, and the forge username of who made the change; it returns `publish`, `review` or
`refuse` with reasons in plain words (rules, words). `gitchange` builds its input from two
commits without checking out or running the change, and `decide_refs` is what the trusted
merge job calls. May import the model, config and git."""
from .change import ChangeSet, Decision, FileChange, FileVerdict, PolicyOptions, TargetState
from .rules import decide

__all__ = ["ChangeSet", "Decision", "FileChange", "FileVerdict", "PolicyOptions", "TargetState", "decide",
           "decide_refs", "from_git"]


def decide_refs(repo_path, base_rev: str, head_rev: str, username: str | None, **kwargs) -> Decision:
    from .gitchange import decide_refs as run
    return run(repo_path, base_rev, head_rev, username, **kwargs)


def from_git(repo_path, base_rev: str, head_rev: str):
    from .gitchange import from_git as run
    return run(repo_path, base_rev, head_rev)
