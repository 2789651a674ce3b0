#!/usr/bin/env bash
# Brings this checkout to a runnable state: Node 24 LTS, pnpm, and the workspace's packages.
# Node and pnpm come from the npm registry into .tools/ (git-ignored) when the system Node is
# older than 24, so a fresh machine with Debian's Node 20 (or none) works the same.
# Source it (". scripts/bootstrap.sh") to get .tools/bin on PATH in the calling shell.
set -euo pipefail

CONNLAB_NODE_VERSION="${CONNLAB_NODE_VERSION:-24.21.0}"
CONNLAB_PNPM_VERSION="10.34.8"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_npm() {
  command -v npm >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "connlab: npm is missing; installing Debian's npm to fetch Node 24" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "connlab: npm is missing: install npm (or Node >= 24) and run this again" >&2
    exit 1
  fi
}

node_arch() {
  case "$(uname -m)" in
    x86_64) echo x64 ;;
    aarch64 | arm64) echo arm64 ;;
    *) echo "connlab: no Node $CONNLAB_NODE_VERSION package for $(uname -m)" >&2; exit 1 ;;
  esac
}

# Node (only when the system's is older than 24) and pnpm, in one npm install so that neither
# prunes the other from .tools/.
ensure_tools() {
  local wanted=() system_node arch
  system_node="$(command -v node || true)"
  if [ -z "$system_node" ] || [ "$(node_major "$system_node")" -lt 24 ] || [ -e "$tools/bin/node" ]; then
    arch="$(node_arch)"
    if [ "$("$tools/bin/node" --version 2>/dev/null)" != "v$CONNLAB_NODE_VERSION" ]; then
      echo "connlab: installing Node $CONNLAB_NODE_VERSION into .tools/ (system Node is older than 24)" >&2
    fi
    wanted+=("node-linux-$arch@$CONNLAB_NODE_VERSION")
  fi
  wanted+=("pnpm@$CONNLAB_PNPM_VERSION")
  if [ -f "$tools/package.json" ] && [ "$(cat "$tools/.wanted" 2>/dev/null)" = "${wanted[*]}" ]; then
    return
  fi
  ensure_npm
  mkdir -p "$tools/bin"
  echo '{"private": true}' >"$tools/package.json"
  npm install --silent --no-audit --no-fund --prefix "$tools" "${wanted[@]}" >/dev/null
  if [ -n "${arch:-}" ]; then ln -sfn "../node_modules/node-linux-$arch/bin/node" "$tools/bin/node"; fi
  # Called through our node so pnpm (and every script it runs) gets Node 24, whatever is on PATH.
  cat >"$tools/bin/pnpm" <<'WRAP'
#!/usr/bin/env bash
here="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
# Scripts pnpm runs find Node 24 first on PATH, whatever the system has.
export PATH="$here:$PATH"
exec node "$here/../node_modules/pnpm/bin/pnpm.cjs" "$@"
WRAP
  chmod +x "$tools/bin/pnpm"
  echo "${wanted[*]}" >"$tools/.wanted"
}

# npm 11 warns about Debian's "nodedir" setting on every call; it is harmless here.
export npm_config_loglevel=error
ensure_tools
pnpm_before="$(command -v pnpm || true)"
export PATH="$tools/bin:$PATH"

# So that "pnpm connlab ..." works from any later shell, as the README says: as root, a small
# wrapper that runs the pnpm of whichever checkout holds the current directory. Never a link
# into this checkout (it would dangle once the checkout is deleted). Only ours is replaced: an
# older bootstrap's link into some .tools/, or a previous copy of the wrapper.
install_pnpm_wrapper() {
  local target="${CONNLAB_PNPM_WRAPPER:-/usr/local/bin/pnpm}"
  if [ -L "$target" ]; then
    case "$(readlink "$target")" in */.tools/bin/pnpm) ;; *) return 0 ;; esac
  elif [ -e "$target" ]; then
    grep -q '^# connlab pnpm wrapper' "$target" 2>/dev/null || return 0
    cmp -s "$root/scripts/pnpm-wrapper.sh" "$target" && return 0
  fi
  # Written beside the target and renamed: a concurrent bootstrap never sees half a file.
  install -D -m 0755 "$root/scripts/pnpm-wrapper.sh" "$target.connlab-$$" || return 1
  mv -f "$target.connlab-$$" "$target" || return 1
  echo "connlab: installed $target, which runs the pnpm of the checkout you are in" >&2
}
path_hint="connlab: to run pnpm from other shells: export PATH=\"$tools/bin:\$PATH\""
if [ "$(id -u)" = 0 ]; then
  install_pnpm_wrapper || echo "$path_hint" >&2
elif [ -z "$pnpm_before" ]; then
  echo "$path_hint" >&2
fi
if [ "${CONNLAB_SKIP_INSTALL:-}" != 1 ]; then
  (cd "$root" && pnpm install --reporter=silent)
fi
