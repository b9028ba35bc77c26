"""The site: pages generated from the model as MkDocs files (render, plan, views, templates),
their addresses (links), the figures pages share (facts), feeds, photos published, free text
made safe (sanitize), Dutch and English words (i18n), and the page cache (pagecache, pagedeps).
May import the model and git.
"""
