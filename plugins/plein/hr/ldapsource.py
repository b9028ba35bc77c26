"""Active Directory, or any LDAP v3 server, into entries through ldap3.

The bind DN and password come from the environment (PLEIN_LDAP_BIND_DN, PLEIN_LDAP_PASSWORD),
never from mkdocs.yml. Managers are DNs; a person is disabled when AD's userAccountControl has
bit 2 (ACCOUNTDISABLE) set, or, with `disabled_values`, when the attribute mapped to 'disabled'
holds one of those values (for directories without AD's schema).
"""
from __future__ import annotations

import os

from ..errors import FatalError
from ..model.names import shown
from .config import HrConfig
from .records import (Entry, Rejected, check_all, check_entry, parse_date, refuse_bad_handle,
                      refuse_bad_username)

ACCOUNTDISABLE = 0x2
PAGE = 500  # AD returns at most 1,000 entries a page


def read_ldap(url: str, config: HrConfig) -> list[Entry]:
    import ldap3
    from ldap3.core.exceptions import LDAPException

    if not config.base:
        raise FatalError("mkdocs.yml: plugins: plein: hr: ldap: base is not set. Fix: set it to the "
                         "DN under which the people are, e.g. ou=people,dc=gemeente,dc=example")
    wanted = [a for a in config.attributes.values() if a]
    try:
        server = ldap3.Server(url, get_info=ldap3.NONE, connect_timeout=15)
        conn = ldap3.Connection(server, user=os.environ.get("PLEIN_LDAP_BIND_DN") or None,
                                password=os.environ.get("PLEIN_LDAP_PASSWORD") or None,
                                read_only=True, receive_timeout=120, raise_exceptions=True)
        conn.bind()
        results = conn.extend.standard.paged_search(config.base, config.filter, attributes=wanted,
                                                    paged_size=PAGE, generator=True)
        found = [(r["dn"], r["attributes"]) for r in results if r.get("type") == "searchResEntry"]
        outcome = conn.result or {}
        conn.unbind()
    except LDAPException as err:
        raise FatalError(f"{url}: the LDAP search failed ({type(err).__name__}: {err}). Fix: check the "
                         "URL, hr: ldap: base and filter in mkdocs.yml, and PLEIN_LDAP_BIND_DN and "
                         "PLEIN_LDAP_PASSWORD") from None
    if outcome.get("result", 0) != 0:  # e.g. sizeLimitExceeded: a part of the people only
        raise FatalError(f"{url}: the directory stopped after {len(found):,} people "
                         f"({outcome.get('description')}), so nothing was written. Fix: allow the account "
                         "in PLEIN_LDAP_BIND_DN to read everyone (its size limit), or bind with one that may")
    if not found:
        raise Rejected(url, [f"{url}: no one matches the filter {config.filter} under {config.base}. "
                             "Fix: check hr: ldap: base and filter in mkdocs.yml"])
    entries, problems = [], []
    for dn, attributes in found:
        entry, trouble = _entry(dn, attributes, config)
        entries.append(entry)
        problems.extend(trouble)
    problems.extend(p for e in entries for p in check_entry(e))
    problems.extend(check_all(entries))
    if problems:
        raise Rejected(url, problems)
    return entries


def _entry(dn: str, attributes: dict, config: HrConfig) -> tuple[Entry, list[str]]:
    where = f"ldap: {shown(dn, 300)}"
    folded = {k.casefold(): v for k, v in attributes.items()}

    def get(fld: str) -> str:
        name = config.attributes.get(fld)
        value = folded.get(name.casefold()) if name else None
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return "" if value is None else str(value).strip()

    problems, dates = [], {}
    for fld in ("started", "left"):
        try:
            dates[fld] = parse_date(get(fld))
        except ValueError as bad:
            problems.append(f"{where}: the {fld} date {bad}. Fix: correct {config.attributes[fld]}")
            dates[fld] = None
    entry = Entry(key=_dn_key(dn), where=where, name=get("name"), email=get("email"), role=get("role"),
                  team=get("team"), manager=_dn_key(get("manager")) if get("manager") else "",
                  started=dates["started"], left=dates["left"], handle=get("handle"),
                  disabled=_disabled(get("disabled"), config), forge_username=get("forge_username"))
    fix = (f"correct the attribute {config.attributes.get('handle')} of this entry, or leave it "
           "empty to derive the handle from the name")
    username_fix = (f"correct the attribute {config.attributes.get('forge_username')} of this entry "
                    "(the person's GitLab or GitHub sign-in), or map forge_username to the attribute "
                    "that holds it under hr: ldap: attributes in mkdocs.yml")
    entry = refuse_bad_handle(entry, fix)
    return refuse_bad_username(entry, username_fix, config.username_normalization), problems


def _dn_key(dn: str) -> str:
    """DNs compare without case and spaces after commas: 'CN=Jan, OU=x' is 'cn=jan,ou=x'."""
    return ",".join(part.strip() for part in dn.split(",")).casefold()


def _disabled(value: str, config: HrConfig) -> bool:
    if not value:
        return False
    if config.disabled_values:
        return value.casefold() in {v.casefold() for v in config.disabled_values}
    try:
        return bool(int(value) & ACCOUNTDISABLE)
    except ValueError:
        return False
