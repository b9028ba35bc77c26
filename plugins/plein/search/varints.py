"""The export's numbers as bytes: unsigned varints (7 bits a byte, low first, the high bit
set on all but the last byte), which the browser reads back (search/browser/engine.js)."""
from __future__ import annotations


def varints(numbers) -> bytes:
    out = bytearray()
    for n in numbers:
        while n >= 0x80:
            out.append((n & 0x7F) | 0x80)
            n >>= 7
        out.append(n)
    return bytes(out)


def numbers(blob: bytes) -> list:
    """The numbers of `varints`."""
    out, n, shift = [], 0, 0
    for byte in blob:
        n |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
            continue
        out.append(n)
        n, shift = 0, 0
    return out


def encode(postings: dict) -> bytes:
    """{ordinal: weight} as (delta, weight) varint pairs in ordinal order."""
    flat, last = [], 0
    for o in sorted(postings):
        flat += (o - last, postings[o])
        last = o
    return varints(flat)
