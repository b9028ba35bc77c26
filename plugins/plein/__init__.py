"""Plein: a social intranet kept as Markdown and YAML in a Git repository."""
__version__ = "0.1.0"
