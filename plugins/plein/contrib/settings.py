"""The plein plugin's options: moved to plein.config.settings (the one reader, below every
part that reads options); kept here so that the contribution commands' imports stay valid."""
from ..config.settings import Settings, now, read, read_file

__all__ = ["Settings", "now", "read", "read_file"]
