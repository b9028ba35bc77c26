#!/bin/sh
# Refuse to publish a site that points at a local address: its feeds, sitemap and canonical
# links would lead readers nowhere. Addresses only: a page may well mention 127.0.0.1 in its text.
# Usage: sh ci/published.sh SITE-FOLDER.
set -eu
site="${1:?usage: sh ci/published.sh SITE-FOLDER}"
local=$(grep -rlE "(=\"?|<loc>|<id>)https?://(127\.0\.0\.1|localhost|0\.0\.0\.0)[:/]" "$site" --include='*.html' --include='*.xml' | head -5)
if [ -n "$local" ]; then
  echo "$site: pages point at a local address, e.g. $(echo "$local" | head -1)." >&2
  echo "Fix: set the CI/CD variable PLEIN_SITE_URL to the published address, or turn on Pages so that CI_PAGES_URL is set." >&2
  exit 1
fi
if ! grep -qE "<loc>https?://[^<]+</loc>" "$site/sitemap.xml"; then
  echo "$site/sitemap.xml: no absolute addresses. Fix: set PLEIN_SITE_URL to the published address (https://...)." >&2
  exit 1
fi
echo "$site: every address is the published one"
