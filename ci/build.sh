#!/bin/sh
# Build the site into site/ with every warning an error, and check its links offline in the
# same build (ci/mkdocs-publish.yml). Only a build that passed is published.
# PLEIN_SITE_URL, when set, is the address the site is published at (feeds, sitemap, links).
set -eu
make install-site
# the web editor (bewerken/): Decap CMS from npm, pinned by package-lock.json
[ -f node_modules/decap-cms/dist/decap-cms.js ] || make node
cp ci/mkdocs-publish.yml mkdocs-publish.yml
trap 'rm -f mkdocs-publish.yml' EXIT
echo "site address: ${PLEIN_SITE_URL:-the one in mkdocs.yml}"
.venv/bin/plein build --strict --config-file mkdocs-publish.yml
