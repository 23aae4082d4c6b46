#!/usr/bin/env bash
# Runs a command (the tests, the benchmarks) with what they need, started here so that
# `npm test` works by itself:
#   - Node >= 22.12: the project's own copy in .tools/node (installed by scripts/setup.sh when
#     the system Node is older) goes first on PATH;
#   - a private Secret Service: a session bus (dbus-run-session) with gnome-keyring unlocked on a
#     throwaway keyring, so the tests use the real keychain and never the developer's own.
# Where dbus-run-session or gnome-keyring-daemon is missing (macOS, Windows, a bare Linux),
# the command runs as is and the keychain test reports itself skipped.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ -x $root/.tools/node/bin/node ]]; then
  export PATH="$root/.tools/node/bin:$PATH"
fi

if [[ ${EXPLORER_TEST_KEYRING:-} == started ]]; then
  exec "$@"
fi

if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  keyring_home=$(mktemp -d)
  trap 'rm -rf "$keyring_home"' EXIT
  # Not exec: the trap must remove the throwaway keyring afterwards.
  XDG_DATA_HOME=$keyring_home EXPLORER_TEST_KEYRING=started KEYCHAIN_REQUIRED=1 \
    dbus-run-session -- bash -euo pipefail -c '
      printf %s throwaway-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
      exec "$@"' with-test-env "$@" \
    2> >(grep --line-buffered -vE 'Failed to set fd limit|org\.a11y\.Bus|discover_other_daemon' >&2)
else
  echo "with-test-env: no dbus-run-session/gnome-keyring-daemon here; the keychain test will be skipped." >&2
  exec "$@"
fi
