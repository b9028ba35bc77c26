"""Write git objects straight into a pack file (with its .idx) and write the index.

Why not `git fast-import`: for every commit it rewrites each changed tree and searches a delta
for it against the previous version; with 15,000 entries in profiles/ that costs ~25 ms a
commit. Here a changed tree is stored as a delta we know without searching (the old tree with
one stretch replaced), so a commit costs about one SHA-1 of its largest changed tree.

Formats: Documentation/gitformat-pack.txt and gitformat-index.txt in git's sources
(pack v2 with OFS_DELTA, pack index v2, index v2).
"""
from __future__ import annotations

import bisect
import hashlib
import os
import struct
import zlib

OBJ_COMMIT, OBJ_TREE, OBJ_BLOB, OBJ_OFS_DELTA = 1, 2, 3, 6
MAX_DEPTH = 100  # longest delta chain (git's default is 50): reading stays fast
DELTA_MIN = 4096  # smaller trees are stored whole


def _compress(data: bytes) -> bytes:
    """A zlib stream. Small objects (files, commits, small trees) are stored uncompressed
    (level 0): setting up deflate costs more than the 1 KB it would save, and `git gc` packs
    them tighter later if wanted. Large trees are compressed at level 1."""
    if len(data) > 16384:
        return zlib.compress(data, 1)
    c = zlib.compressobj(0, zlib.DEFLATED, 9, 1)
    return c.compress(data) + c.flush()


def _header(kind: int, size: int) -> bytearray:
    out = bytearray()
    byte = (kind << 4) | (size & 15)
    size >>= 4
    while size:
        out.append(byte | 0x80)
        byte = size & 0x7F
        size >>= 7
    out.append(byte)
    return out


def _ofs(distance: int) -> bytearray:
    out = bytearray([distance & 0x7F])
    distance >>= 7
    while distance:
        distance -= 1
        out.insert(0, 0x80 | (distance & 0x7F))
        distance >>= 7
    return out


def _varint(n: int) -> bytearray:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return out


def _copy(out: bytearray, offset: int, size: int) -> None:
    while size:
        n = min(size, 0xFFFFFF)
        op = 0x80
        args = bytearray()
        for i in range(4):
            b = (offset >> (8 * i)) & 0xFF
            if b:
                op |= 1 << i
                args.append(b)
        for i in range(3):
            b = (n >> (8 * i)) & 0xFF
            if b:
                op |= 0x10 << i
                args.append(b)
        out.append(op)
        out += args
        offset += n
        size -= n


def _insert(out: bytearray, data: bytes) -> None:
    full = len(data) - len(data) % 127
    if full:
        out += b"".join([b"\x7f" + data[i:i + 127] for i in range(0, full, 127)])
    if len(data) > full:
        out.append(len(data) - full)
        out += data[full:]


