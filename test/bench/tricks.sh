#!/usr/bin/env bash
# What each start-up trick of server/src/boot/start.ts is worth: the bench's budget rows for
# our server with every trick on, and with each turned off in turn, over alternating runs
# (ROUNDS, default 3), as medians. Usage: bash test/bench/tricks.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
out=$(mktemp -d)
# The bundle without the build-time rewriting of library requires, then the usual one.
SKILL_LENS_LAZY_REQUIRES=off node esbuild.mjs --production
mkdir -p "$out/lazy-off" && cp dist/server.js dist/server-main.js dist/framework-worker.js "$out/lazy-off/"
node esbuild.mjs --production
mkdir -p "$out/on" && cp dist/server.js dist/server-main.js dist/framework-worker.js "$out/on/"
run() { # name server env...
  local name=$1 server=$2; shift 2
  env "$@" node dist/test/bench/bench.js --only ours --no-cli --quick --json --server "$server" > "$out/$name.$round.json" 2>/dev/null
  echo "round $round: $name" >&2
}
for round in $(seq 1 "$rounds"); do
  run all-on "$out/on/server.js" X=1
  run code-cache-off "$out/on/server.js" SKILL_LENS_CODE_CACHE=off
  run v8-flags-off "$out/on/server.js" SKILL_LENS_V8_FLAGS=off
  run intern-off "$out/on/server.js" SKILL_LENS_INTERN=off
  run lazy-requires-off "$out/lazy-off/server.js" X=1
done
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
const rows = {};
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const variant = f.split(".")[0];
  for (const b of JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).budget) {
    const key = `${b.what} | ${b.doc} (${b.unit})`;
    ((rows[key] ??= {})[variant] ??= []).push(b.value);
  }
}
const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const variants = ["all-on", "code-cache-off", "v8-flags-off", "intern-off", "lazy-requires-off"];
console.log(["row", ...variants].join("\t"));
for (const [key, byVariant] of Object.entries(rows)) console.log([key, ...variants.map((v) => (byVariant[v] ? median(byVariant[v]).toFixed(1) : "-"))].join("\t"));
' "$out"
echo "runs kept in $out" >&2
