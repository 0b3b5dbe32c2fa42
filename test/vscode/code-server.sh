#!/usr/bin/env bash
# npm run test:vscode: the extension inside a real VS Code (code-server from npm, VS Code 1.100.3),
# in Debian's headless Chromium driven by playwright-core. Everything it installs goes into a
# git-ignored work folder (.work/, or $ON_MESSAGE_WORK), never into package.json:
#   Debian packages  chromium (the browser), libkrb5-dev (a header code-server's native build needs),
#                    ripgrep (seeds @vscode/ripgrep's download cache: its postinstall would fetch from GitHub)
#   code-server      .work/code-server-4.100.3/ (npm install, native modules built against /usr/include/node)
# Then it bundles, compiles test/vscode, and hands over to the driver (harness/code-server.ts), which packages
# the .vsix, installs it, starts code-server on 127.0.0.1, runs the suites and stops every process it started.
# The last line is "N passed, N failed"; the exit code is non-zero when anything failed.
# Reference: ../shared/real-vscode/ (recipe.sh, FINDINGS.md) for why each workaround is here.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
W=${ON_MESSAGE_WORK:-$ROOT/.work}
CS_VERSION=4.100.3                # = VS Code 1.100.3, the newest code-server whose engines accept Node 20
RG_PKG_VERSION=1.15.11 RG_TAG=v13.0.0-10   # what code-server 4.100.3's @vscode/ripgrep downloads
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# A setup failure still ends with the closing line CI reads (the driver prints its own once exec'd).
trap 'rc=$?; if [ "$rc" -ne 0 ]; then echo "test:vscode: setup failed (exit $rc)"; echo "0 passed, 1 failed"; fi' EXIT

T0=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - T0) / 1000000 ))"; }
log() { printf '[test:vscode %6ss] %s\n' "$(awk "BEGIN{printf \"%.1f\", $(elapsed)/1000}")" "$*"; }

mkdir -p "$W"/{xdg-config,xdg-data,xdg-cache,tmp,logs}
# Keep code-server, VS Code and Chromium out of $HOME and /tmp (sockets, profiles, caches).
# Keep $W short: VS Code's unix sockets live in $TMPDIR and their paths must stay under 108 bytes.
export XDG_CONFIG_HOME="$W/xdg-config" XDG_DATA_HOME="$W/xdg-data" XDG_CACHE_HOME="$W/xdg-cache" TMPDIR="$W/tmp"

APT_PKGS="chromium libkrb5-dev ripgrep"
if ! dpkg -s $APT_PKGS >/dev/null 2>&1; then
  log "installing Debian packages: $APT_PKGS"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  $SUDO apt-get update -qq >"$W/logs/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $APT_PKGS >>"$W/logs/apt.log" 2>&1 \
    || { tail -20 "$W/logs/apt.log"; exit 1; }
fi
log "$("$CHROMIUM" --version 2>/dev/null | head -1)"

CS_DIR="$W/code-server-$CS_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_ENTRY" ]; then
  log "installing code-server@$CS_VERSION into $CS_DIR (1 to 3 minutes: native modules are compiled)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{ "name": "code-server-for-tests", "private": true }' >"$CS_DIR/package.json"
  # @vscode/ripgrep's postinstall downloads rg from api.github.com unless its cache holds the asset:
  # seed the cache with Debian's rg 13.0.0 (the upstream version of the prebuilt v13.0.0-10).
  RG_CACHE="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$RG_CACHE" "$W/tmp/rg" && cp "$(command -v rg)" "$W/tmp/rg/rg"
  tar czf "$RG_CACHE/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$W/tmp/rg" rg
  # unsafe_perm: code-server's postinstall refuses root without it. yes: node-pty's postinstall runs npx.
  # nodedir: node-gyp uses the local Node headers and never downloads them. JOBS: node-gyp runs make -j.
  NODE_DIR=""; [ -f /usr/include/node/common.gypi ] && NODE_DIR=/usr
  (cd "$CS_DIR" && env JOBS=max npm_config_unsafe_perm=true npm_config_yes=true ${NODE_DIR:+npm_config_nodedir=$NODE_DIR} \
     npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CS_VERSION" >"$W/logs/code-server-install.log" 2>&1) \
    || { tail -40 "$W/logs/code-server-install.log"; rm -rf "$CS_DIR/node_modules"; exit 1; }
fi
log "code-server $(node "$CS_ENTRY" --version 2>/dev/null | tail -1)"

# Bundles dist/ (the extension under development) and compiles test/vscode/ into out/vscode-tests/. Type-checking
# the whole project is `npm test`'s job; `npm run package` bundles dist/ again, for production, before the suites.
log "bundling dist/ (node esbuild.mjs) and compiling test/vscode"
{ node esbuild.mjs && npx tsc -p test/vscode; } >"$W/logs/build.log" 2>&1 || { cat "$W/logs/build.log"; exit 1; }

log "setup done; driving code-server"
export ON_MESSAGE_WORK="$W" CODE_SERVER_ENTRY="$CS_ENTRY" CHROMIUM
exec node out/vscode-tests/harness/code-server.js
