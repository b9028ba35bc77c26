"""Shared logic of the contribution commands (`plein ask`, `reply`, `update`, `kudos`, `news`,
`new profile`): settings from mkdocs.yml, the files they write (drafts), the questions they
ask (prompts), the text kept until it is sent (unsent), the branch-commit flow (flow) and the
push (send), and CODEOWNERS. May import the model and git."""
