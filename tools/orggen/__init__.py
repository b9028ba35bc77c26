"""Shared code of tools/generate-org (synthetic organisations of any size) and
tools/generate-example (the bundled example, Gemeente Wetterveen): names, vocabulary,
text generation, YAML and front-matter formatting, avatars and git history."""
