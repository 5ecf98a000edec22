#!/usr/bin/env bash
# Installs what is missing, then runs every test: fastest checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

ENGINES=(-p yunce-csv -p yunce-wire -p yunce-data -p yunce-chart -p yunce-sched -p yunce-plan -p yunce-reliab)

step "format"
cargo fmt --all --check
step "repo hygiene: locale keys, file lengths, no raw HTML"
python3 scripts/tidy.py
step "data files in sync with ../shared/data/facts"
python3 scripts/build-data.py --check
step "clippy -D warnings: engines (native, all targets) and the app (wasm32)"
cargo clippy "${ENGINES[@]}" --all-targets -- -D warnings
cargo clippy -p yunce --target wasm32-unknown-unknown -- -D warnings
step "engines compile for wasm32"
cargo build "${ENGINES[@]}" --lib --no-default-features --target wasm32-unknown-unknown --quiet
step "native unit, property and snapshot tests (release: the scheduler replays the full trace)"
cargo test "${ENGINES[@]}" --release
step "native app tests: URL state of every view, locale keys of the compiled app"
cargo test -p yunce
step "release build of the site"
trunk build --release
python3 scripts/post-build.py --check dist
step "budgets: size and first render"
node scripts/budget.mjs
step "end-to-end tests in /usr/bin/chromium"
playwright test
