# Sourced by the scripts: local tools first on PATH, and no tool download by Trunk.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
