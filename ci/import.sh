#!/bin/sh
# The nightly HR import, as both pipelines run it: people from HR as one merge request with
# the joiners, movers, leavers and returners (see the Help page Publiceren / Publishing,
# "Collega's uit HR" / "Colleagues from HR").
#   PLEIN_HR_SOURCE      ldaps://ad.gemeente.example (LDAP/AD), or the path of a CSV export
#   PLEIN_LDAP_BIND_DN   the service account that reads the directory (LDAP only)
#   PLEIN_LDAP_PASSWORD  its password (LDAP only); a masked, protected CI variable or secret
# The pipeline gives the job a remote it may push to. Nothing changed: no branch, no MR.
# Installs what it runs only (`make install-site`: no test tools, no npm).
set -eu
: "${PLEIN_HR_SOURCE:?set PLEIN_HR_SOURCE to ldaps://<your directory> or the path of the CSV export}"
make install-site
git config user.name "${PLEIN_IMPORT_NAME:-HR import}"
git config user.email "${PLEIN_IMPORT_EMAIL:-hr-import@noreply.invalid}"
.venv/bin/plein import "$PLEIN_HR_SOURCE" --yes
