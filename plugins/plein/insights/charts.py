"""Static SVG charts of the figures, made at build time with pygal.

Why pygal: pure Python (no browser engine or native renderer in the build: vl-convert-python
embeds V8 and a Rust renderer, a 50 MB wheel, for the same few bar and line charts), it
writes SVG directly, and its styles are inlined. It is set up to load nothing: no tooltip
script (pygal would link one from its project site), no fonts. Its random chart id is replaced
by a fixed one and its comment with today's date is dropped, so a chart is the same bytes
for the same figures. Each chart is described for screen readers by `role="img"` and its
title; the page shows every chart's numbers in a table beside it."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pygal
from pygal.etree import etree as pygal_etree
from pygal.style import Style

# pygal builds its tree with lxml when that is installed (the link check uses it): the
# standard library's, which this module edits and writes, gives the same charts either way
pygal_etree.to_etree()

# colours with at least 3:1 contrast against white (WCAG 2.1 non-text contrast)
COLOURS = ("#1f5fa8", "#b3541e", "#2e7d32", "#7b3fa0", "#a3195b", "#00696f")
STYLE = Style(background="white", plot_background="white", foreground="#222", foreground_strong="#000",
              foreground_subtle="#555", colors=COLOURS, opacity="1", opacity_hover="1",
              font_family="system-ui, sans-serif", label_font_size=12, major_label_font_size=12,
              legend_font_size=13, title_font_size=15, value_font_size=11, tooltip_font_size=12)
BASE = dict(style=STYLE, js=(), disable_xml_declaration=True, width=820, height=380,
            legend_at_bottom=True, legend_at_bottom_columns=3, truncate_legend=-1,
            show_minor_x_labels=True, print_values=False, explicit_size=False,
            margin=16, margin_bottom=30, spacing=12, no_data_text="–")  # (room for the legend's descenders)


def svg(chart, name: str) -> str:
    """The chart as an inline <svg> element with a fixed id and nothing from outside."""
    chart.uuid = f"plein-{name}"
    root = chart.render_tree()
    for node in [n for n in root if n.tag is ET.Comment]:
        root.remove(node)
    # pygal's config for its tooltip script (not loaded) and the tooltip's hidden box (style
    # attribute): used by nothing, and the page's Content-Security-Policy blocks both
    for parent in list(root.iter()):
        for node in [n for n in parent if n.tag == "script" or "tooltip-overlay" in n.get("class", "")]:
            parent.remove(node)
    root.set("role", "img")
    root.set("aria-labelledby", f"{name}-title")  # the page's <figcaption>
    root.set("class", "plein-chart__svg")
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def _ticks(series) -> list[int]:
    """Whole-number ticks for counts: pygal would label 0.2, 0.4, … below 1."""
    top = max([v for _, values in series for v in values if v is not None] + [1])
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**4, 10**5, 10**6, 10**9)
                if top / s <= 8)
    return list(range(0, top + step, step))


def _bars(kind, labels, series, *, percent=False, counts=True, **options):
    chart = kind(**{**BASE, **options})  # no title: the page's caption is the chart's name
    chart.x_labels = labels
    if percent:
        chart.range = (0, 100)
        chart.value_formatter = lambda v: f"{v:.0f}%"
    elif counts:
        chart.y_labels = _ticks(series)
    for name, values in series:
        chart.add(name, values)
    return chart


def make(figures: dict, t) -> dict[str, str]:
    """name -> SVG of every chart; `t` gives the words (see site/i18n.py)."""
    months = figures["months"]
    labels = [m["month"] for m in months]
    out = {
        "people": _bars(pygal.Bar, labels,
                        [(t("ins_contributors"), [m["contributors"] for m in months]),
                         (t("ins_new_profiles"), [m["new_profiles"] for m in months])],
                        x_label_rotation=45),
        "activity": _bars(pygal.Line, labels,
                          [(t(f"ins_{k}"), [m[k] for m in months])
                           for k in ("questions", "replies", "updates", "kudos")],
                          x_label_rotation=45, dots_size=2),
    }
    quarters = figures["answers"]["quarters"]
    out["answers"] = _bars(pygal.Bar, [q["quarter"] for q in quarters],
                           [(t("ins_first_reply"), [q["median_hours_first_reply"] for q in quarters]),
                            (t("ins_accepted_after"), [q["median_hours_accepted"] for q in quarters])],
                           counts=False)
    p = figures["profiles"]
    kinds = ("expertise", "photo", "bio", "manager")
    out["profiles"] = _bars(pygal.HorizontalBar, [t(f"ins_with_{k}") for k in kinds],
                            [(t("ins_share_active"), [p[f"with_{k}_share"] for k in kinds])],
                            percent=True, show_legend=False, height=260)
    topics = figures["topics"]
    if topics:
        out["topics"] = _bars(pygal.HorizontalBar, [r["topic"] for r in topics][::-1],
                              [(t("ins_questions"), [r["questions"] for r in topics][::-1]),
                               (t("ins_answered"), [r["answered"] for r in topics][::-1])],
                              height=max(260, 60 + 28 * len(topics)))
    return {name: svg(chart, name) for name, chart in out.items()}
