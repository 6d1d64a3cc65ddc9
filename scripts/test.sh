#!/usr/bin/env bash
# Installs everything the tests need (Python packages in .venv, and Debian packages:
# redis-server, chromium and a font for its screenshots, dovecot for the IMAP tests) and runs the whole test suite.
# Extra arguments go to pytest, e.g.  scripts/test.sh -k telegram
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/bootstrap.sh
python -m pip install -q --disable-pip-version-check -e '.[test]'

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium fonts-dejavu-core)
command -v dovecot >/dev/null 2>&1 || [ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
[ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"

ruff check gateway tests bench
python -m pytest "$@"
