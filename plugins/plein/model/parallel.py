"""Parsing many files in one process per CPU (a cold run: no cache yet, or most files new).

A cold run gives each process whole cache shards (see parsecache.parse_shard): the process
sends back the shard's entries pickled as the cache stores them, so the parent unpickles them
once and saves those very bytes. `parse_cold` starts the processes while the scan is still
going: a section's shards are parsed while the next section is scanned.
"""
from __future__ import annotations

import os
import pickle
import threading

PARALLEL_MIN = 2000  # files; for fewer, starting processes costs about what it saves


def cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def pool_errors() -> tuple:
    """What the pool raises where no processes can be started or kept running."""
    from concurrent.futures.process import BrokenProcessPool
    return OSError, BrokenProcessPool, pickle.PicklingError


class Pool:
    """A process pool that takes calls at any time and hands back results as they come."""

    def __init__(self, jobs: int):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        # fork starts in milliseconds, but is unsafe in a process with threads (plein serve)
        context = multiprocessing.get_context("fork" if threading.active_count() == 1 else "spawn")
        self.executor = ProcessPoolExecutor(jobs, mp_context=context)
        self.pending: dict = {}

    def submit(self, tag, function, *args) -> None:
        self.pending[self.executor.submit(function, *args)] = tag

    def results(self):
        """(tag, result) of every call submitted, as each finishes."""
        from concurrent.futures import FIRST_COMPLETED, wait
        while self.pending:
            done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield self.pending.pop(future), future.result()

    def close(self) -> None:
        """Wait for the processes to end; after a failure, calls not yet started are dropped."""
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def parse_chunk(root: str, chunk: list) -> list:
    """load.parse_one(root, *item) for every item of a chunk (in a worker process)."""
    from .parse import parse_one, quiet_collector
    with quiet_collector():
        return [parse_one(root, *item) for item in chunk]


class Parsing:
    """Files of `files` (rel, path, stat key) parsed in a pool into `results`, by index."""

    def __init__(self, pool: Pool, root: str, files: list, results: list, cache):
        self.pool, self.root, self.files, self.results, self.cache = pool, root, files, results, cache
        self.parts: dict = {}  # tag -> (shard or None, indices)
        self.stated: dict = {}  # index -> (rel, path, stat key) of a file parsed in a chunk

    def add(self, todo: list, jobs: int) -> None:
        """Submit the files at the indices `todo`: those of shards the cache has never seen
        shard by shard, the others in chunks; the longest first, so that all processes end
        together."""
        from .parse import stated
        from .parsecache import parse_shard
        blank = getattr(self.cache, "blank", lambda rel: None)
        shards, rest = {}, []
        for i in todo:
            shard = blank(self.files[i][0])
            (rest if shard is None else shards.setdefault(shard, [])).append(i)
        self.stated.update((i, stated(self.files[i])) for i in rest)  # chunks are kept by key
        size = max(200, min(2000, len(rest) // (jobs * 8) + 1))
        parts = list(shards.items()) + [(None, rest[n:n + size]) for n in range(0, len(rest), size)]
        for shard, part in sorted(parts, key=lambda part: -len(part[1])):
            tag = len(self.parts)
            self.parts[tag] = shard, part
            if shard:
                self.pool.submit(tag, parse_shard, self.root, [self.files[i] for i in part], self.cache.started)
            else:
                digest_of = self.cache.digest_of if self.cache is not None else lambda rel: None
                self.pool.submit(tag, parse_chunk, self.root,
                                 [(*self.stated[i], digest_of(self.files[i][0])) for i in part])

    def collect(self) -> None:
        """Take in every result, each as it comes."""
        from .parse import kept
        for tag, result in self.pool.results():
            shard, part = self.parts[tag]
            if shard is None:
                for i, (digest, parsed) in zip(part, result):
                    self.results[i] = kept(self.cache, self.stated[i], digest, parsed)
                continue
            blob, slim, uncached = result
            parsed = {**self.cache.adopt(shard, blob, slim), **uncached}
            for i in part:
                self.results[i] = parsed[self.files[i][0]]


def parse_in_processes(root: str, files: list, todo: list, results: list, cache, jobs: int) -> None:
    """The files at the indices `todo` parsed in `jobs` processes into `results`."""
    with Pool(jobs) as pool:
        parsing = Parsing(pool, root, files, results, cache)
        parsing.add(todo, jobs)
        parsing.collect()


def parse_cold(root: str, sections, cache, jobs: int) -> tuple[list, list | None]:
    """(files, their Parsed) of a cold run, `sections` yielding the files of each section in
    scan order: processes start once PARALLEL_MIN files are found, and parse each section's
    shards while the next section is scanned. Parsed is None when too few files were found,
    or no processes could be had: then the caller parses them."""
    files, results, pool, parsing = [], [], None, None
    try:
        for part in sections:
            start = len(files)
            files.extend(part)
            results.extend([None] * len(part))
            if pool is None and len(files) >= PARALLEL_MIN:
                pool = Pool(jobs)
                parsing = Parsing(pool, root, files, results, cache)
                start = 0
            if parsing is not None:
                parsing.add(list(range(start, len(files))), jobs)
        if parsing is None:
            return files, None
        parsing.collect()
        return files, results
    except pool_errors():
        for part in sections:  # scan what the scan had left
            files.extend(part)
        return files, None
    finally:
        if pool is not None:
            pool.close()
