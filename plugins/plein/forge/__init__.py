"""The forge behind the trusted merge (issue 28): GitLab through python-gitlab, GitHub through
PyGithub, both behind `Forge` (base), so that the publishing policy never knows which one runs.
`connect` opens the one the CI environment names; `event` takes the MR number, and only that,
from a webhook payload; `job` decides one MR with the policy and merges it at its reviewed
commit. May import the model, config, git and policy."""
from .base import MR, Forge, ForgeError, Merged, Push, checked_number, checked_sha
from .connect import connect

__all__ = ["MR", "Forge", "ForgeError", "Merged", "Push", "checked_number", "checked_sha", "connect"]
