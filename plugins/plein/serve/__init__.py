"""`plein serve`: an edit shown in seconds (live), told by the system's file events (watch).
May import the model, git, the site and search.
"""
