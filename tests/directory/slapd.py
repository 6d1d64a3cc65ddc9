"""A real OpenLDAP slapd for the directory tests: Debian's package, run unprivileged from
a private slapd.conf in a temporary directory, on a free loopback port, with the ppolicy
overlay loaded as a module (OpenLDAP 2.5: its schema is built in).

The directory holds ou=people (users, an administrator), ou=groups (cn=admins),
ou=services (the gateway's service account) and ou=policies (the default password policy:
lockout after 3 failures, at least 8 characters, the last 3 passwords refused).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from emulators.server import free_port

SLAPD = "/usr/sbin/slapd"
BASE = "dc=example,dc=org"
ROOT_DN = f"cn=root,{BASE}"
ROOT_PASSWORD = "root-secret-9"
SERVICE_DN = f"cn=firstline,ou=services,{BASE}"
SERVICE_PASSWORD = "service-secret-9"
ADMINS_DN = f"cn=admins,ou=groups,{BASE}"
POLICY_DN = f"cn=default,ou=policies,{BASE}"  # ppolicy_default: pwdMinLength 8
PEOPLE = f"ou=people,{BASE}"

SLAPD_CONF = """\
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile {dir}/slapd.pid
argsfile {dir}/slapd.args

database mdb
suffix "{base}"
rootdn "{root_dn}"
rootpw {root_password}
directory {dir}/db
maxsize 16777216

overlay ppolicy
ppolicy_default "cn=default,ou=policies,{base}"
ppolicy_use_lockout
ppolicy_hash_cleartext

# The service account may reset passwords and clear locks, but never on an entry that is a
# member of cn=admins: the set clause matches those entries for every requester.
access to dn.subtree="{people}" attrs=userPassword
    by set="this & [{admins}]/member" anonymous auth
    by set="this & [{admins}]/member" self write
    by set="this & [{admins}]/member" none
    by dn.exact="{service_dn}" write
    by self write
    by anonymous auth
    by * none
access to dn.subtree="{people}" attrs=pwdAccountLockedTime,pwdReset
    by set="this & [{admins}]/member" users read
    by dn.exact="{service_dn}" write
    by users read
    by * none
access to attrs=userPassword
    by anonymous auth
    by self write
    by * none
access to *
    by users read
    by anonymous auth
"""


@dataclass(frozen=True)
class Person:
    """A test account: its login, DN, current password and address."""

    login: str
    dn: str
    password: str
    mail: str


@dataclass
class Slapd:
    """A running slapd: where it listens and how to reach it."""

    url: str
    port: int
    directory: Path
    process: subprocess.Popen[bytes]

    def ldif(self, text: str) -> None:
        """Apply LDIF as the root DN (ldapmodify -a), for setting up the test directory."""
        subprocess.run(
            ["ldapmodify", "-x", "-a", "-H", self.url, "-D", ROOT_DN, "-w", ROOT_PASSWORD],
            input=text.encode(),
            check=True,
            capture_output=True,
        )

    def search(self, dn: str, *attrs: str) -> str:
        """The entry as ldapsearch prints it (LDIF), operational attributes included."""
        done = subprocess.run(
            [
                "ldapsearch",
                "-x",
                "-LLL",
                "-H",
                self.url,
                "-D",
                ROOT_DN,
                "-w",
                ROOT_PASSWORD,
                "-b",
                dn,
                "-s",
                "base",
                *(attrs or ("*", "+")),
            ],
            check=True,
            capture_output=True,
        )
        return done.stdout.decode()

    def can_bind(self, dn: str, password: str) -> bool:
        done = subprocess.run(
            ["ldapwhoami", "-x", "-H", self.url, "-D", dn, "-w", password],
            capture_output=True,
        )
        return done.returncode == 0


def available() -> bool:
    return Path(SLAPD).exists() and shutil.which("ldapmodify") is not None


def _user_args(path: Path) -> list[str]:
    """As root, drop to the openldap user (Debian's package creates it)."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("openldap")
    except KeyError:
        return []
    for sub in (path, path / "db"):
        os.chown(sub, user.pw_uid, user.pw_gid)
    return ["-u", "openldap", "-g", "openldap"]


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"slapd exited: {log.read_text(errors='replace')[-2000:]}")
        ok = subprocess.run(
            ["ldapsearch", "-x", "-H", url, "-s", "base", "-b", ""], capture_output=True
        )
        if ok.returncode == 0:
            return
        time.sleep(0.05)
    raise RuntimeError("slapd did not start")


@contextmanager
def running_slapd() -> Iterator[Slapd]:
    """Start slapd in a new temporary directory (its own, so that the unprivileged user
    can reach it), load the test directory; stop it and remove the directory afterwards."""
    with tempfile.TemporaryDirectory(prefix="firstline-slapd-") as name:
        tmp = Path(name)
        (tmp / "db").mkdir()
        tmp.chmod(0o755)
        with _serving(tmp) as server:
            yield server


@contextmanager
def _serving(tmp: Path) -> Iterator[Slapd]:
    conf = tmp / "slapd.conf"
    conf.write_text(
        SLAPD_CONF.format(
            dir=tmp,
            base=BASE,
            root_dn=ROOT_DN,
            root_password=ROOT_PASSWORD,
            people=PEOPLE,
            admins=ADMINS_DN,
            service_dn=SERVICE_DN,
        )
    )
    port = free_port()
    url = f"ldap://127.0.0.1:{port}"
    log = tmp / "slapd.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [SLAPD, "-d", "0", "-f", str(conf), "-h", f"{url}/", *_user_args(tmp)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_ready(url, process, log)
        server = Slapd(url=url, port=port, directory=tmp, process=process)
        units = "".join(
            f"dn: ou={ou},{BASE}\nobjectClass: organizationalUnit\nou: {ou}\n\n"
            for ou in ("people", "groups", "services", "policies")
        )
        server.ldif(BASE_LDIF.format(base=BASE, units=units, service_password=SERVICE_PASSWORD))
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


BASE_LDIF = """\
dn: {base}
objectClass: dcObject
objectClass: organization
o: Example
dc: example

{units}dn: cn=default,ou=policies,{base}
objectClass: person
objectClass: pwdPolicy
cn: default
sn: policy
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 3
pwdFailureCountInterval: 600
pwdLockoutDuration: 0
pwdMinLength: 8
pwdCheckQuality: 2
pwdInHistory: 3
pwdAllowUserChange: TRUE

dn: cn=firstline,ou=services,{base}
objectClass: person
cn: firstline
sn: service
userPassword: {service_password}
"""


def user_ldif(uid: str, password: str, mail: str, *, base: str = BASE) -> str:
    """One person under ou=people."""
    return (
        f"dn: uid={uid},ou=people,{base}\n"
        "objectClass: inetOrgPerson\n"
        f"uid: {uid}\ncn: {uid.title()}\nsn: {uid.title()}\n"
        f"mail: {mail}\nuserPassword: {password}\n\n"
    )


def admins_ldif(*uids: str, base: str = BASE) -> str:
    members = "".join(f"member: uid={u},ou=people,{base}\n" for u in uids)
    return f"dn: cn=admins,ou=groups,{base}\nobjectClass: groupOfNames\ncn: admins\n{members}\n"
