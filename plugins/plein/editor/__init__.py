"""The web editor (Decap CMS) at bewerken/: its config.yml made from the field declarations
(config), its files on the site (site), its words (words) and its browser side (browser/:
Plein's file format, people and team pickers over the static search index, the author).
May import the model, git, the site and search.
"""
