"""Where messages go: an SMTP server (STARTTLS or implicit TLS, its address and login from
environment variables, never from the repository), or a folder of .eml files (--dry-run).

A recipient the server refuses (or a message it rejects) raises Refused: it is reported and
the run goes on. A server that cannot be reached or drops the connection raises Broken: the
run stops, and the send log lets the next run carry on where it stopped."""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from ..errors import FatalError
from .headers import Unsafe, envelope

ENV = {"host": "PLEIN_SMTP_HOST", "port": "PLEIN_SMTP_PORT", "user": "PLEIN_SMTP_USER",
       "password": "PLEIN_SMTP_PASSWORD", "security": "PLEIN_SMTP_SECURITY", "sender": "PLEIN_MAIL_FROM",
       "ca_file": "PLEIN_SMTP_CA_FILE"}
SECURITY = ("starttls", "tls", "none")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


class Refused(Exception):
    """This message was not accepted; others may be."""


class Broken(Exception):
    """The server cannot be used any more."""


@dataclass
class Smtp:
    host: str
    port: int
    security: str = "starttls"
    user: str = ""
    password: str = ""
    ca_file: str = ""
    timeout: float = 60

    def __post_init__(self):
        self.conn = None

    def _context(self):
        return ssl.create_default_context(cafile=self.ca_file or None)

    def open(self):
        try:
            if self.security == "tls":
                self.conn = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self._context())
            else:
                self.conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.security == "starttls":
                    self.conn.starttls(context=self._context())
            if self.user:
                self.conn.login(self.user, self.password)
        except smtplib.SMTPAuthenticationError as err:
            raise FatalError(f"the SMTP server {self.host}:{self.port} refused the login of "
                             f"'{self.user}' ({_reason(err)}). Fix: check {ENV['user']} and "
                             f"{ENV['password']}") from None
        except (OSError, smtplib.SMTPException) as err:
            raise FatalError(f"cannot use the SMTP server {self.host}:{self.port} ({_reason(err)}). "
                             f"Fix: check {ENV['host']}, {ENV['port']} and {ENV['security']} "
                             f"({'/'.join(SECURITY)})") from None

    def send(self, msg: Message, name: str) -> None:
        try:  # the envelope from the message's Address objects: one sender, one recipient
            sender, recipients = envelope(msg)
        except Unsafe as err:
            raise Refused(str(err)) from None
        if self.conn is None:
            self.open()
        try:
            refused = self.conn.send_message(msg, sender, recipients)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as err:
            raise Refused(_reason(err)) from None
        except (OSError, smtplib.SMTPException) as err:
            self.conn = None
            raise Broken(f"{self.host}:{self.port}: {_reason(err)}") from None
        if refused:
            raise Refused("; ".join(f"{to}: {_reason(e)}" for to, e in refused.items()))

    def close(self):
        if self.conn is not None:
            try:
                self.conn.quit()
            except (OSError, smtplib.SMTPException):
                pass  # the messages are already accepted; a bad goodbye changes nothing
            self.conn = None


class Folder:
    """--dry-run: each message as <name>.eml, readable in any mail program."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def send(self, msg: Message, name: str) -> None:
        (self.folder / f"{name}.eml").write_bytes(msg.as_bytes())

    def close(self):
        pass


def _reason(err) -> str:
    if isinstance(err, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{to}: {_reason(e)}" for to, e in err.recipients.items())
    if isinstance(err, tuple):
        code, text = err[0], err[1]
        return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
    code, text = getattr(err, "smtp_code", None), getattr(err, "smtp_error", None)
    if code and text is not None:
        return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
    return str(err) or type(err).__name__


def smtp_from_env(env) -> Smtp:
    host = env.get(ENV["host"], "").strip()
    if not host:
        raise FatalError(f"no SMTP server is set. Fix: set {ENV['host']} (and {ENV['port']}, "
                         f"{ENV['user']}, {ENV['password']}) as CI variables, or use --dry-run FOLDER")
    security = env.get(ENV["security"], "").strip().lower()
    port_text = env.get(ENV["port"], "").strip()
    if security and security not in SECURITY:
        raise FatalError(f"{ENV['security']}='{security}' is not one of {', '.join(SECURITY)}")
    try:
        port = int(port_text) if port_text else (465 if security == "tls" else 587)
    except ValueError:
        raise FatalError(f"{ENV['port']}='{port_text}' is not a port number, e.g. 587") from None
    security = security or ("tls" if port == 465 else "starttls")
    if security == "none" and host not in LOOPBACK:
        raise FatalError(f"{ENV['security']}=none sends mail unencrypted; it is allowed only to a "
                         f"server on this machine ({', '.join(LOOPBACK)}). Fix: use starttls or tls")
    return Smtp(host, port, security, env.get(ENV["user"], ""), env.get(ENV["password"], ""),
                env.get(ENV["ca_file"], ""))
