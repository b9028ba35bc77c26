"""Avatars: initials on a coloured square, 128x128 PNG; deterministic, no metadata, ~1 KB.

Pillow is imported lazily so the generators run without it when no photos are asked for.
"""
from __future__ import annotations

import hashlib
import io

from .names import initials

SIZE = 128
# Background colours, all dark enough for white text (contrast >= 4.5:1).
PALETTE = [
    (0x1F, 0x4E, 0x8C), (0x0B, 0x6E, 0x4F), (0x8E, 0x24, 0x4A), (0x6A, 0x3D, 0x9A),
    (0xA3, 0x3B, 0x0B), (0x00, 0x5F, 0x73), (0x4A, 0x55, 0x68), (0x7A, 0x4B, 0x00),
    (0x2E, 0x6B, 0x1F), (0xB0, 0x1E, 0x3A), (0x33, 0x3F, 0x99), (0x5B, 0x2C, 0x6F),
]

_font = None
_cache: dict[tuple[str, int], bytes] = {}


def _get_font():
    global _font
    if _font is None:
        from PIL import ImageFont
        try:
            _font = ImageFont.load_default(size=54)
        except TypeError:  # Pillow < 10.1: bitmap font only
            _font = ImageFont.load_default()
    return _font


def colour_index(key: str) -> int:
    return hashlib.sha1(key.encode("utf-8")).digest()[0] % len(PALETTE)


def avatar_png(name: str, key: str) -> bytes:
    """PNG bytes of an avatar with the initials of name, coloured by key (the handle)."""
    text = initials(name)
    ci = colour_index(key)
    cached = _cache.get((text, ci))
    if cached is not None:
        return cached
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (SIZE, SIZE), PALETTE[ci])
    ImageDraw.Draw(img).text((SIZE / 2, SIZE / 2 + 2), text, font=_get_font(), fill=(255, 255, 255),
                             anchor="mm", stroke_width=1, stroke_fill=(255, 255, 255))
    img = img.quantize(colors=16, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    data = buf.getvalue()
    _cache[(text, ci)] = data
    return data
