"""The `hr:` options of the plein plugin in mkdocs.yml: which column or attribute holds what,
which fields HR owns, and how many leavers one import may make."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import FatalError

FIELDS = ("handle", "name", "email", "role", "team", "manager", "started", "left", "disabled",
          "forge_username")
# forge_username is owned by default with the others. It only ever fills or changes a profile
# when the source has a value for it: a CSV without the column, an LDAP mapping without the
# attribute, or an empty cell leave it exactly as it is, so owning it costs nothing where HR has
# no usernames. Where HR does (the forge signs in through the same directory, so
# sAMAccountName or uid *is* the username), HR's value is the one that is right: it gives the
# 48 of 52 people without one an identity that may publish, and a profile edit that claims
# someone else's username is put back by the next import. `fields:` without it leaves the
# usernames of existing profiles to staff; new colleagues still get HR's.
OWNABLE = ("name", "email", "role", "team", "manager", "started", "left", "forge_username")
# No default attribute for forge_username: which one holds the forge's sign-in name differs
# (GitLab and GitHub Enterprise with LDAP sign-in usually use sAMAccountName or uid), and a
# guess would write wrong identities. Set `ldap: attributes: forge_username: sAMAccountName`.
AD_ATTRIBUTES = {"name": "displayName", "email": "mail", "role": "title", "team": "department",
                 "manager": "manager", "started": "whenCreated", "disabled": "userAccountControl"}
AD_FILTER = "(&(objectCategory=person)(objectClass=user))"
# GitHub Enterprise Server makes a username of the directory's by turning every character but
# letters and digits into '-' (j.devries signs in as j-devries); GitLab keeps '.', '_' and '-'.
NORMALIZATIONS = ("none", "github")
WHERE = "mkdocs.yml: plugins: plein: hr"


@dataclass(frozen=True)
class HrConfig:
    columns: dict = field(default_factory=dict)  # field -> CSV column name
    base: str = ""
    filter: str = AD_FILTER
    attributes: dict = field(default_factory=lambda: dict(AD_ATTRIBUTES))
    disabled_values: tuple[str, ...] = ()  # empty: AD's userAccountControl bit 2 (ACCOUNTDISABLE)
    owned: tuple[str, ...] = OWNABLE
    max_leavers: float = 10.0  # percent of the people in Plein
    username_normalization: str = "none"  # or "github": as GitHub Enterprise Server makes them


def from_options(options: dict | None) -> HrConfig:
    """The HrConfig of the `hr:` mapping; every mistake in it is named at once."""
    options = dict(options or {})
    problems: list[str] = []
    csv = _mapping(options.pop("csv", {}), "csv", problems)
    ldap = _mapping(options.pop("ldap", {}), "ldap", problems)
    columns = {f: str(csv.get(f) or f) for f in FIELDS}
    _unknown(csv, FIELDS, "csv", problems)
    attributes = dict(AD_ATTRIBUTES)
    attributes.update({k: str(v) for k, v in _mapping(ldap.pop("attributes", {}), "ldap: attributes",
                                                       problems).items()})
    _unknown(attributes, FIELDS, "ldap: attributes", problems)
    base, filter_ = str(ldap.pop("base", "")), str(ldap.pop("filter", AD_FILTER))
    disabled = ldap.pop("disabled_values", [])
    _unknown(ldap, ("disabled_values",), "ldap", problems)
    owned = options.pop("fields", list(OWNABLE))
    if not isinstance(owned, list) or any(f not in OWNABLE for f in owned):
        problems.append(f"{WHERE}: fields: {owned!r} is not a list of fields HR may own. "
                        f"Fix: list some of {', '.join(OWNABLE)}; staff own the others")
        owned = list(OWNABLE)
    share = options.pop("max_leavers", 10)
    if not isinstance(share, (int, float)) or isinstance(share, bool) or not 0 <= share <= 100:
        problems.append(f"{WHERE}: max_leavers: {share!r} is not a percentage. "
                        "Fix: write a number between 0 and 100, e.g. 10")
        share = 10
    normalization = options.pop("username_normalization", "none")
    if normalization not in NORMALIZATIONS:
        problems.append(f"{WHERE}: username_normalization: {normalization!r} is not one of "
                        f"{', '.join(NORMALIZATIONS)}. Fix: write github when the forge is GitHub "
                        "Enterprise Server with LDAP or SAML sign-in, else leave it out")
        normalization = "none"
    _unknown(options, ("csv", "ldap", "fields", "max_leavers", "username_normalization"), "", problems)
    if problems:
        raise FatalError("the import settings in mkdocs.yml have problems:\n" + "\n".join(problems))
    return HrConfig(columns, base, filter_, attributes, tuple(str(v) for v in disabled or ()),
                    tuple(owned), float(share), normalization)


def _mapping(value, where: str, problems: list[str]) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(f"{WHERE}: {where}: must be a mapping of names to values")
        return {}
    return dict(value)


def _unknown(mapping: dict, known, where: str, problems: list[str]) -> None:
    for key in mapping:
        if key not in known:
            problems.append(f"{WHERE}: {where + ': ' if where else ''}unknown option '{key}'. "
                            f"Fix: use one of {', '.join(known)}")
