#!/usr/bin/env bash
# Builds the static site into dist/ (release, wasm-opt -Oz). Host dist/ anywhere;
# dist/404.html lets deep links such as /market work on static hosts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
echo "[build] trunk build --release into dist/"
trunk build --release
echo "[build] done: dist/"
