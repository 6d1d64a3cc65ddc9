#!/usr/bin/env bash
# Installs firstline into .venv and runs it on its embedded defaults: its own Redis
# (append-only file under ./data), the knowledge base in ./faq, web chat and console
# on http://127.0.0.1:8080. Extra arguments go to `firstline serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bootstrap.sh
python -m pip install -q --disable-pip-version-check -e .
exec firstline serve "$@"
