"""Pages generated from the model. (Stub: being written.)"""
from __future__ import annotations


class Site:
    def __init__(self, plugin_config, config, root, now):
        self.plugin_config, self.root, self.now = plugin_config, root, now

    def on_files(self, org, history, files):
        return files

    def on_page_context(self, context, page):
        return context
