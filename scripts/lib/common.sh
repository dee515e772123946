# Shared helpers for the scripts; sourced, not run.

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Installs Debian packages, as root or through passwordless sudo; says what to do otherwise.
apt_install() {
  local runner=()
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || die "need the Debian package(s) '$*': install them (apt-get install -y $*) or rerun as root"
    runner=(sudo -n)
  fi
  say "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  "${runner[@]}" apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { "${runner[@]}" apt-get update -qq >/dev/null 2>&1 && "${runner[@]}" apt-get install -y --no-install-recommends "$@" >/dev/null; } \
    || die "could not install $*"
}
