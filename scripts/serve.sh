#!/usr/bin/env bash
# Installs what is missing, then serves Yunce with its built-in data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
PORT="${PORT:-8080}"
echo "[serve] building and serving; open http://127.0.0.1:$PORT/"
exec trunk serve --port "$PORT"
