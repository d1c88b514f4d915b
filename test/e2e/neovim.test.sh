#!/usr/bin/env bash
# Runs the Skill Lens server under headless Neovim (a second LSP client), see neovim/skill_lens.lua.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v nvim >/dev/null || { echo "neovim is missing: run test/e2e/setup.sh" >&2; exit 1; }
# The skill-lens-language-server binary of package.json, as a Neovim user points their editor at it.
server="$PWD/$(node -p "require('./package.json').bin['skill-lens-language-server']")"
[ -x "$server" ] || { echo "$server is missing or not executable: run node esbuild.mjs" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/skill-lens-nvim-XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r test/e2e/fixtures/workspace "$work/ws"
echo "neovim $(nvim --version | head -1)"
# timeout signals its whole process group, so the server Neovim spawned goes too.
SKILL_LENS_SERVER="$server" SKILL_LENS_FILE="$work/ws/adverts/broken-level-advert.md" \
  HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  timeout --kill-after=5 60 nvim --headless --clean -c "luafile test/e2e/neovim/skill_lens.lua" </dev/null