class Pack:
    """Objects appended to .git/objects/pack/tmp-*.pack; finish() writes the .idx beside it."""

    def __init__(self, git_dir: str):
        self.dir = os.path.join(git_dir, "objects", "pack")
        os.makedirs(self.dir, exist_ok=True)
        self.tmp = os.path.join(self.dir, "tmp-orggen.pack")
        self.f = open(self.tmp, "wb")
        self.f.write(b"PACK" + struct.pack(">II", 2, 0))  # count patched in finish()
        self.pos = 12
        self.index: list[tuple[bytes, int, int]] = []  # (sha, offset, crc32)
        self.known: dict[bytes, tuple[int, int]] = {}  # sha -> (offset, delta depth)
        self._buf: list[bytes] = []
        self._buflen = 0

    def _emit(self, entry: bytes, sha: bytes, depth: int) -> tuple[int, int]:
        offset = self.pos
        self.index.append((sha, offset, zlib.crc32(entry)))
        self.known[sha] = (offset, depth)
        self._buf.append(entry)
        self._buflen += len(entry)
        self.pos += len(entry)
        if self._buflen > 1 << 22:
            self.f.write(b"".join(self._buf))
            self._buf, self._buflen = [], 0
        return offset, depth

    def add(self, kind: int, data: bytes, sha: bytes) -> tuple[int, int]:
        """Store an object whole (once); returns its (offset, delta depth 0)."""
        known = self.known.get(sha)
        if known is not None:
            return known
        return self._emit(bytes(_header(kind, len(data))) + _compress(data), sha, 0)

    def add_delta(self, base_offset: int, base_depth: int, delta: bytes, sha: bytes) -> tuple[int, int]:
        """Store an object as a delta on the object at base_offset; returns (offset, depth)."""
        known = self.known.get(sha)
        if known is not None:
            return known
        entry = bytes(_header(OBJ_OFS_DELTA, len(delta)) + _ofs(self.pos - base_offset)) + _compress(delta)
        return self._emit(entry, sha, base_depth + 1)

    def finish(self) -> str:
        """Close the pack, name it by its checksum, write its .idx; returns the pack's name."""
        self.f.write(b"".join(self._buf))
        self._buf = []
        self.f.seek(8)
        self.f.write(struct.pack(">I", len(self.index)))
        self.f.close()
        h = hashlib.sha1()
        with open(self.tmp, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        checksum = h.digest()
        with open(self.tmp, "ab") as f:
            f.write(checksum)
        name = "pack-" + checksum.hex()
        entries = sorted(self.index)
        fanout = [0] * 256
        for sha, _, _ in entries:
            fanout[sha[0]] += 1
        total = 0
        for i in range(256):
            total += fanout[i]
            fanout[i] = total
        large = []
        offsets = bytearray()
        for _, off, _ in entries:
            if off < 0x80000000:
                offsets += struct.pack(">I", off)
            else:
                offsets += struct.pack(">I", 0x80000000 | len(large))
                large.append(off)
        idx = bytearray(b"\377tOc" + struct.pack(">I", 2))
        idx += struct.pack(">256I", *fanout)
        idx += b"".join(sha for sha, _, _ in entries)
        idx += b"".join(struct.pack(">I", crc) for _, _, crc in entries)
        idx += offsets
        idx += b"".join(struct.pack(">Q", off) for off in large)
        idx += checksum
        idx += hashlib.sha1(idx).digest()
        with open(os.path.join(self.dir, name + ".idx"), "wb") as f:
            f.write(idx)
        os.replace(self.tmp, os.path.join(self.dir, name + ".pack"))
        return name


def blob_sha(data: bytes) -> bytes:
    h = hashlib.sha1(b"blob %d\0" % len(data))
    h.update(data)
    return h.digest()


BLOCK = 64  # entries per block of a folder (a block is split when it doubles)


class Tree:
    """One folder: its entries kept sorted as git sorts them, in blocks, so that a change
    re-joins one block, and the stretch that differs from the last version is known exactly."""

    __slots__ = ("bkeys", "bparts", "datas", "firsts", "lo", "hi", "subdirs", "changed", "dirty", "sha",
                 "body", "offset", "depth")

    def __init__(self):
        self.bkeys: list[list[bytes]] = []  # per block: sort keys (name, or name + '/' for a folder)
        self.bparts: list[list[bytes]] = []  # per block: the entries as they appear in the tree object
        self.datas: list[bytes | None] = []  # per block: the joined entries; None if changed
        self.firsts: list[bytes] = []  # per block: its first key
        self.lo, self.hi = 1 << 30, -1  # the blocks changed since the last write lie in lo..hi
        self.subdirs: dict[bytes, Tree] = {}
        self.changed: dict[bytes, Tree] = {}  # subfolders changed since the last write (ordered)
        self.dirty = True
        self.sha: bytes | None = None
        self.body: bytes | None = None  # the last version written, its offset in the pack, its depth
        self.offset = 0
        self.depth = 0

    def _put(self, key: bytes, part: bytes) -> None:
        firsts = self.firsts
        if not firsts:
            self.bkeys.append([key])
            self.bparts.append([part])
            self.datas.append(None)
            firsts.append(key)
            self.lo, self.hi = 0, 0
            return
        j = max(0, bisect.bisect_right(firsts, key) - 1)
        keys, parts = self.bkeys[j], self.bparts[j]
        self.datas[j] = None
        if j < self.lo:
            self.lo = j
        if j > self.hi:
            self.hi = j
        i = bisect.bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            parts[i] = part
            return
        keys.insert(i, key)
        parts.insert(i, part)
        if i == 0:
            firsts[j] = key
        if len(keys) >= 2 * BLOCK:  # split: block j+1 is new, later blocks move up one
            self.bkeys.insert(j + 1, keys[BLOCK:])
            self.bparts.insert(j + 1, parts[BLOCK:])
            self.datas.insert(j + 1, None)
            firsts.insert(j + 1, keys[BLOCK])
            del keys[BLOCK:], parts[BLOCK:]
            self.hi = self.hi + 1 if self.hi > j else j + 1

    def set_file(self, path: bytes, sha: bytes, mode: bytes = b"100644") -> None:
        node = self
        *dirs, name = path.split(b"/")
        for d in dirs:
            node.dirty = True
            sub = node.subdirs.get(d)
            if sub is None:
                sub = node.subdirs[d] = Tree()
            node.changed[d] = sub
            node = sub
        node.dirty = True
        node._put(name, mode + b" " + name + b"\0" + sha)

    def write(self, pack: Pack) -> bytes:
        """Write this folder's changed trees (deepest first); returns this tree's sha."""
        if not self.dirty:
            return self.sha
        for name, sub in self.changed.items():
            self._put(name + b"/", b"40000 " + name + b"\0" + sub.write(pack))
        self.changed = {}
        self.dirty = False
        datas, lo, hi = self.datas, self.lo, self.hi
        for j in range(lo, hi + 1):
            if datas[j] is None:
                datas[j] = b"".join(self.bparts[j])
        self.lo, self.hi = 1 << 30, -1
        body = b"".join(datas)
        h = hashlib.sha1(b"tree %d\0" % len(body))
        h.update(body)
        sha = h.digest()
        if sha == self.sha:
            return sha
        old = self.body
        if old is not None and len(body) >= DELTA_MIN and self.depth < MAX_DEPTH:
            # the blocks before lo and after hi are the same bytes as in the last version
            p = sum(map(len, datas[:lo]))
            s = sum(map(len, datas[hi + 1:]))
            if p + s > min(len(old), len(body)):  # cannot happen; stay correct anyway
                p = s = 0
            delta = _varint(len(old)) + _varint(len(body))
            if p:
                _copy(delta, 0, p)
            _insert(delta, body[p:len(body) - s])
            if s:
                _copy(delta, len(old) - s, s)
            self.offset, self.depth = pack.add_delta(self.offset, self.depth, bytes(delta), sha)
        else:
            self.offset, self.depth = pack.add(OBJ_TREE, body, sha)
        self.body, self.sha = body, sha
        return sha


def write_index(root: str, files: list[tuple[bytes, bytes]]) -> None:
    """.git/index for files [(path, blob sha)], with the stat data of the files on disk, so
    that `git status` finds a clean work tree without hashing anything."""
    files = sorted(files)
    out = bytearray(b"DIRC" + struct.pack(">II", 2, len(files)))
    pack_entry = struct.Struct(">10I20sH").pack
    m = 0xFFFFFFFF
    base = root.encode() + b"/"
    for path, sha in files:
        st = os.stat(base + path)
        entry = pack_entry(int(st.st_ctime) & m, st.st_ctime_ns % 1_000_000_000, int(st.st_mtime) & m,
                           st.st_mtime_ns % 1_000_000_000, st.st_dev & m, st.st_ino & m, 0o100644,
                           st.st_uid & m, st.st_gid & m, st.st_size & m, sha, min(len(path), 0xFFF)) + path
        out += entry + b"\0" * (8 - len(entry) % 8)
    out += hashlib.sha1(out).digest()
    tmp = os.path.join(root, ".git", "index.orggen")
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, os.path.join(root, ".git", "index"))
