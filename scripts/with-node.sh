#!/usr/bin/env bash
# Runs a command with the project's own Node (.tools/node, installed by scripts/setup.sh when the
# system Node is older than 22.12) first on PATH, when there is one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ -x $root/.tools/node/bin/node ]]; then
  export PATH="$root/.tools/node/bin:$PATH"
fi
exec "$@"
