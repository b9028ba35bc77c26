#!/bin/sh
# Build the site into site/ with every warning an error, and check its links offline in the
# same build (ci/mkdocs-publish.yml). Only a build that passed is published.
# PLEIN_SITE_URL, when set, is the address the site is built for (feeds, sitemap, links).
# PLEIN_PUBLISHED_URL is the live site's address (GitHub's workflow sets it; on GitLab it is
# CI_PAGES_URL unless set). A merge request's preview without an address of its own is built
# for http://127.0.0.1:8000 at the live site's path (plein.site.publish.preview_url), so links
# that start with '/' are checked as on the live site: one that would break on the default
# branch fails the merge request instead. The preview still opens at http://127.0.0.1:8000/.
#
# Byte-stable: one commit gives the same site in any clone, at any path. MkDocs' own dates
# (the sitemap's lastmod, the time in sitemap.xml.gz) are the commit's (SOURCE_DATE_EPOCH),
# not the clock's; only what the content schedules by the clock (news, the insights' day)
# changes with time. tests/test_byte_stable.py builds one commit in two clones and compares.
set -eu
make install-site
# the web editor (bewerken/): Decap CMS from npm, pinned by package-lock.json
[ -f node_modules/decap-cms/dist/decap-cms.js ] || make node
cp ci/mkdocs-publish.yml mkdocs-publish.yml
trap 'rm -f mkdocs-publish.yml' EXIT
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
  export SOURCE_DATE_EPOCH
fi
published="${PLEIN_PUBLISHED_URL:-${CI_PAGES_URL:-}}"
if [ -z "${PLEIN_SITE_URL:-}" ] && [ -n "$published" ] && [ "${PUBLISH:-}" != true ] \
   && { [ -z "${CI_COMMIT_BRANCH:-}" ] || [ "${CI_COMMIT_BRANCH:-}" != "${CI_DEFAULT_BRANCH:-}" ]; }; then
  PLEIN_SITE_URL=$(.venv/bin/python -c 'import sys; from plein.site.publish import preview_url; print(preview_url(sys.argv[1]))' "$published")
  export PLEIN_SITE_URL
  echo "a preview of $published"
fi
# the address as the build uses it: normalised in one place (plein.site.publish)
address=$(.venv/bin/python -c 'from plein.site.publish import site_url; print(site_url(None) or "")')
echo "site address: ${address:-the one in mkdocs.yml}"
# --move: the cache's copy of the site becomes site/, which the pipeline's cache keeps with
# .plein-cache; the next job's build takes it back and writes only what changed. No second
# copy and no 91,000 links at L (the job ends after this; a failed build fails the job, and
# the runner then keeps the last good cache).
.venv/bin/plein build --strict --move --config-file mkdocs-publish.yml
