"""Search: documents from the model, the Whoosh index and its store, the one ranking (rank) for
the command line (engine) and the browser (export, browser/), the site's search box (site),
related content and who-knows, and search following `plein serve` (follow).
May import the model, git and the site's addresses (site.links) and file writing (site.replace).
"""
