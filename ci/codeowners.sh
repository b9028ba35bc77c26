#!/bin/sh
# CODEOWNERS generated again from profiles/ and content/teams/; when that changes them, a
# branch plein/codeowners/... with a merge request for the moderators. Run by the
# `codeowners` job on the default branch (see gitlab-ci.yml), with PLEIN_PUSH_TOKEN.
set -eu
make install
git config user.name "Plein"
git config user.email "plein@${CI_SERVER_HOST:-localhost}"
git remote set-url origin "https://plein:${PLEIN_PUSH_TOKEN:?set the CI/CD variable PLEIN_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
.venv/bin/plein codeowners --push
