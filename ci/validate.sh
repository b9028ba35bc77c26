#!/bin/sh
# Check the content and the code owners, as both pipelines do. Installs like the README: make.
set -eu
make install-site
.venv/bin/plein validate
.venv/bin/plein codeowners --check
