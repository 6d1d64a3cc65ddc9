"""A real Active Directory domain controller for the AD tests: Debian's Samba, provisioned
into a temporary directory and run with only its LDAP server, in a network namespace of
its own (Samba's LDAP ports are fixed: 389/636), reached through a veth pair.

The domain has the policy "lock after 3 bad passwords, at least 8 characters, complexity,
the last 3 passwords refused", an OU=Staff for people, a service account with only the
delegated rights self-service needs on OU=Staff (reset password, write lockoutTime and
pwdLastSet), and Domain Admins as the protected group.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REALM, DOMAIN = "FLTEST.EXAMPLE", "FLTEST"
BASE = "DC=fltest,DC=example"
STAFF = f"OU=Staff,{BASE}"
ADMIN_PASSWORD = "Admin-pass-2026!"
SERVICE = "svc-firstline"
SERVICE_DN = f"CN={SERVICE},CN=Users,{BASE}"
SERVICE_PASSWORD = "Svc-pass-2026!"
DOMAIN_ADMINS = f"CN=Domain Admins,CN=Users,{BASE}"
# Schema GUIDs: the User-Force-Change-Password extended right, the user class, attributes.
RESET_PASSWORD = "00299570-246d-11d0-a768-00aa006e0529"
USER_CLASS = "bf967aba-0de6-11d0-a285-00aa003049e2"
LOCKOUT_TIME = "28630ebf-41d5-11d1-a9c1-0000f80367c1"
PWD_LAST_SET = "bf967a0a-0de6-11d0-a285-00aa003049e2"


@dataclass
class SambaDC:
    """A running domain controller: how to reach it over LDAPS."""

    url: str
    ca_file: str
    tls_name: str
    private: Path

    def tool(self, *args: str) -> str:
        """samba-tool on the domain's database."""
        done = subprocess.run(
            ["samba-tool", *args, "-H", str(self.private / "sam.ldb")],
            capture_output=True,
            check=True,
        )
        return done.stdout.decode()

    def add_user(self, login: str, password: str, mail: str) -> str:
        self.tool("user", "create", login, password, f"--mail-address={mail}",
                  "--userou=OU=Staff")  # fmt: skip
        return f"CN={login},{STAFF}"


def available() -> bool:
    return os.geteuid() == 0 and all(shutil.which(p) for p in ("samba", "samba-tool", "ip"))


def _run(*args: str) -> None:
    subprocess.run(list(args), check=True, capture_output=True)


def _sid(private: Path, login: str) -> str:
    out = subprocess.run(
        ["samba-tool", "user", "show", login, "--attributes=objectSid", "-H",
         str(private / "sam.ldb")],
        capture_output=True, check=True,
    ).stdout.decode()  # fmt: skip
    return next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("objectSid"))


def _provision(tmp: Path, address: str, interface: str) -> Path:
    _run(
        "samba-tool", "domain", "provision", f"--realm={REALM}", f"--domain={DOMAIN}",
        "--server-role=dc", "--dns-backend=NONE", f"--adminpass={ADMIN_PASSWORD}",
        f"--targetdir={tmp}", f"--host-ip={address}", f"--option=interfaces={interface}",
        "--option=bind interfaces only=yes",
    )  # fmt: skip
    conf = tmp / "etc" / "smb.conf"
    lines = [
        "\tserver services = ldap" if line.strip().startswith("server services") else line
        for line in conf.read_text().splitlines()
    ]
    # AD lets an old password bind for an hour after a change (for NTLM caches); the
    # tests check that the old one stops working, so the grace is off here.
    lines.insert(lines.index("[global]") + 1, "\told password allowed period = 0")
    conf.write_text("\n".join(lines) + "\n")
    private = tmp / "private"
    ldb = ["-H", str(private / "sam.ldb")]
    _run("samba-tool", "domain", "passwordsettings", "set", *ldb,
         "--account-lockout-threshold=3", "--account-lockout-duration=30",
         "--reset-account-lockout-after=30", "--min-pwd-length=8", "--history-length=3",
         "--min-pwd-age=0", "--complexity=on")  # fmt: skip
    _run("samba-tool", "ou", "create", STAFF, *ldb)
    _run("samba-tool", "user", "create", SERVICE, SERVICE_PASSWORD, *ldb)
    sid = _sid(private, SERVICE)
    aces = (
        f"(OA;CIIO;CR;{RESET_PASSWORD};{USER_CLASS};{sid})"
        f"(OA;CIIO;WP;{LOCKOUT_TIME};{USER_CLASS};{sid})"
        f"(OA;CIIO;WP;{PWD_LAST_SET};{USER_CLASS};{sid})"
    )
    _run("samba-tool", "dsacl", "set", *ldb, f"--objectdn={STAFF}", f"--sddl={aces}")
    return private


def _wait_ready(address: str, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(600):
        if process.poll() is not None:
            raise RuntimeError(f"samba exited: {log.read_text(errors='replace')[-2000:]}")
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex((address, 636)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("samba did not start")


@contextmanager
def running_samba_dc() -> Iterator[SambaDC]:
    """Provision, start in a fresh network namespace, and tear it all down afterwards."""
    n = random.randrange(1, 250)
    tag = f"fl{os.getpid() % 10000}{n}"
    namespace, host_if, dc_if = f"{tag}ns", f"{tag}a", f"{tag}b"
    host_ip, dc_ip = f"10.231.{n}.1", f"10.231.{n}.2"
    tmp = Path(tempfile.mkdtemp(prefix="firstline-samba-"))
    process: subprocess.Popen[bytes] | None = None
    try:
        _run("ip", "netns", "add", namespace)
        _run("ip", "link", "add", host_if, "type", "veth", "peer", "name", dc_if)
        _run("ip", "link", "set", dc_if, "netns", namespace)
        _run("ip", "addr", "add", f"{host_ip}/30", "dev", host_if)
        _run("ip", "link", "set", host_if, "up")
        inside = ("ip", "netns", "exec", namespace)
        _run(*inside, "ip", "addr", "add", f"{dc_ip}/30", "dev", dc_if)
        _run(*inside, "ip", "link", "set", dc_if, "up")
        _run(*inside, "ip", "link", "set", "lo", "up")
        private = _provision(tmp, dc_ip, dc_if)
        log = tmp / "samba.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [*inside, "samba", "-i", "-s", str(tmp / "etc" / "smb.conf"), "--debug-stdout"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        _wait_ready(dc_ip, process, log)
        cert = ssl._ssl._test_decode_cert(str(private / "tls" / "cert.pem"))  # type: ignore[attr-defined]
        name = dict(part[0] for part in cert["subject"])["commonName"]
        yield SambaDC(
            url=f"ldaps://{dc_ip}:636",
            ca_file=str(private / "tls" / "ca.pem"),
            tls_name=name,
            private=private,
        )
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True)
        subprocess.run(["ip", "link", "del", host_if], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)
