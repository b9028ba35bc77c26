"""Running one measured child process, and describing the machine it ran on."""
from __future__ import annotations

import os
import platform
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = REPO / ".venv" / "bin" / "python"
PLEIN = REPO / ".venv" / "bin" / "plein"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and the children it waited for
    rss_mb: float  # peak resident memory of the child (or its largest child)
    rc: int
    out: str
    err: str

    def check(self, what: str) -> Run:
        if self.rc not in (0, 1):  # validate exits 1 on content errors: still a measurement
            raise SystemExit(f"{what} failed (exit {self.rc}):\n{self.err[-3000:]}")
        return self


def run(args: list, cwd: Path | None = None, one_cpu: bool = False) -> Run:
    """Run a command to its end; wall time, CPU time and peak RSS from the child's rusage."""
    def pin():  # a baseline on one CPU: what parsing in one process costs
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([str(a) for a in args], cwd=cwd, stdout=out, stderr=err, env=ENV,
                                text=True, preexec_fn=pin if one_cpu else None)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0), err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                   os.waitstatus_to_exitcode(status), out.read(), err.read())


def machine() -> dict:
    """What a reader needs to compare figures: CPUs, memory, versions, and how busy it was."""
    with open("/proc/meminfo") as fh:
        mem = next((int(line.split()[1]) // 1024 for line in fh if line.startswith("MemTotal")), 0)
    out = subprocess.run([str(PYTHON), "-c", "import sys, importlib.metadata as m; print(sys.version.split()[0],"
                          " m.version('mkdocs'), m.version('mkdocs-material'))"], capture_output=True, text=True)
    python, mkdocs, material = (out.stdout.split() + ["-", "-", "-"])[:3]
    return {"nproc": len(os.sched_getaffinity(0)), "memory_mb": mem, "python": python, "mkdocs": mkdocs,
            "material": material, "cpu": platform.processor() or platform.machine(),
            "load": os.getloadavg()[0]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(total bytes of all files, number of HTML pages but 404.html) under folder."""
    total = pages = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
            pages += name.endswith(".html") and name != "404.html"
    return total, pages
