"""The benchmark's output: one Markdown table of figures and ratios, and the scaling curve."""
from __future__ import annotations

from pathlib import Path

FLAT = 1.25  # per-page time at the largest size at most this times the smallest's: linear or better


def fmt(value) -> str:
    if value is None or value == "":
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if value >= 1000 else f"{value:.2f}"
    return str(value)


def table(rows: list[dict]) -> str:
    lines = ["| measurement | size | Plein | baseline | ratio | target | met | note |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        met = {True: "yes", False: "NO", None: ""}[r["ok"]]
        lines.append(f"| {r['what']} | {r['size']} | {fmt(r['plein'])} | {fmt(r['baseline'])} | "
                     f"{fmt(r['ratio'])} | {r['target']} | {met} | {r['note']} |")
    return "\n".join(lines)


def machine_line(m: dict) -> str:
    return (f"machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory_mb'] / 1024:.1f} GB memory, "
            f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['material']}; "
            f"load average {m['load']:.1f} at the start")


def scaling(points: list[dict]) -> tuple[str, str]:
    """(table, verdict) of build time, memory and output size per size."""
    lines = ["| organisation | pages | build s | ms per page | peak RSS MB | output MB | KB per page |",
             "|---|---|---|---|---|---|---|"]
    for p in points:
        lines.append(f"| {p['label']} | {p['pages']:,} | {p['seconds']:.1f} | {p['per_page_ms']:.2f} | "
                     f"{p['rss_mb']:.0f} | {p['bytes'] / 2**20:.0f} | {p['bytes'] / max(p['pages'], 1) / 1024:.1f} |")
    ordered = sorted(points, key=lambda p: p["pages"])
    if len(ordered) < 2:
        return "\n".join(lines), "scaling: one size only; give more --sizes (or keep S) for a curve"
    small, large = ordered[0], ordered[-1]
    growth = large["per_page_ms"] / small["per_page_ms"]
    verdict = (f"scaling: per-page build time {small['per_page_ms']:.2f} ms at {small['pages']:,} pages, "
               f"{large['per_page_ms']:.2f} ms at {large['pages']:,} pages (x{growth:.2f}): "
               + ("flat — linear or better" if growth <= FLAT else "NOT flat — worse than linear"))
    return "\n".join(lines), verdict


def plot(points: list[dict], path: Path) -> Path | None:
    """Build time, peak memory and output size against pages, as a PNG."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    points = sorted(points, key=lambda p: p["pages"])
    pages = [p["pages"] for p in points]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    series = (("build time (s)", [p["seconds"] for p in points]), ("peak RSS (MB)", [p["rss_mb"] for p in points]),
              ("output (MB)", [p["bytes"] / 2**20 for p in points]))
    for ax, (title, values) in zip(axes, series):
        ax.plot(pages, values, "o-")
        for p, v in zip(points, values):
            ax.annotate(p["label"], (p["pages"], v), fontsize=7, textcoords="offset points", xytext=(3, 3))
        ax.set_title(title)
        ax.set_xlabel("pages")
        ax.grid(True, alpha=.3)
    fig.suptitle("Plein build at S, M, L: linear means a straight line through the points")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
