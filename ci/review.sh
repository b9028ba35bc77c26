#!/bin/sh
# The review report of a merge request: review/review.md for people, and GitLab's Code Quality
# report review/gl-code-quality-report.json. Usage: sh ci/review.sh BASE (the target's commit).
# Who pushed (GITLAB_USER_LOGIN, GITHUB_ACTOR) is information only: the MR's own pipeline can set
# those variables, so nothing here decides a merge (ci/merge-request.sh does). The forge usernames of moderators and communications, who may change others'
# files, come from the CI/CD variable PLEIN_MODERATORS (comma separated).
set -eu
base="${1:?usage: sh ci/review.sh BASE-COMMIT}"
make install-site
.venv/bin/plein review --base "$base" --output review/review.md
.venv/bin/plein review --base "$base" --format codequality --output review/gl-code-quality-report.json
cat review/review.md
# The publishing decision, for the author's information: this job fails on `refuse` (and on
# errors in the report). It merges nothing; only the trusted job (ci/merge-request.sh, on the
# default branch's code) decides what is merged.
.venv/bin/plein review --base "$base" --format json --output review/decision.json --strict
