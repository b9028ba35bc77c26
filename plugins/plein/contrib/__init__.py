"""Shared logic of the contribution commands (`plein ask`, `reply`, `update`, `kudos`, `news`,
`new profile`): settings from mkdocs.yml, the files they write, and the branch-commit-push flow."""
