#!/usr/bin/env bash
# Installs what is missing, builds the release site into dist/ (what users get: wasm-opt,
# hashed files, the Content-Security-Policy) and serves it like a static host.
#   bash scripts/serve.sh          the release build, served from dist/
#   bash scripts/serve.sh --dev    the fast debug loop: trunk serve, rebuilds on save
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
PORT="${PORT:-8080}"
if [ "${1:-}" = "--dev" ]; then
  echo "[serve] debug build with rebuild on save; open http://127.0.0.1:$PORT/"
  exec trunk serve --port "$PORT"
fi
echo "[serve] release build into dist/"
trunk build --release
echo "[serve] serving dist/ as a static host would; open http://127.0.0.1:$PORT/"
exec node scripts/static-server.mjs dist "$PORT"
