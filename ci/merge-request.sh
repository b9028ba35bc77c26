#!/bin/sh
# The trusted merge (issue 28): decide a merge request with the publishing policy of the default
# branch and merge it at the reviewed commit, or label it for a moderator and say why.
#
# Runs ONLY in a pipeline of the default branch, on the default branch's code:
# - GitLab: a pipeline started by the pipeline trigger API from the merge-request webhook
#   (CI_PIPELINE_SOURCE "trigger"; the webhook's JSON is the file variable TRIGGER_PAYLOAD), or a
#   pipeline schedule (the sweep);
# - GitHub: .github/workflows/trusted-merge.yml (pull_request_target, schedule).
# Only the MR's number is read from the event; author, head commit, target, draft and state
# come from the forge's API. The head commit is fetched as data (`git fetch`), never checked
# out, built or run. The bot's token is PLEIN_BOT_TOKEN (protected and masked on GitLab).
#
# Usage: sh ci/merge-request.sh --event FILE | --sweep
set -eu
make install-site
case "${1:-}" in
  --event) .venv/bin/plein merge-request --event "${2:?usage: sh ci/merge-request.sh --event FILE}" ;;
  --sweep) .venv/bin/plein merge-request --sweep ;;
  *) echo "usage: sh ci/merge-request.sh --event FILE | --sweep" >&2; exit 2 ;;
esac
