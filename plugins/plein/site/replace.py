"""Files replaced whole and only when their bytes change: a reader (the server, a web
browser, an export's client) never sees half a file, and unchanged files keep their time."""
from __future__ import annotations

import os
import threading
from pathlib import Path


def replace_if_changed(path: Path | str, data: bytes) -> bool:
    """Write `data` to `path` through a temporary file beside it; False if it held them already."""
    path = Path(path)
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)
    # a name of its own per process and thread: two writers must not share a temporary file
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True
