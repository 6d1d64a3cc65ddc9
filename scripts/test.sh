#!/usr/bin/env bash
# Installs everything the tests need (Python packages in .venv, and Debian packages:
# redis-server, chromium and a font for its screenshots, dovecot for the IMAP tests, slapd and
# ldap-utils for the directory tests, node, curl and openssl to run the README's Zabbix
# media-type script and generic curl example) and runs the whole test suite.
# Extra arguments go to pytest, e.g.  scripts/test.sh -k telegram
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/bootstrap.sh
python -m pip install -q --disable-pip-version-check -e '.[test]'

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ! -x /usr/sbin/slapd ] || ! command -v ldapmodify >/dev/null 2>&1; then
  # Only the programs: the tests run their own slapd; no system directory is set up.
  echo 'slapd slapd/no_configuration boolean true' | as_root debconf-set-selections
  need+=(slapd ldap-utils)
fi
if [ "${FIRSTLINE_AD_TESTS:-}" = 1 ] && ! command -v samba-tool >/dev/null 2>&1; then
  # Samba's AD domain controller for the opt-in Active Directory tests (tests/directory).
  need+=(samba samba-ad-dc samba-ad-provision)
fi
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

ruff check gateway tests bench
python -m pytest "$@"
