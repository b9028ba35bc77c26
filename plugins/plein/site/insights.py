"""The Insights page's CSV download: its figures, written only when the page is made.

The file is generated like the page, but its bytes are made when MkDocs copies it, and only
if the page's fingerprint changed (see pagedeps): an unchanged build computes no figures."""
from __future__ import annotations

from mkdocs.structure.files import File

from ..insights.table import to_csv
from . import links as L
from .replace import replace_if_changed


class FiguresCsv(File):
    site = page_file = None

    def is_modified(self) -> bool:
        return getattr(self.page_file, "changed", True)

    @property
    def content_bytes(self) -> bytes:
        return to_csv(self.site.views.figures).encode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        replace_if_changed(self.abs_dest_path, self.content_bytes)


def csv_file(config, site, page_file) -> File:
    """The CSV beside the Insights page `page_file`, made from `site.views` when copied."""
    f = FiguresCsv.generated(config, L.INSIGHTS_CSV, content=b"")
    f.site, f.page_file = site, page_file
    return f
