"""Finding the intranet repository and keeping command-line paths inside it."""
from __future__ import annotations

from pathlib import Path

from ..errors import FatalError


def find_root(start: Path | str | None = None) -> Path:
    """The nearest folder, from start upwards, that holds mkdocs.yml or profiles/."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "profiles").is_dir():
            return folder
    raise FatalError(f"{here} is not inside a Plein repository (no mkdocs.yml or profiles/ found). "
                     "Run the command inside your intranet's clone, or pass --root.")


def inside(root: Path, path: str | Path) -> str:
    """`path` as a posix path relative to root; refuses paths outside the repository."""
    full = (Path.cwd() / path).resolve()
    try:
        return full.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise FatalError(f"{path}: is outside the repository {root}; "
                         "give paths of files inside your intranet's clone") from None
