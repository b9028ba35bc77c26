"""Plein's options in mkdocs.yml, read by one typed reader (settings) for every command and
part that needs them: contributions, review and the publishing policy, the digest, search.
Placed low, so that every part that reads options may import it. May import the model."""
