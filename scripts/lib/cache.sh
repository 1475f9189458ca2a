# Sourced by scripts/setup-vscode.sh and scripts/setup-vscode-web.sh, which define say and die.
#
# clean_npm_env: forget the environment an outer `npm test` / `npm start` hands its scripts.
#   npm exports its whole configuration as npm_config_* (and NODE, npm_execpath ...) to scripts,
#   and an inner npm reads those back as its own configuration: the outer user agent, which names
#   the outer Node (20), then reaches code-server's postinstall, which refuses anything but Node 24.
#   Network settings (registry, proxies, certificates) and the user's own npmrc files are kept.
# lock_cache: one set-up at a time per cache folder (two `npm test` at once must not both install
#   into it); waits for the other run, then finds its work done.
clean_npm_env() {
  local v keep
  for v in $(compgen -e); do
    case "$v" in
      npm_config_*)
        keep=0
        case "${v#npm_config_}" in
          registry|*:registry|_auth*|*_authtoken|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|http_proxy|noproxy|no_proxy|userconfig|globalconfig|cache|prefer_offline|offline|fetch_retries|fetch_timeout) keep=1 ;;
        esac
        [ "$keep" = 1 ] || unset "$v"
        ;;
      npm_*|NODE|INIT_CWD|NODE_OPTIONS) unset "$v" ;;
    esac
  done
}

lock_cache() {
  mkdir -p "$CACHE"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$CACHE/.lock"
    if ! flock -n 9; then
      say "another set-up is using $CACHE: waiting for it to finish"
      flock -w 1800 9 || die "waited 30 min for the lock on $CACHE/.lock; if no other set-up runs, delete that file and retry"
    fi
  fi
}

# retry_hint: what to say after a failed step.
retry_hint() {
  printf 'fix the cause above, then run the same command again (npm test, npm start or npm run package): the failed step starts over, finished steps are reused from %s\n' "$CACHE"
}
