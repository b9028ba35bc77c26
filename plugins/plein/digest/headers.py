"""What goes into a mail header: addresses as email.headerregistry.Address objects, made by
the email package's own parser, and names and subjects as one line of plain text.

- The From address comes only from the configured sender (PLEIN_MAIL_FROM, else noreply@
  the site's host). `site_name` is only ever a name shown beside it, with anything that
  looks like an address taken out: "Intranet <evil@attacker.example>" shows as "Intranet".
- A recipient's address must be exactly one plain address, user@host. A comma, a colon,
  angle brackets, a comment or a line break (which would add recipients or headers) make it
  unusable: that person is skipped with a warning naming their profile, never mailed.
- Text from staff (names, titles) is one line without control characters, so it cannot
  start a header of its own; the message's policy (email.policy.default) refuses a line
  break anyway, and that refusal is turned into Unsafe, a warning, too."""
from __future__ import annotations

import re
from email import policy
from email.errors import MessageError
from email.headerregistry import Address


class Unsafe(Exception):
    """A message that cannot be built safely: its person is not mailed; the run warns and goes on."""


# Line breaks are whitespace (str.split); these are the rest: C0 and C1 controls, DEL, and the
# invisible marks that show text in another order than it is written (U+202E).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A dot-atom user and a host name: the one form every server reads as one address.
_USER = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*$")
# In a name: anything in angle brackets, and any word with an at sign (also the full-width
# ones) or a mailto: in it.
_ADDRESS_LIKE = re.compile(r"<[^<>]*>?|[^\s<>]*(?:[@\uff20\ufe6b]|mailto:)[^\s<>]*|[<>]", re.I)


def one_line(text, limit: int = 200) -> str:
    """Header-safe text: every run of whitespace (line breaks included) becomes one space, and
    control and direction characters are dropped."""
    text = _CONTROL.sub("", " ".join(str(text).split()))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shown(text) -> str:
    """Text for a warning on a terminal: what cannot be printed as its escape."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in str(text))


def display_name(text) -> str:
    """A name to show beside an address, never an address itself."""
    return " ".join(_ADDRESS_LIKE.sub(" ", one_line(text)).split())


def plain_address(text) -> Address:
    """Exactly one plain address, user@host, parsed by the email package; else ValueError."""
    bad = ValueError(f"'{shown(text)}' is not one plain e-mail address")
    if not isinstance(text, str) or not text.isascii():
        raise bad
    try:
        address = Address(addr_spec=text)
    except (ValueError, IndexError, MessageError):
        raise bad from None
    if address.addr_spec != text or not _USER.match(address.username) or not _HOST.match(address.domain) \
            or "=?" in text:
        raise bad  # a comment, quotes, an address literal, an encoded word: not what staff mean
    return address


def recipient(name: str, email: str) -> Address:
    address = plain_address(email)
    return Address(display_name=display_name(name), username=address.username, domain=address.domain)


def sender(configured: str | None, site_name: str, host: str) -> Address:
    """The From: the configured sender's one address, with its own name or else the site's
    name; without a configured sender, noreply@host. ValueError when it is not one address."""
    name = display_name(site_name)
    if not configured or not configured.strip():
        address = plain_address(f"noreply@{host}")
    else:
        text = configured.strip()
        wrong = ValueError(f"'{shown(text)}' is not one e-mail address like 'Intranet <intranet@example.org>'")
        if _CONTROL.search(text) or len(text.splitlines()) > 1:
            raise wrong
        try:
            header = policy.default.header_factory("from", text)
            addresses = header.addresses
        except (ValueError, IndexError, MessageError):
            raise wrong from None
        if header.defects or len(addresses) != 1:
            raise wrong
        try:
            address = plain_address(addresses[0].addr_spec)
        except ValueError:
            raise wrong from None
        name = display_name(addresses[0].display_name) or name
    return Address(display_name=name, username=address.username, domain=address.domain)


def envelope(msg) -> tuple[str, list[str]]:
    """The SMTP envelope of a message Plein made: its one sender and its one recipient, read
    from the Address objects of its headers (never from a header's text)."""
    senders, recipients = msg["From"].addresses, msg["To"].addresses
    if len(senders) != 1 or len(recipients) != 1 or msg["Cc"] is not None or msg["Bcc"] is not None:
        raise Unsafe("a message must have one sender and one recipient")
    return senders[0].addr_spec, [recipients[0].addr_spec]
