"""Profile photos: checked with Pillow, and published without their metadata (GPS etc.)."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding


def check_image(path: Path) -> str | None:
    """None when the file is a PNG or JPEG Pillow can read, else why not."""
    try:
        with Image.open(path) as img:
            if img.format not in ("PNG", "JPEG"):
                return f"it is {img.format or 'an unknown format'}, not PNG or JPEG"
            if img.width * img.height > MAX_PIXELS:
                return f"{img.width}×{img.height} pixels is too large"
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as err:
        return str(err) or type(err).__name__
    return None


def without_metadata(path: Path, size: int = 256) -> bytes:
    """The photo re-encoded from its pixels only, so EXIF (GPS, camera) is dropped."""
    with Image.open(path) as img:
        img = img.convert("RGB")
        img.thumbnail((size, size))
        out = io.BytesIO()
        img.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()
