"""The one error a command raises for a user's mistake: exit 1 and a plain message."""


class FatalError(RuntimeError):
    pass
