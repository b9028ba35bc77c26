#!/bin/sh
# E-mail from the intranet: `sh ci/digest.sh weekly` or `daily` sends that period's digest;
# `sh ci/digest.sh questions` (after a merge) asks the people who know a newly published
# question's topics whether they can help; `sh ci/digest.sh instant` (after a merge) tells an
# asker of a reply, and whoever a reply, question or update names with @handle (plein notify).
#
# The SMTP server comes from CI variables, never from the repository: PLEIN_SMTP_HOST,
# PLEIN_SMTP_PORT (587: STARTTLS, 465: implicit TLS), PLEIN_SMTP_USER, PLEIN_SMTP_PASSWORD
# (masked), PLEIN_MAIL_FROM and optionally PLEIN_SMTP_SECURITY (starttls or tls).
# A digest (weekly, daily) runs because its schedule says it is due: without PLEIN_SMTP_HOST
# the job fails, saying what to set, so that nobody believes it was sent. After a merge
# (questions, instant) there may be nothing to send, so without PLEIN_SMTP_HOST it only says so.
# It installs what it runs only (`make install-site`: no test tools, no npm).
#
# The send log, .plein-cache/digest/sent.jsonl, must survive to the next pipeline (both CI
# files keep it in a cache): with it, a job that stopped halfway and runs again sends nobody
# a second e-mail.
set -eu
what="${1:-weekly}"
case "$what" in
  questions|instant|weekly|daily) ;;
  *) echo "ci/digest.sh: unknown '$what'; use weekly, daily, questions or instant" >&2; exit 1 ;;
esac
if [ -z "${PLEIN_SMTP_HOST:-}" ]; then
  case "$what" in
    weekly|daily)
      echo "ci/digest.sh: the $what digest is due, but PLEIN_SMTP_HOST is not set, so it cannot be sent." \
           "Fix: set PLEIN_SMTP_HOST, PLEIN_SMTP_PORT, PLEIN_SMTP_USER, PLEIN_SMTP_PASSWORD and" \
           "PLEIN_MAIL_FROM as CI variables, or remove the digest's schedule." >&2
      exit 1 ;;
  esac
  echo "PLEIN_SMTP_HOST is not set, so no e-mail is sent. Set PLEIN_SMTP_HOST, PLEIN_SMTP_PORT," \
       "PLEIN_SMTP_USER, PLEIN_SMTP_PASSWORD and PLEIN_MAIL_FROM as CI variables."
  exit 0
fi
make install-site
case "$what" in
  questions) .venv/bin/plein digest --new-questions ;;
  instant) .venv/bin/plein notify ;;
  weekly|daily) .venv/bin/plein digest --period "$what" ;;
esac
