"""`plein serve`: an edit shown in seconds (live), told by the system's file events (watch); the
web editor's local backend (editor), whose saves are published by the policy (publish, worktree).
May import the model, config, git, the policy, the site and search.
"""
