#!/bin/sh
# Build the site into site/ with every warning an error, and check its links offline in the
# same build (ci/mkdocs-publish.yml). Only a build that passed is published.
# PLEIN_SITE_URL, when set, is the address the site is built for (feeds, sitemap, links).
# PLEIN_PUBLISHED_URL is the live site's address: links that start with '/' are checked
# against its path in every build, a merge request's preview too, so a link that would break
# on the default branch fails the merge request instead. Unset, it is PLEIN_SITE_URL on the
# default branch and GitLab's CI_PAGES_URL elsewhere.
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
if [ -z "${PLEIN_PUBLISHED_URL:-}" ]; then
  if [ "${PUBLISH:-}" = true ] || { [ -n "${CI_COMMIT_BRANCH:-}" ] && [ "${CI_COMMIT_BRANCH:-}" = "${CI_DEFAULT_BRANCH:-}" ]; }; then
    PLEIN_PUBLISHED_URL="${PLEIN_SITE_URL:-}"
  else
    PLEIN_PUBLISHED_URL="${CI_PAGES_URL:-}"
  fi
fi
export PLEIN_PUBLISHED_URL
# the addresses as the build uses them: normalised in one place (plein.site.publish)
address=$(.venv/bin/python -c 'from plein.site.publish import site_url; print(site_url(None) or "")')
echo "site address: ${address:-the one in mkdocs.yml}"
[ -z "$PLEIN_PUBLISHED_URL" ] || echo "links that start with '/' are checked against: $PLEIN_PUBLISHED_URL"
.venv/bin/plein build --strict --config-file mkdocs-publish.yml
