"""One module per `plein` verb (see cli): each parses nothing, does its work through the
parts below, and returns an exit code. May import every part but the entry points."""
