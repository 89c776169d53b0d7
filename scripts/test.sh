#!/usr/bin/env bash
# Quickstart 2: run every check: lint (ruff), types (mypy), the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
.venv/bin/ruff check radio tests scripts
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
