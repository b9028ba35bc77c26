"""The static search of the site. (Stub: being written; the plugin calls these hooks.)"""
from __future__ import annotations


class SiteSearch:
    def __init__(self, plugin_config, config, root):
        self.plugin_config, self.root = plugin_config, root

    def on_config(self, config) -> None:
        pass

    def on_files(self, org, files, config):
        return files

    def on_post_build(self, org, config) -> None:
        pass
