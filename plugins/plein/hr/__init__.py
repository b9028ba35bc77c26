"""The organisation from HR (`plein import`): a CSV export or an LDAP directory read into HR
entries, matched to the profiles as joiners, movers, leavers and returners, and written as
line edits of only the fields HR owns. May import the model, git and contrib."""
