"""Shared logic of the contribution commands (`plein ask`, `reply`, `update`, `kudos`, `news`,
`new profile`): settings from mkdocs.yml, the files they write, the branch-commit-push flow,
and CODEOWNERS. May import the model and git."""
