#!/usr/bin/env bash
# Installs what Yunce needs and is missing, idempotently, saying what it does.
# Tools are never downloaded by Trunk: they come from PATH (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

if ! command -v cargo >/dev/null; then
  say "cargo not found: install rustup first (https://rustup.rs)"; exit 1
fi

if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "Rust toolchain with wasm32 target: present"
else
  say "installing the toolchain from rust-toolchain.toml (adds wasm32-unknown-unknown)"
  rustup toolchain install
fi

if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "trunk $TRUNK_VERSION: present"
else
  say "installing trunk $TRUNK_VERSION (cold: about 20 minutes)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "wasm-bindgen $WASM_BINDGEN_VERSION (as in Cargo.lock): present"
else
  # No --locked: its lockfile pins a crate the registry here does not serve.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION to match Cargo.lock (cold: about 9 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi micro hei" || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -eq 0 ]; then
  say "Chromium and the CJK font: present"
else
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  say "installing from Debian: ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright ] \
  && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  say "npm packages (binaryen wasm-opt, Playwright; no browser download): present"
else
  say "installing npm packages with npm ci (binaryen for wasm-opt, Playwright; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
say "ready"
