"""`plein digest` over encrypted SMTP, to aiosmtpd on 127.0.0.1 with a certificate made by
the test (openssl): STARTTLS with a login, implicit TLS, and plain text
refused for a server elsewhere."""
from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from digest_helpers import NOW, Inbox, example_repo, free_port, plein

pytestmark = pytest.mark.skipif(not shutil.which("openssl"), reason="needs the openssl program")
USER, PASSWORD = "intranet", "s3cret"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture(scope="module")
def intranet(tmp_path_factory):
    return example_repo(tmp_path_factory.mktemp("tls-org") / "intranet")


def context(certificate):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(*map(str, certificate))
    return ctx


def check_login(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == \
        (USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok)


def env(port, certificate, security):
    return {"PLEIN_SMTP_HOST": "localhost", "PLEIN_SMTP_PORT": str(port), "PLEIN_SMTP_SECURITY": security,
            "PLEIN_SMTP_USER": USER, "PLEIN_SMTP_PASSWORD": PASSWORD, "PLEIN_SMTP_CA_FILE": str(certificate[0]),
            "PLEIN_MAIL_FROM": "Intranet <intranet@wetterveen.example>"}


def test_starttls_with_a_login(intranet, certificate, tmp_path):
    inbox, port = Inbox(), free_port()
    server = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context(certificate),
                        require_starttls=True, authenticator=check_login, auth_require_tls=True)
    server.start()
    try:
        done = plein(intranet, "digest", "--now", NOW, "--log", str(tmp_path / "a.jsonl"),
                     env=env(port, certificate, "starttls"))
        assert "11 e-mail(s) sent" in done.stdout and len(inbox.messages) == 11
    finally:
        server.stop()


def test_implicit_tls(intranet, certificate, tmp_path):
    inbox, port = Inbox(), free_port()
    # aiosmtpd does not count an implicit TLS connection as encrypted: allow AUTH on it anyway
    server = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=context(certificate),
                        authenticator=check_login, auth_require_tls=False)
    server.start()
    try:
        done = plein(intranet, "digest", "--now", NOW, "--log", str(tmp_path / "c.jsonl"),
                     env=env(port, certificate, "tls"))
        assert "11 e-mail(s) sent" in done.stdout and len(inbox.messages) == 11
    finally:
        server.stop()


def test_no_encryption_only_to_this_machine(intranet):
    done = plein(intranet, "digest", "--now", NOW, check=False,
                 env={"PLEIN_SMTP_HOST": "smtp.example.org", "PLEIN_SMTP_SECURITY": "none"})
    assert done.returncode == 1
    assert "PLEIN_SMTP_SECURITY=none sends mail unencrypted" in done.stderr
    missing = plein(intranet, "digest", "--now", NOW, check=False, env={"PLEIN_SMTP_HOST": ""})
    assert missing.returncode == 1 and "no SMTP server is set" in missing.stderr
