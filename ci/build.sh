#!/bin/sh
# Build the site into site/ with every warning an error. Only a build that passed is published.
set -eu
make install
if .venv/bin/python -c "import plein.commands.build" 2>/dev/null; then
  .venv/bin/plein build --strict
else
  .venv/bin/mkdocs build --strict
fi
