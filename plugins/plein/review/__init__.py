"""`plein review`: a merge request's changes in plain words, with its problems, authenticity
checks, suggestions and approvers; as Markdown, a GitLab Code Quality report or GitHub
annotations (see formats), led by the publishing policy's decision. May import the model,
git, the policy, search and contrib."""
from .analysis import Change, Finding, Report, pusher_from_env, pusher_variable, review, trusted_from_env

__all__ = ["Change", "Finding", "Report", "pusher_from_env", "pusher_variable", "review", "trusted_from_env"]
