#!/usr/bin/env bash
# Quickstart 1: install what is missing (espeak-ng, ffmpeg, a virtual
# environment with radio in it) and render an episode from the sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/system-deps.sh
scripts/venv.sh
.venv/bin/radio episode radio/assets/sample-article.txt --out output --force  # --force: a second run replaces the first
