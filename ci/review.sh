#!/bin/sh
# The review report of a merge request: review/review.md for people, and GitLab's Code Quality
# report review/gl-code-quality-report.json. Usage: sh ci/review.sh BASE (the target's commit).
# Who pushed (GITLAB_USER_LOGIN, GITHUB_ACTOR) decides whether each staff-written file is by the
# person it names; the forge usernames of moderators and communications, who may change others'
# files, come from the CI/CD variable PLEIN_MODERATORS (comma separated).
set -eu
base="${1:?usage: sh ci/review.sh BASE-COMMIT}"
make install-site
.venv/bin/plein review --base "$base" --output review/review.md
.venv/bin/plein review --base "$base" --format codequality --output review/gl-code-quality-report.json
cat review/review.md
