"""A real LDAP server for tests: Debian's slapd on 127.0.0.1 at a free port, with a temporary
mdb database loaded from LDIF by slapadd.

Active Directory's user attributes (userAccountControl, department, whenCreated,
sAMAccountName) come from OpenLDAP's own msuser.schema, which carries Microsoft's
definitions; people are inetOrgPerson entries with the auxiliary extensibleObject class, so
they may hold them. So `plein import` reads the disabled flag exactly as from AD: bit 2 of
userAccountControl (512 active, 514 disabled).
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

SUFFIX = "dc=wetterveen,dc=example"
PEOPLE = f"ou=people,{SUFFIX}"
ADMIN, PASSWORD = f"cn=admin,{SUFFIX}", "geheim"
SLAPD = "/usr/sbin/slapd"
SCHEMAS = ("core", "cosine", "inetorgperson", "nis", "msuser")  # msuser needs nis's homeDirectory
CONFIG = """{includes}
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile {root}/slapd.pid
database mdb
maxsize 1073741824
suffix "{suffix}"
rootdn "{admin}"
rootpw {password}
directory {root}/db
index mail eq
"""
BASE = f"""dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
o: Gemeente Wetterveen
dc: wetterveen

dn: {PEOPLE}
objectClass: organizationalUnit
ou: people

"""


def available() -> bool:
    return Path(SLAPD).exists() and shutil.which("slapadd") is not None


class Slapd:
    """`with Slapd(tmp, ldif) as ldap:` ldap.url; ldap.load(ldif) replaces the directory."""

    def __init__(self, base: Path, ldif: str, limits: str = ""):
        self.root = Path(base) / "slapd"
        (self.root / "db").mkdir(parents=True)
        includes = "\n".join(f"include /etc/ldap/schema/{s}.schema" for s in SCHEMAS)
        self.conf = self.root / "slapd.conf"
        self.conf.write_text(CONFIG.format(includes=includes, root=self.root, suffix=SUFFIX,
                                           admin=ADMIN, password=PASSWORD) + limits + "\n")
        self.port = _free_port()
        self.proc = None
        self.load(ldif)

    @property
    def url(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    def load(self, ldif: str) -> None:
        """Stop, load a fresh database from BASE + ldif with slapadd, start again."""
        self.stop()
        for old in (self.root / "db").iterdir():
            old.unlink()
        source = self.root / "people.ldif"
        source.write_text(BASE + ldif, encoding="utf-8")
        done = subprocess.run(["slapadd", "-q", "-f", str(self.conf), "-l", str(source)],
                              capture_output=True, text=True)
        if done.returncode:
            raise AssertionError(f"slapadd failed:\n{done.stderr}")
        # -d 0: stay in the foreground, so the test owns the process and ends it
        self.proc = subprocess.Popen([SLAPD, "-d", "0", "-f", str(self.conf), "-h", f"{self.url}/"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"slapd stopped: {self.proc.stderr.read().decode()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("slapd did not start within 20 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def person(cn: str, *, mail: str, title: str, department: str, started: str, manager: str = "",
           disabled: bool = False, display: str = "") -> str:
    """One person's LDIF entry, as AD would hold them; `manager` is the manager's cn;
    `display`: the displayName when it is not the cn."""
    lines = [f"dn: cn={cn},{PEOPLE}", "objectClass: inetOrgPerson", "objectClass: extensibleObject",
             f"cn: {cn}", f"sn: {cn.split()[-1]}", f"displayName: {display or cn}", f"mail: {mail}",
             f"title: {title}", f"department: {department}",
             f"whenCreated: {started.replace('-', '')}000000Z",
             f"userAccountControl: {514 if disabled else 512}"]
    if manager:
        lines.append(f"manager: cn={manager},{PEOPLE}")
    return "\n".join(lines) + "\n\n"
