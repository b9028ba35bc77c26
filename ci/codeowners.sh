#!/bin/sh
# CODEOWNERS generated again from profiles/ and content/teams/; when that changes them, a
# branch plein/codeowners/... with a merge request for the moderators. Run by the
# `codeowners` job on the default branch (see gitlab-ci.yml), with PLEIN_PUSH_TOKEN (scoped to
# the environment plein/codeowners, so no other job holds it). Installs what it runs only.
set -eu
if [ -z "${PLEIN_PUSH_TOKEN:-}" ]; then
  echo "PLEIN_PUSH_TOKEN is not set, so CODEOWNERS is not brought up to date here. Fix: add the" \
       "CI/CD variable PLEIN_PUSH_TOKEN (environment plein/codeowners), or run 'plein codeowners --push' by hand."
  exit 0
fi
make install-site
git config user.name "Plein"
git config user.email "plein@${CI_SERVER_HOST:-localhost}"
git remote set-url origin "https://plein:${PLEIN_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
.venv/bin/plein codeowners --push
