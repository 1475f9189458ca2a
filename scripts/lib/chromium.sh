# Sourced by scripts/setup-vscode.sh and scripts/setup-vscode-web.sh, which define say and die.
# ensure_chromium [package...]: Debian's chromium at /usr/bin/chromium, and the other Debian
# packages named, installed with apt (as root) when any is missing.
ensure_chromium() {
  local missing=0 p
  [ -x /usr/bin/chromium ] || missing=1
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing=1; done
  if [ "$missing" = 0 ]; then
    say "chromium: present ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
    return
  fi
  local packages="chromium${*:+ $*}"
  [ "$(id -u)" = 0 ] || die "/usr/bin/chromium${*:+ or $*} missing and not root: run 'apt-get update && apt-get install -y $packages' as root"
  say "apt: installing $packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  # shellcheck disable=SC2086 # the package list is meant to split
  apt-get install -y -qq --no-install-recommends $packages >/dev/null || die "apt-get install $packages failed"
  [ -x /usr/bin/chromium ] || die "chromium installed but /usr/bin/chromium missing"
  say "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
}
