#!/bin/sh
# E-mail from the intranet: `sh ci/digest.sh weekly` or `daily` sends that period's digest;
# `sh ci/digest.sh questions` (after a merge) asks the people who know a newly published
# question's topics whether they can help; `sh ci/digest.sh instant` (after a merge) tells an
# asker of a reply, and whoever a reply, question or update names with @handle (plein notify).
#
# The SMTP server comes from CI variables, never from the repository: PLEIN_SMTP_HOST,
# PLEIN_SMTP_PORT (587: STARTTLS, 465: implicit TLS), PLEIN_SMTP_USER, PLEIN_SMTP_PASSWORD
# (masked), PLEIN_MAIL_FROM and optionally PLEIN_SMTP_SECURITY (starttls or tls).
# Without PLEIN_SMTP_HOST nothing is sent and the job passes.
#
# The send log, .plein-cache/digest/sent.jsonl, must survive to the next pipeline (both CI
# files keep it in a cache): with it, a job that stopped halfway and runs again sends nobody
# a second e-mail.
set -eu
what="${1:-weekly}"
if [ -z "${PLEIN_SMTP_HOST:-}" ]; then
  echo "PLEIN_SMTP_HOST is not set, so no e-mail is sent. Set PLEIN_SMTP_HOST, PLEIN_SMTP_PORT," \
       "PLEIN_SMTP_USER, PLEIN_SMTP_PASSWORD and PLEIN_MAIL_FROM as CI variables."
  exit 0
fi
make install
case "$what" in
  questions) .venv/bin/plein digest --new-questions ;;
  instant) .venv/bin/plein notify ;;
  weekly|daily) .venv/bin/plein digest --period "$what" ;;
  *) echo "ci/digest.sh: unknown '$what'; use weekly, daily, questions or instant" >&2; exit 1 ;;
esac
